package sync_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sync"
)

var ctx = context.Background()

func TestBothSidesEditDifferentFieldsMerge(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.replica("alice", nil), e.replica("bob", nil)
	must(t, alice.PutStory(ctx, annotation.Story{ID: "s1", Title: "Sample", Created: created}, ""))
	must(t, alice.PutAnnotation(ctx, quote(id1, "super smart")))
	syncAll(t, alice, bob)
	a, b := ann(t, alice, id1), ann(t, bob, id1)
	a.Speaker = "The minister"
	b.Note = "check this"
	b.Tags = []string{"claim"}
	must(t, alice.PutAnnotation(ctx, a))
	must(t, bob.PutAnnotation(ctx, b))
	syncAll(t, alice, bob)
	for _, r := range []*sync.Replica{alice, bob} {
		got := ann(t, r, id1)
		if got.Speaker != "The minister" || got.Note != "check this" || len(got.Tags) != 1 {
			t.Errorf("merged = speaker %q note %q tags %q", got.Speaker, got.Note, got.Tags)
		}
		if st := r.State(); st.Kind != sync.StateSynced || st.Pending != 0 {
			t.Errorf("state %+v", st)
		}
	}
}

func TestSameFieldEditedDifferentlyIsAConflictKeepingBoth(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.replica("alice", nil), e.replica("bob", nil)
	must(t, alice.PutAnnotation(ctx, quote(id1, "super smart")))
	syncAll(t, alice, bob)
	a, b := ann(t, alice, id1), ann(t, bob, id1)
	a.Speaker, b.Speaker = "Alice's pick", "Bob's pick"
	must(t, alice.PutAnnotation(ctx, a))
	must(t, bob.PutAnnotation(ctx, b))
	syncAll(t, alice, bob)
	for _, r := range []*sync.Replica{alice, bob} {
		rec, _ := r.Record(sync.KindAnnotation, id1)
		cs := rec.Conflicts()
		if len(cs) != 1 || cs[0].Field != "Speaker" {
			t.Fatalf("conflicts %+v", cs)
		}
		vals := map[string]bool{string(cs[0].Ours): true, string(cs[0].Theirs): true}
		if !vals[`"Alice's pick"`] || !vals[`"Bob's pick"`] {
			t.Errorf("both values not kept: %s / %s", cs[0].Ours, cs[0].Theirs)
		}
		if cs[0].TheirsSeq == 0 || cs[0].Device == "" {
			t.Errorf("the conflict does not name its heads: %+v", cs[0])
		}
		if st := r.State(); st.Kind != sync.StateConflict || st.Conflicts != 1 || st.ConflictStory != "s1" {
			t.Errorf("state %+v, want one conflict, in story s1", st)
		}
	}
	must(t, bob.Resolve(ctx, sync.KindAnnotation, id1, "Speaker", json.RawMessage(`"Both, jointly"`)))
	syncAll(t, alice, bob)
	for _, r := range []*sync.Replica{alice, bob} {
		rec, _ := r.Record(sync.KindAnnotation, id1)
		if got := ann(t, r, id1).Speaker; got != "Both, jointly" || len(rec.Conflicts()) != 0 {
			t.Errorf("after resolve: speaker %q conflicts %+v", got, rec.Conflicts())
		}
		if st := r.State(); st.ConflictStory != "" {
			t.Errorf("after resolve the state still names story %q", st.ConflictStory)
		}
	}
}

// TestConflictNamesBothAuthorsAndTimes: each side of a conflict says
// who wrote it and when (tester 4, bug 18: the panel could not say
// alice or bob), on every replica, not only the one that found it.
func TestConflictNamesBothAuthorsAndTimes(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.replica("alice", nil), e.replica("bob", nil)
	must(t, alice.PutAnnotation(ctx, quote(id1, "super smart")))
	syncAll(t, alice, bob)
	a, b := ann(t, alice, id1), ann(t, bob, id1)
	aliceAt, bobAt := created.Add(7*time.Hour+2*time.Minute), created.Add(7*time.Hour+5*time.Minute)
	a.Note, a.Modified = "alice's note", aliceAt
	b.Note, b.Modified = "bob's note", bobAt
	must(t, alice.PutAnnotation(ctx, a))
	must(t, bob.PutAnnotation(ctx, b))
	before := time.Now().Add(-time.Second)
	syncAll(t, alice, bob) // alice's reaches the server first: bob's replica finds the conflict
	for name, r := range map[string]*sync.Replica{"alice": alice, "bob": bob} {
		rec, _ := r.Record(sync.KindAnnotation, id1)
		cs := rec.Conflicts()
		if len(cs) != 1 {
			t.Fatalf("%s: conflicts %+v", name, cs)
		}
		c := cs[0]
		if string(c.Theirs) != `"alice's note"` || c.TheirsBy.By != "alice" || c.TheirsBy.At.Before(before) {
			t.Errorf("%s: theirs %s by %+v, want alice's note by alice, written on the server after %v", name, c.Theirs, c.TheirsBy, before)
		}
		if string(c.Ours) != `"bob's note"` || c.OursBy.By != "bob" || !c.OursBy.At.Equal(bobAt) {
			t.Errorf("%s: ours %s by %+v, want bob's note by bob at %v", name, c.Ours, c.OursBy, bobAt)
		}
	}
}

