package protocol

import (
	"reflect"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
)

// An annotation the app made travels through the server and comes back
// as the same annotation: what sync relies on. Only the id (the app keeps
// its own; the server's IRI is new, the app's id is kept in via) and the
// creator (the server's record of who wrote it) differ.
func TestRedlineAnnotationRoundTrip(t *testing.T) {
	created := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	for _, a := range []annotation.Annotation{
		{ID: "urn:uuid:5d8c0b1e-1111-4222-8333-444455556666", Kind: annotation.KindQuote, Speaker: "Ms Ebel",
			Tags: []string{"budget"}, Note: "checked", Created: created, Modified: created.Add(time.Hour), Creator: "someone",
			Target: annotation.Target{Source: annotation.StorySource("s1"), SourceDate: "2026-11-30",
				Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: "I am done.", Prefix: "said “", Suffix: "”"}, Position: &anchor.TextPosition{Start: 18, End: 28}}},
			Status: annotation.StatusChanged, Before: "I'm done.", Revision: "r2"},
		{ID: "urn:uuid:5d8c0b1e-1111-4222-8333-444455556667", Kind: annotation.KindClaim, Verdict: annotation.VerdictMostlyFalse,
			Created: created, Modified: created,
			Target:    annotation.Target{Source: annotation.StorySource("s1"), Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: "12%"}}},
			Suggested: true, Suggester: "claims"},
	} {
		data, err := annotation.MarshalAnnotation(a)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Prepare(data, iri, Person("bob"), false, now)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		if p.StoryID != "s1" {
			t.Errorf("%s: story %q", a.ID, p.StoryID)
		}
		back, err := annotation.Decode(WithID(p.JSON, iri))
		if err != nil || len(back) != 1 {
			t.Fatalf("%s: decoding what the server serves: %v", a.ID, err)
		}
		got := back[0]
		if got.ID != iri || got.Creator != "bob" {
			t.Errorf("%s: id %q creator %q, want %q and bob", a.ID, got.ID, got.Creator, iri)
		}
		if got.Via != a.ID {
			t.Errorf("%s: via %q, want the client's id", a.ID, got.Via)
		}
		got.ID, got.Creator, got.Via = a.ID, a.Creator, a.Via
		if !reflect.DeepEqual(got, a) {
			t.Errorf("round trip changed the annotation:\n got %+v\nwant %+v", got, a)
		}
	}
}
