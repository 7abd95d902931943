package sync_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sync"
)

// TestRandomReplicasConverge interleaves three replicas' edits, deletes
// and syncs against a real server, losing answers at random and
// restarting the server, then checks every replica ends with the same
// records and that every annotation created is there (live, or deleted
// because someone deleted it).
func TestRandomReplicasConverge(t *testing.T) {
	for seed := range uint64(5) {
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
	for step := range 120 {
		r := rs[rng.IntN(len(rs))]
		switch op := rng.IntN(10); {
		case op < 2 || len(ids) == 0:
			id := fmt.Sprintf("00000000-0000-4000-8000-%012d", len(ids)+1)
			ids = append(ids, id)
			must(t, r.PutAnnotation(ctx, quote(id, "words "+id[len(id)-3:])))
		case op < 6:
			id := ids[rng.IntN(len(ids))]
			a, err := r.Annotation(id)
			if err != nil {
				continue // not here yet, or deleted
			}
			if rng.IntN(2) == 0 {
				a.Note = fmt.Sprintf("note %d", step)
			} else {
				a.Speaker = fmt.Sprintf("speaker %d", step)
			}
			must(t, r.PutAnnotation(ctx, a))
		case op < 7:
			id := ids[rng.IntN(len(ids))]
			if _, err := r.Annotation(id); err == nil {
				must(t, r.DeleteAnnotation(ctx, id))
				deleted[id] = true
			}
		case op < 8 && step%30 == 0:
			e.restart()
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
	t.Logf("%d annotations created, %d deleted, %d records", len(ids), len(deleted), len(rs[0].Records()))
}