func TestEditVersusDeleteKeepsTheEdit(t *testing.T) {
	for _, editorFirst := range []bool{true, false} {
		e := newEnv(t)
		alice, bob := e.replica("alice", nil), e.replica("bob", nil)
		must(t, alice.PutAnnotation(ctx, quote(id1, "super smart")))
		syncAll(t, alice, bob)
		a := ann(t, alice, id1)
		a.Note = "keep me"
		must(t, alice.PutAnnotation(ctx, a))
		must(t, bob.DeleteAnnotation(ctx, id1))
		order := []*sync.Replica{bob, alice}
		if editorFirst {
			order = []*sync.Replica{alice, bob}
		}
		syncAll(t, order...)
		for _, r := range order {
			kept := 0
			for _, rec := range r.Records() {
				if rec.Kind == sync.KindAnnotation && !rec.Deleted {
					got := ann(t, r, rec.ID)
					if got.Note != "keep me" || !rec.DeletedElsewhere() {
						t.Errorf("editorFirst %v: kept %+v, deleted elsewhere %v", editorFirst, got, rec.DeletedElsewhere())
					}
					if by := rec.DeletedBy(); by.By != "bob" || !editorFirst && by.At.IsZero() {
						t.Errorf("editorFirst %v: deleted by %+v, want bob (and when, from the server's tombstone)", editorFirst, by)
					}
					kept++
				}
			}
			if kept != 1 {
				t.Errorf("editorFirst %v: %d live annotations, want 1", editorFirst, kept)
			}
		}
	}
}

func TestLostResponsesAndRetriesApplyOnce(t *testing.T) {
	e := newEnv(t)
	lost := &lossy{Transport: e.transport("alice")}
	alice, bob := e.replica("alice", lost), e.replica("bob", nil)
	must(t, alice.PutStory(ctx, annotation.Story{ID: "s1", Title: "Sample", Created: created}, ""))
	must(t, alice.PutAnnotation(ctx, quote(id1, "super smart")))
	lost.drop = func(op string) bool { return op == "push" }
	for range 3 {
		if err := alice.Sync(ctx); err == nil {
			t.Fatal("sync with every answer lost succeeded")
		}
		if st := alice.State(); st.Kind != sync.StateOffline || st.Pending != 2 {
			t.Fatalf("state %+v", st)
		}
	}
	a := ann(t, alice, id1)
	a.Note = "edited while the answers were lost"
	must(t, alice.PutAnnotation(ctx, a))
	lost.drop = nil
	syncAll(t, alice, bob)
	hist, err := e.db.DocHistory(ctx, "desk", id1)
	must(t, err)
	if len(hist) != 2 {
		t.Errorf("history has %d writes, want 2 (the create once, then the edit)", len(hist))
	}
	if got := ann(t, bob, id1).Note; got != a.Note {
		t.Errorf("bob sees note %q", got)
	}
	if st := alice.State(); st.Kind != sync.StateSynced {
		t.Errorf("state %+v", st)
	}
}

func TestRevisionsAddedOnTwoSides(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.replica("alice", nil), e.replica("bob", nil)
	must(t, alice.PutStory(ctx, annotation.Story{ID: "s1", Title: "Sample", Created: created}, ""))
	syncAll(t, alice, bob)
	same := annotation.Revision{StoryID: "s1", Date: "2026-12-01", Title: "v1", Text: "the same file"}
	ida, err := alice.AddRevision(ctx, same, "")
	must(t, err)
	idb, err := bob.AddRevision(ctx, same, "")
	must(t, err)
	_, err = bob.AddRevision(ctx, annotation.Revision{StoryID: "s1", Date: "2026-12-02", Title: "v2", Text: "another file"}, "")
	must(t, err)
	syncAll(t, alice, bob)
	if ida != idb {
		t.Errorf("the same file got ids %s and %s", ida, idb)
	}
	revs, err := e.db.Revisions(ctx, "desk", "s1")
	must(t, err)
	if len(revs) != 2 {
		t.Errorf("server has %d revisions, want 2", len(revs))
	}
	for _, r := range []*sync.Replica{alice, bob} {
		if st := r.State(); st.Kind != sync.StateSynced {
			t.Errorf("state %+v", st)
		}
	}
}

// A push whose answer was lost, then someone else's write, then the
// retry: the server says replayed with its newer state, which is merged
// (nothing of either side lost, nothing written twice).
func TestReplayAfterOthersWrite(t *testing.T) {
	e := newEnv(t)
	lost := &lossy{Transport: e.transport("alice")}
	alice, bob := e.replica("alice", lost), e.replica("bob", nil)
	must(t, alice.PutAnnotation(ctx, quote(id1, "super smart")))
	syncAll(t, alice, bob)
	a := ann(t, alice, id1)
	a.Note = "alice's note"
	must(t, alice.PutAnnotation(ctx, a))
	lost.drop = func(op string) bool { return op == "push" }
	if alice.Sync(ctx) == nil {
		t.Fatal("lost answer not reported")
	}
	lost.drop = nil
	a.Tags = []string{"later, here"} // edited again while the first answer is unknown
	must(t, alice.PutAnnotation(ctx, a))
	must(t, bob.Sync(ctx))
	b := ann(t, bob, id1)
	b.Speaker = "bob's speaker"
	must(t, bob.PutAnnotation(ctx, b))
	must(t, bob.Sync(ctx))
	syncAll(t, alice, bob)
	for _, r := range []*sync.Replica{alice, bob} {
		got := ann(t, r, id1)
		if got.Note != "alice's note" || got.Speaker != "bob's speaker" || len(got.Tags) != 1 {
			t.Errorf("got note %q speaker %q tags %q", got.Note, got.Speaker, got.Tags)
		}
		rec, _ := r.Record(sync.KindAnnotation, id1)
		if len(rec.Conflicts()) != 0 {
			t.Errorf("conflicts %+v", rec.Conflicts())
		}
	}
	assertSame(t, alice, bob)
}
