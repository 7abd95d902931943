package sync_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/core"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/span"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/sync"
)

// desk is one user's library of project desk: the app's library over a
// replica that syncs with the test server.
type desk struct {
	r   *sync.Replica
	s   *sync.LibraryStore
	lib *library.Library
}

func newDesk(e *env, user string) desk {
	r := e.replica(user, nil)
	s := sync.NewLibraryStore(r)
	return desk{r, s, &library.Library{Store: s, Core: core.Core{}}}
}

func (d desk) open(t *testing.T, id string) *library.Session {
	t.Helper()
	sess, err := d.lib.Open(context.Background(), id)
	must(t, err)
	return sess
}

func words(t *testing.T, s *library.Session, sub string) span.Span {
	t.Helper()
	text := s.Revision().Text
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in the text", sub)
	}
	start := len([]rune(text[:i]))
	return span.Span{Start: start, End: start + len([]rune(sub))}
}

func placed(t *testing.T, s *library.Session, id string) library.Placed {
	t.Helper()
	p, ok := s.Find(id)
	if !ok {
		t.Fatalf("annotation %s is not on the page", id)
	}
	return p
}

func ptr[T any](v T) *T { return &v }

// sharedTag adds the sample story on alice's desk, opens it there, tags
// "super smart" as kind and syncs both desks.
func sharedTag(t *testing.T, alice, bob desk, kind annotation.Kind) (*library.Session, store.Story, library.Placed) {
	t.Helper()
	st, err := alice.lib.AddStory(context.Background(), library.SampleName, library.SampleArticle())
	must(t, err)
	s := alice.open(t, st.ID)
	p, err := s.Tag(context.Background(), words(t, s, "super smart"), kind)
	must(t, err)
	syncAll(t, alice.r, bob.r)
	return s, st, p
}

// The judged scenario, on the library the story page uses: alice shares
// the sample and tags a quote, bob sees it; offline, alice sets the
// speaker and bob writes a note: both merge; both change the note: a
// conflict that both see with both values, resolved on one side for both.
func TestLibraryOverReplicaSyncsTheDeskScenario(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	alice, bob := newDesk(e, "alice"), newDesk(e, "bob")
	as, st, q := sharedTag(t, alice, bob, annotation.KindQuote)

	bs := bob.open(t, st.ID)
	if got := placed(t, bs, q.ID).Kind; got != annotation.KindQuote {
		t.Fatalf("bob sees kind %q", got)
	}
	_, err := as.Update(ctx, q.ID, library.Edit{Speaker: ptr("Trump")})
	must(t, err)
	_, err = bs.Update(ctx, q.ID, library.Edit{Note: ptr("check the transcript")})
	must(t, err)
	syncAll(t, alice.r, bob.r)
	for name, d := range map[string]desk{"alice": alice, "bob": bob} {
		p := placed(t, d.open(t, st.ID), q.ID)
		if p.Speaker != "Trump" || p.Note != "check the transcript" {
			t.Errorf("%s: speaker %q note %q, want both edits", name, p.Speaker, p.Note)
		}
	}

	as, bs = alice.open(t, st.ID), bob.open(t, st.ID)
	_, err = as.Update(ctx, q.ID, library.Edit{Note: ptr("alice's note")})
	must(t, err)
	_, err = bs.Update(ctx, q.ID, library.Edit{Note: ptr("bob's note")})
	must(t, err)
	syncAll(t, alice.r, bob.r)
	for name, d := range map[string]desk{"alice": alice, "bob": bob} {
		cs, _ := d.s.Marks(q.ID)
		if len(cs) != 1 || cs[0].Field != "Note" || !bothNotes(cs[0]) {
			t.Fatalf("%s: conflicts %+v, want one on Note with both values", name, cs)
		}
	}
	must(t, alice.s.Resolve(ctx, q.ID, "Note", json.RawMessage(`"both: alice and bob"`)))
	syncAll(t, alice.r, bob.r)
	for name, d := range map[string]desk{"alice": alice, "bob": bob} {
		if cs, _ := d.s.Marks(q.ID); len(cs) != 0 {
			t.Errorf("%s: still in conflict: %+v", name, cs)
		}
		if p := placed(t, d.open(t, st.ID), q.ID); p.Note != "both: alice and bob" || p.Speaker != "Trump" {
			t.Errorf("%s: note %q speaker %q after the resolution", name, p.Note, p.Speaker)
		}
	}
	assertSame(t, alice.r, bob.r)
}

