package sync_test

import (
	"context"
	"errors"
	gosync "sync"
	"testing"

	"github.com/redline-news/redline/internal/sync"
)

// shared is one storage several tabs open, as IndexedDB is: every commit
// bumps a generation, and a tab that has not loaded the latest one is
// refused with ErrStale (app/idb's ReplicaStorage does the same).
type shared struct {
	mu  gosync.Mutex
	m   *sync.Memory
	gen int
}

type tab struct {
	s    *shared
	seen int
}

func (t *tab) Load(ctx context.Context) (sync.Snapshot, error) {
	t.s.mu.Lock()
	defer t.s.mu.Unlock()
	t.seen = t.s.gen
	return t.s.m.Load(ctx)
}

func (t *tab) Commit(ctx context.Context, b sync.Batch) error {
	t.s.mu.Lock()
	defer t.s.mu.Unlock()
	if t.seen != t.s.gen {
		return sync.ErrStale
	}
	if err := t.s.m.Commit(ctx, b); err != nil {
		return err
	}
	t.s.gen++
	t.seen = t.s.gen
	return nil
}

// Two tabs of alice's on one storage: only the leader syncs; the other's
// edits reach the server through it, an edit made on a stale copy is
// redone on what is stored (nothing of the other tab is overwritten),
// and the follower hears what the leader pulled when it reloads.
func TestTabsShareOneStorage(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	s := &shared{m: sync.NewMemory()}
	leader, err := sync.Open(ctx, &tab{s: s}, e.transport("alice"), "alice-tab-1")
	must(t, err)
	follower, err := sync.Open(ctx, &tab{s: s}, e.transport("alice"), "alice-tab-2")
	must(t, err)
	bob := e.replica("bob", nil)

	must(t, follower.PutAnnotation(ctx, quote(id1, "super smart")))
	must(t, leader.PutAnnotation(ctx, quote(id2, "prayed for"))) // stale: redone after loading the follower's
	a := ann(t, follower, id1)                                   // the follower has not loaded id2
	a.Note = "from the follower"
	must(t, follower.PutAnnotation(ctx, a)) // stale: redone, id2 kept
	must(t, leader.Reload(ctx))
	must(t, leader.Sync(ctx))
	must(t, bob.Sync(ctx))
	if got := ann(t, bob, id1).Note; got != "from the follower" {
		t.Errorf("bob has note %q on the follower's quote", got)
	}
	if _, err := bob.Annotation(id2); err != nil {
		t.Errorf("the leader's quote: %v", err)
	}

	b := ann(t, bob, id2)
	b.Speaker = "Trump"
	must(t, bob.PutAnnotation(ctx, b))
	must(t, bob.Sync(ctx))
	must(t, leader.Sync(ctx))
	var heard []sync.Change
	stop := follower.Watch(func(c sync.Change) { heard = append(heard, c) })
	defer stop()
	must(t, follower.Reload(ctx))
	if got := ann(t, follower, id2).Speaker; got != "Trump" {
		t.Errorf("the follower has speaker %q after reloading", got)
	}
	if len(heard) != 1 || heard[0].Local || len(heard[0].Records) == 0 {
		t.Errorf("the follower heard %+v, want one change that is not local", heard)
	}
	if st := follower.State(); st.Pending != 0 {
		t.Errorf("the follower counts %d waiting after the leader sent them", st.Pending)
	}
}

// A storage that keeps refusing (another tab writes all the time) fails
// the edit with ErrStale after its retries, and nothing is half-written.
func TestStaleTwiceFailsTheEdit(t *testing.T) {
	ctx := context.Background()
	s := &shared{m: sync.NewMemory()}
	r, err := sync.Open(ctx, &alwaysStale{tab{s: s}}, nil, "tab")
	must(t, err)
	if err := r.PutAnnotation(ctx, quote(id1, "super smart")); !errors.Is(err, sync.ErrStale) {
		t.Fatalf("edit: %v, want ErrStale", err)
	}
	if _, ok := r.Record(sync.KindAnnotation, id1); ok {
		t.Error("a refused edit is in the replica")
	}
}

type alwaysStale struct{ tab }

func (s *alwaysStale) Commit(context.Context, sync.Batch) error { return sync.ErrStale }
