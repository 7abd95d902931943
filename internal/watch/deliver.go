package watch

import (
	"context"
	"errors"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// Webhook delivery policy: a receiver that fails is tried again after
// deliveryFirstRetry, then twice as long each time (at most
// deliveryMaxDelay apart), deliveryAttempts times in all — about six
// hours, enough to ride out a receiver's restart or a night's outage,
// and bounded, so a dead receiver costs nothing for long.
const (
	deliveryAttempts   = 10
	deliveryFirstRetry = time.Minute
	deliveryMaxDelay   = 2 * time.Hour
	deliveryLease      = 2*webhookTimeout + time.Minute
)

// retryDelay is the wait after the attempts-th failed attempt.
func retryDelay(attempts int) time.Duration {
	d := deliveryFirstRetry
	for i := 1; i < attempts && d < deliveryMaxDelay; i++ {
		d *= 2
	}
	return min(d, deliveryMaxDelay)
}

// DeliverDue posts every webhook delivery that is due, one after another,
// records each attempt and returns how many it attempted. RunDue calls
// it once no watch is due.
func (w *Watcher) DeliverDue(ctx context.Context) (int, error) {
	n := 0
	for ctx.Err() == nil {
		d, err := w.store.ClaimDelivery(ctx, w.owner, w.now(), deliveryLease)
		if errors.Is(err, store.ErrNotFound) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		w.deliver(ctx, &d)
		if err := w.store.FinishDelivery(context.WithoutCancel(ctx), w.owner, d); err != nil {
			w.cfg.Logf("webhook %s/%s: %v", d.Project, d.ID, err)
		}
		n++
	}
	return n, ctx.Err()
}

// deliver makes one attempt at d, to the project's webhook as it is now
// (a removed one ends the delivery), and sets its outcome on d.
func (w *Watcher) deliver(ctx context.Context, d *store.Delivery) {
	now := w.now()
	d.Attempts++
	d.LastAttempt, d.LastStatus, d.DueAt = now, 0, time.Time{}
	hook, err := w.store.Webhook(ctx, d.Project)
	if err == nil && hook == "" {
		d.State, d.LastError = store.DeliveryFailed, "the project's webhook was removed"
		return
	}
	if err == nil {
		d.URL = hook
		d.LastStatus, err = w.fetcher.Post(ctx, hook, d.Body)
	}
	if err == nil {
		d.State, d.LastError = store.DeliveryDelivered, ""
		return
	}
	d.LastError = oneLine(err.Error())
	w.cfg.Logf("webhook %s/%s (attempt %d): %s", d.Project, d.ID, d.Attempts, d.LastError)
	if d.Attempts >= deliveryAttempts {
		d.State = store.DeliveryFailed
		return
	}
	d.State, d.DueAt = store.DeliveryPending, now.Add(retryDelay(d.Attempts))
}
