package sync

import (
	"context"
	"time"
)

// Waiter is a Transport that can hold a request until the feed has a
// change after since (long-poll), or ctx ends.
type Waiter interface {
	Wait(ctx context.Context, since int64) error
}

// Live is how Run paces itself.
type Live struct {
	Poll    time.Duration // between syncs when the transport cannot wait (and the long-poll's length)
	Backoff time.Duration // first wait after a failed sync; doubles up to MaxBack
	MaxBack time.Duration
}

// DefaultLive: others' changes arrive within a second or two of the
// server having them (long-poll), or within Poll without it.
var DefaultLive = Live{Poll: 25 * time.Second, Backoff: time.Second, MaxBack: 30 * time.Second}

// Run syncs until ctx ends: after each sync it waits for the next change
// on the server (long-poll if the transport can, else Poll), and after a
// failure it waits longer each time. Local edits are sent at the next
// round; call Sync to send them at once.
func (r *Replica) Run(ctx context.Context, live Live) {
	back := live.Backoff
	for ctx.Err() == nil {
		err := r.Sync(ctx)
		if err != nil {
			r.sleep(ctx, back)
			back = min(2*back, live.MaxBack)
			continue
		}
		back = live.Backoff
		r.mu.Lock()
		since := r.checkpoint
		r.mu.Unlock()
		if w, ok := r.tr.(Waiter); ok {
			wctx, cancel := context.WithTimeout(ctx, live.Poll)
			go func() { // a local edit (Kick) ends the wait
				select {
				case <-r.kick:
					cancel()
				case <-wctx.Done():
				}
			}()
			err = w.Wait(wctx, since)
			cancel()
			if err != nil && ctx.Err() == nil && wctx.Err() == nil {
				r.sleep(ctx, back) // the wait itself failed: do not spin
			}
			continue
		}
		r.sleep(ctx, live.Poll)
	}
}

// sleep waits d, or until ctx ends or a Kick.
func (r *Replica) sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	case <-r.kick:
	}
}
