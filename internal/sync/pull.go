package sync

import (
	"context"
	"errors"
)

// PullPage is how many feed changes one pull reads at a time.
const PullPage = 500

// pull reads the feed from the checkpoint and applies each page in one
// transaction with the checkpoint it reaches.
func (r *Replica) pull(ctx context.Context) error {
	for {
		r.mu.Lock()
		since := r.checkpoint
		r.mu.Unlock()
		feed, err := r.tr.Changes(ctx, since, PullPage)
		if err != nil {
			return err
		}
		if err := r.applyFeed(ctx, feed); err != nil {
			return err
		}
		if !feed.More || len(feed.Changes) == 0 {
			return nil
		}
	}
}

func (r *Replica) applyFeed(ctx context.Context, feed Feed) error {
	r.mu.Lock()
	defer r.unlockAndTell()
	var b Batch
	for _, c := range feed.Changes {
		if c.Kind != KindStory && c.Kind != KindRevision && c.Kind != KindAnnotation {
			continue // members: not a record of the library
		}
		theirs, err := feedFields(c)
		if err != nil {
			return err
		}
		k := Key{c.Kind, c.ID}
		rec, ok := r.records[k]
		for _, w := range b.Records { // an earlier change of this page
			if w.key() == k {
				rec, ok = w, true
			}
		}
		switch {
		case !ok:
			rec = Record{Kind: c.Kind, ID: c.ID}
		case c.Seq < rec.BaseSeq:
			continue // older than what we have: delivered out of order
		}
		r.reconcile(&b, rec.clone(), rec.Base, rec.BaseDeleted, theirs, c.Deleted, c.Seq, c.author())
	}
	if feed.Last > r.checkpoint {
		b.SetCheckpoint, b.Checkpoint = true, feed.Last
	}
	return r.commit(ctx, b)
}

// Sync sends what waits, then reads what others did, then sends what
// that merge left to send. The state (State) says how it went.
func (r *Replica) Sync(ctx context.Context) error {
	if r.tr == nil {
		return nil
	}
	r.syncing.Lock()
	defer r.syncing.Unlock()
	err := r.round(ctx)
	if errors.Is(err, ErrStale) { // another tab wrote: the replica has loaded it, go again
		err = r.round(ctx)
	}
	r.mu.Lock()
	defer r.unlockAndTell()
	r.status.err = err
	if err == nil {
		r.status.lastSync = r.now()
	}
	r.tell(Change{}) // the state changed
	return err
}

func (r *Replica) round(ctx context.Context) error {
	err := r.push(ctx)
	if err == nil {
		err = r.pull(ctx)
	}
	if err == nil {
		err = r.push(ctx)
	}
	return err
}