func bothNotes(c sync.Conflict) bool {
	vals := string(c.Ours) + string(c.Theirs)
	return strings.Contains(vals, "alice's note") && strings.Contains(vals, "bob's note")
}

// A page that shows an annotation as it was before the server's change
// arrived does not write its stale copy over it: its edit is merged with
// the change that arrived, and both stay.
func TestLibraryStoreMergesAStaleWrite(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	alice, bob := newDesk(e, "alice"), newDesk(e, "bob")
	as, st, q := sharedTag(t, alice, bob, annotation.KindQuote)
	bs := bob.open(t, st.ID) // bob's page, before alice's speaker arrives
	_, err := as.Update(ctx, q.ID, library.Edit{Speaker: ptr("Trump")})
	must(t, err)
	syncAll(t, alice.r, bob.r)
	_, err = bs.Update(ctx, q.ID, library.Edit{Note: ptr("stale page")})
	must(t, err)
	if p := placed(t, bob.open(t, st.ID), q.ID); p.Speaker != "Trump" || p.Note != "stale page" {
		t.Errorf("bob has speaker %q note %q, want alice's speaker and his note", p.Speaker, p.Note)
	}
	if err := bob.s.DeleteAnnotations(ctx, []store.Ref{{ID: q.ID, Rev: placed(t, bs, q.ID).Rev - 1}}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("delete at an old rev: %v, want ErrConflict", err)
	}
}

// Watch hears a merge from the server as not Local, and a local edit as
// Local; a batch of annotations is one transaction (all or nothing).
func TestLibraryStoreWatchAndBatches(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	alice, bob := newDesk(e, "alice"), newDesk(e, "bob")
	var heard []bool
	stop := bob.r.Watch(func(c sync.Change) {
		if len(c.Records) > 0 {
			heard = append(heard, c.Local)
		}
	})
	defer stop()
	st, err := alice.lib.AddStory(ctx, library.SampleName, library.SampleArticle())
	must(t, err)
	syncAll(t, alice.r, bob.r)
	if len(heard) == 0 || heard[0] {
		t.Fatalf("bob heard %v, want a change that is not local", heard)
	}
	heard = nil
	bs := bob.open(t, st.ID)
	_, err = bs.Tag(ctx, words(t, bs, "super smart"), annotation.KindQuote)
	must(t, err)
	if len(heard) != 1 || !heard[0] {
		t.Errorf("bob heard %v for his own tag, want one local change", heard)
	}

	good := store.Annotation{StoryID: st.ID, Annotation: annotation.Annotation{ID: annotation.NewID(), Kind: annotation.KindNote,
		Target: annotation.Target{Source: annotation.StorySource(st.ID)}}}
	bad := good
	bad.ID, bad.Rev = annotation.NewID(), 7 // not stored: refused
	if _, err := bob.s.PutAnnotations(ctx, []store.Annotation{good, bad}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("batch with a missing record: %v, want ErrNotFound", err)
	}
	anns, err := bob.s.Annotations(ctx, st.ID)
	must(t, err)
	if len(anns) != 1 {
		t.Errorf("%d annotations after a refused batch, want only the quote", len(anns))
	}
}

// Undo works on a project story after the change synced: the server's
// echo (its creator and via) is not another tab's change (tester 4's
// bug 13: every undo in a project story was refused).
func TestUndoAfterSyncInAProjectStory(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	alice, bob := newDesk(e, "alice"), newDesk(e, "bob")
	s, st, p := sharedTag(t, alice, bob, annotation.KindNote)
	if _, err := s.Undo(ctx); err != nil {
		t.Fatalf("undo of a tag after sync: %v", err)
	}
	q, err := s.Tag(ctx, words(t, s, "super smart"), annotation.KindQuote)
	must(t, err)
	syncAll(t, alice.r, bob.r)
	_, err = s.Update(ctx, q.ID, library.Edit{Speaker: ptr("Witkoff")})
	must(t, err)
	syncAll(t, alice.r, bob.r)
	if _, err := s.Undo(ctx); err != nil {
		t.Fatalf("undo of an edit after sync: %v", err)
	}
	syncAll(t, alice.r, bob.r)
	for name, d := range map[string]desk{"alice": alice, "bob": bob} {
		page := d.open(t, st.ID)
		if _, found := page.Find(p.ID); found {
			t.Errorf("%s: the undone tag is still there", name)
		}
		got := placed(t, page, q.ID)
		if got.Speaker != "" {
			t.Errorf("%s: speaker %q after its undo", name, got.Speaker)
		}
		if got.Creator == "" {
			t.Errorf("%s: the quote lost its creator", name)
		}
	}
}
