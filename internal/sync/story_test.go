package sync_test

import (
	gosync "sync"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sync"
)

// A story deleted on one side while an annotation of it is edited on
// the other: the server deletes the annotation with its story, and the
// edited one comes back under a new id, marked, on both sides.
func TestStoryDeletedWhileItsAnnotationIsEdited(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.replica("alice", nil), e.replica("bob", nil)
	must(t, alice.PutStory(ctx, annotation.Story{ID: "s1", Title: "Sample", Created: created}, ""))
	must(t, alice.PutAnnotation(ctx, quote(id1, "super smart")))
	syncAll(t, alice, bob)
	must(t, alice.DeleteStory(ctx, "s1"))
	must(t, alice.Sync(ctx))
	b := ann(t, bob, id1)
	b.Note = "written offline"
	must(t, bob.PutAnnotation(ctx, b))
	syncAll(t, bob, alice)
	assertSame(t, alice, bob)
	var kept []sync.Record
	for _, rec := range alice.Records() {
		if rec.Kind == sync.KindAnnotation && !rec.Deleted {
			kept = append(kept, rec)
		}
	}
	if len(kept) != 1 || !kept[0].DeletedElsewhere() || ann(t, alice, kept[0].ID).Note != "written offline" {
		t.Errorf("kept %+v", kept)
	}
}

// Local edits while a sync runs: every edit is on the server at the end
// (run with -race).
func TestEditsDuringSync(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.replica("alice", nil), e.replica("bob", nil)
	must(t, alice.PutAnnotation(ctx, quote(id1, "super smart")))
	var wg gosync.WaitGroup
	wg.Go(func() {
		for range 10 {
			_ = alice.Sync(ctx)
		}
	})
	for i := range 20 {
		a := ann(t, alice, id1)
		a.Note = string(rune('a' + i))
		must(t, alice.PutAnnotation(ctx, a))
	}
	wg.Wait()
	syncAll(t, alice, bob)
	if got := ann(t, bob, id1).Note; got != "t" {
		t.Errorf("bob has note %q, want the last edit", got)
	}
	assertSame(t, alice, bob)
}

func TestLocalLibraryNeverSyncs(t *testing.T) {
	r, err := sync.Open(ctx, sync.NewMemory(), nil, "d")
	must(t, err)
	must(t, r.PutAnnotation(ctx, quote(id1, "x")))
	must(t, r.Sync(ctx))
	if st := r.State(); st.Kind != sync.StateLocal || !st.LastSync.IsZero() {
		t.Errorf("state %+v", st)
	}
}

// A story renamed on two sides: a conflict here, both titles kept, and
// no endless pushes of it afterwards.
func TestStoryRenamedOnBothSides(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.replica("alice", nil), e.replica("bob", nil)
	must(t, alice.PutStory(ctx, annotation.Story{ID: "s1", Title: "Sample", Created: created}, ""))
	syncAll(t, alice, bob)
	must(t, alice.PutStory(ctx, annotation.Story{ID: "s1", Title: "Alice's title", Created: created}, ""))
	must(t, bob.PutStory(ctx, annotation.Story{ID: "s1", Title: "Bob's title", Created: created}, ""))
	syncAll(t, alice, bob)
	before, err := e.db.Story(ctx, "desk", "s1")
	must(t, err)
	syncAll(t, alice, bob)
	after, err := e.db.Story(ctx, "desk", "s1")
	must(t, err)
	if after.Seq != before.Seq {
		t.Errorf("syncing again wrote the story again (seq %d -> %d)", before.Seq, after.Seq)
	}
	found := 0
	for _, r := range []*sync.Replica{alice, bob} {
		rec, _ := r.Record(sync.KindStory, "s1")
		for _, c := range rec.Conflicts() {
			if c.Field == "title" {
				found++
			}
		}
		if st := r.State(); st.Pending != 0 {
			t.Errorf("state %+v", st)
		}
	}
	if found != 1 {
		t.Errorf("%d replicas show the title conflict, want the one that found it", found)
	}
}
