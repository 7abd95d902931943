package sync_test

import (
	"context"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/sync"
)

// A running replica gets another's change without being asked: the
// long-poll wakes it.
func TestRunGetsOthersChangesSoon(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.replica("alice", nil), e.replica("bob", nil)
	live, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		bob.Run(live, sync.Live{Poll: time.Minute, Backoff: 50 * time.Millisecond, MaxBack: time.Second})
		close(done)
	}()
	defer func() { stop(); <-done }()
	for bob.State().LastSync.IsZero() { // bob has synced once and now waits
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	must(t, alice.PutAnnotation(ctx, quote(id1, "super smart")))
	must(t, alice.Sync(ctx))
	// Without the long-poll waking it, bob would next sync after Poll
	// (a minute): 30 s is a generous bound, not a speed goal.
	start := time.Now()
	for time.Since(start) < 30*time.Second {
		if _, err := bob.Annotation(id1); err == nil {
			t.Logf("arrived after %v", time.Since(start))
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("bob's running replica did not get alice's annotation in 30 s")
}
