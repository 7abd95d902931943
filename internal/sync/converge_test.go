package sync_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sync"
)

// TestRandomReplicasConverge interleaves three replicas' edits, deletes
// and syncs against a real server, losing answers at random and
// restarting the server, then checks every replica ends with the same
// records and that every annotation created is there (live, or deleted
// because someone deleted it).
func TestRandomReplicasConverge(t *testing.T) {
	for seed := range uint64(8) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { converge(t, seed) })
	}
}

func converge(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 13))
	e := newEnv(t)
	users := []string{"alice", "bob", "carol"}
	var rs []*sync.Replica
	var nets []*lossy
	for _, u := range users {
		l := &lossy{Transport: e.transport(u), drop: func(string) bool { return rng.IntN(4) == 0 }}
		nets = append(nets, l)
		rs = append(rs, e.replica(u, l))
	}
	must(t, rs[0].PutStory(ctx, annotation.Story{ID: "s1", Title: "Sample", Created: created}, ""))
	var ids []string
	deleted := map[string]bool{}
	revisionDeletes := 0
	last := map[string]map[string]string{} // per annotation, per field, the value written last (in time, on any replica)
	for step := range 120 {
		r := rs[rng.IntN(len(rs))]
		switch op := rng.IntN(10); {
		case step%20 == 19:
			// The server restarts while this replica syncs: requests
			// in between are answered 503.
			done := make(chan struct{})
			go func() { e.restart(); close(done) }()
			_ = r.Sync(ctx)
			<-done
		case op < 2 || len(ids) == 0:
			id := fmt.Sprintf("00000000-0000-4000-8000-%012d", len(ids)+1)
			ids = append(ids, id)
			a := quote(id, "words "+id[len(id)-3:])
			if revs := liveRevisions(r); len(revs) > 0 {
				a.Revision = revs[len(revs)-1] // made on the latest revision this replica has
			}
			must(t, r.PutAnnotation(ctx, a))
		case op < 6:
			id := ids[rng.IntN(len(ids))]
			a, err := r.Annotation(id)
			if err != nil {
				continue // not here yet, or deleted
			}
			field, value := "Note", fmt.Sprintf("note %d", step)
			if rng.IntN(2) == 0 {
				a.Note = value
			} else {
				field, value = "Speaker", fmt.Sprintf("speaker %d", step)
				a.Speaker = value
			}
			must(t, r.PutAnnotation(ctx, a))
			if last[id] == nil {
				last[id] = map[string]string{}
			}
			last[id][field] = value
		case op == 6 && rng.IntN(2) == 0:
			must(t, r.PutStory(ctx, annotation.Story{ID: "s1", Title: fmt.Sprint("title ", step), Created: created}, ""))
		case op == 6 && rng.IntN(3) > 0:
			text := fmt.Sprint("text ", rng.IntN(4)) // the same file on several replicas is one revision
			added := created.Add(time.Duration(rng.IntN(4)) * time.Hour)
			_, err := r.AddRevision(ctx, annotation.Revision{StoryID: "s1", Date: "2026-12-01", Title: "v", Text: text, Added: added}, "")
			if err != nil && !errors.Is(err, sync.ErrNotFound) { // the story has not reached this replica yet
				t.Fatal(err)
			}
		case op == 6:
			// The latest revision goes with the annotations this replica
			// has on it; ones another replica made or edits on it stay.
			revs := liveRevisions(r)
			if len(revs) < 2 {
				continue
			}
			_, on, err := r.DeleteRevision(ctx, "s1", revs[len(revs)-1])
			must(t, err)
			revisionDeletes++
			for _, rec := range on {
				deleted[rec.ID] = true
			}
		case op < 8:
			id := ids[rng.IntN(len(ids))]
			if _, err := r.Annotation(id); err == nil {
				must(t, r.DeleteAnnotation(ctx, id))
				deleted[id] = true
			}
		default:
			_ = r.Sync(ctx) // answers may be lost: that is the point
		}
	}
	for _, l := range nets {
		l.mu.Lock()
		l.drop = nil
		l.mu.Unlock()
	}
	for range 3 {
		syncAll(t, rs...)
	}
	for _, r := range rs {
		if st := r.State(); st.Pending != 0 || (st.Kind != sync.StateSynced && st.Kind != sync.StateConflict) {
			t.Errorf("state %+v", st)
		}
	}
	assertSame(t, rs[0], rs[1])
	assertSame(t, rs[0], rs[2])
	live := map[string]bool{}
	for _, rec := range rs[0].Records() {
		if rec.Kind != sync.KindAnnotation {
			continue
		}
		live[rec.ID] = !rec.Deleted
	}
	for _, id := range ids {
		if !live[id] && !deleted[id] {
			t.Errorf("annotation %s was lost (nobody deleted it)", id)
		}
	}
	// The last value written to a field is never lost: it is the value,
	// or one side of a conflict on that field (unless the annotation was
	// deleted, which may have come after it).
	for id, fields := range last {
		if deleted[id] {
			continue
		}
		rec, _ := rs[0].Record(sync.KindAnnotation, id)
		for field, value := range fields {
			want := `"` + value + `"`
			kept := string(rec.Fields[field]) == want
			for _, c := range rec.Conflicts() {
				kept = kept || c.Field == field && (string(c.Ours) == want || string(c.Theirs) == want)
			}
			if !kept {
				t.Errorf("annotation %s: the last %s written, %q, is lost: %s", id, field, value, rec.Fields)
			}
		}
	}
	// No annotation is left on a revision that is gone, where no page
	// would show it.
	revs := liveRevisions(rs[0])
	var onRevisions, kept int
	for _, rec := range rs[0].Records() {
		if rec.Kind != sync.KindAnnotation || rec.Deleted {
			continue
		}
		a, err := rs[0].Annotation(rec.ID)
		must(t, err)
		if a.Revision != "" {
			onRevisions++
			if !slices.Contains(revs, a.Revision) {
				t.Errorf("annotation %s is on revision %s, which is gone (live: %v)", rec.ID, a.Revision, revs)
			}
		}
		if rec.DeletedElsewhere() {
			kept++
		}
	}
	t.Logf("%d annotations created (%d live on revisions, %d kept against a delete), %d deleted, %d revision deletes, %d revisions left, %d records",
		len(ids), onRevisions, kept, len(deleted), revisionDeletes, len(revs), len(rs[0].Records()))
}

// liveRevisions are story s1's live revisions on r, in the story's order.
func liveRevisions(r *sync.Replica) []string {
	store := sync.NewLibraryStore(r)
	revs, err := store.Revisions(context.Background(), "s1")
	if err != nil {
		return nil
	}
	var ids []string
	for _, v := range revs {
		ids = append(ids, v.ID)
	}
	return ids
}
