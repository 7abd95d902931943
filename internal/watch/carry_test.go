package watch_test

import (
	"testing"
	"time"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/watch"
)

// A capture's copy of an annotation is named as the app names the copies
// it carries (annotation.CarriedID): a reader's editor open on the
// annotation while the capture arrives finds the copy and follows it
// (tester 5, bug 12: the typing stayed on the old revision).
func TestCarriedCopyIsNamedByAnnotationAndRevision(t *testing.T) {
	old := store.RevisionRec{Revision: annotation.Revision{ID: "r1", StoryID: "s", Text: "The council voted seven to two."}}
	next := store.RevisionRec{Revision: annotation.Revision{ID: "r2", StoryID: "s", Text: "The council voted eight to one."}}
	a := annotation.Annotation{ID: "urn:x:1", Kind: annotation.KindNote, Note: "Watching:", Created: time.Unix(0, 0).UTC(), Revision: "r1",
		Target: annotation.Target{Source: annotation.StorySource("s"), Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: "The council"}}}}
	body, err := annotation.MarshalAnnotation(a)
	if err != nil {
		t.Fatal(err)
	}
	p, err := protocol.Prepare(body, "urn:x:1", nil, false, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	doc := store.Doc{Project: "desk", ID: protocol.NewID(), JSON: p.JSON, StoryID: "s"}
	c := watch.Carry(old, next, []store.RevisionRec{old}, []store.Doc{doc}, time.Now())
	if len(c.Docs) != 1 {
		t.Fatalf("%d copies, want 1", len(c.Docs))
	}
	if got, want := "urn:uuid:"+c.Docs[0].ID, annotation.CarriedID("urn:uuid:"+doc.ID, "r2"); got != want {
		t.Errorf("copy %s, want %s", got, want)
	}
}
