package sync

import (
	"context"
	"fmt"
)

// MaxPush is the most changes one push carries (the server's limit).
const MaxPush = 500

// pushRound sends the first waiting change of each record (the next one
// of a record waits for the seq this one gets) and applies the results.
// It says how many changes were sent.
func (r *Replica) pushRound(ctx context.Context) (int, error) {
	sent, err := r.freeze(ctx)
	if err != nil || len(sent) == 0 {
		return 0, err
	}
	changes, sent, err := r.wire(ctx, sent)
	if err != nil || len(sent) == 0 {
		return 0, err
	}
	results, err := r.tr.Push(ctx, r.device, changes)
	if refused(err) {
		return len(sent), r.setAside(ctx, sent, err)
	}
	if err != nil {
		return 0, err
	}
	r.mu.Lock()
	defer r.unlockAndTell()
	var b Batch
	for i, res := range results {
		if res.ChangeID != sent[i].ChangeID {
			return 0, fmt.Errorf("push: result %d is for %q, not %q", i, res.ChangeID, sent[i].ChangeID)
		}
		if err := r.result(&b, sent[i], res); err != nil {
			return 0, err
		}
	}
	return len(sent), r.commit(ctx, b)
}

// wire is the push of entries; one the model cannot write (an invalid
// annotation) is marked failed and left out, so it holds up no other.
func (r *Replica) wire(ctx context.Context, entries []Entry) ([]WireChange, []Entry, error) {
	var changes []WireChange
	var kept []Entry
	var b Batch
	r.mu.Lock()
	defer r.unlockAndTell()
	for _, e := range entries {
		w, err := wireChange(e)
		if err != nil {
			e.Failed = "invalid: " + err.Error()
			b.Entries = append(b.Entries, e)
			continue
		}
		if w.Op == "delete" && e.Kind == KindRevision {
			w.StoryID = r.records[Key{e.Kind, e.ID}].StoryID() // the server finds a revision by its story
			w.KeepAnnotations = true                           // DeleteRevision queued those it had
		}
		changes, kept = append(changes, w), append(kept, e)
	}
	return changes, kept, r.commit(ctx, b)
}

// freeze picks the changes to send and stores their content before they
// go, so that a retry sends the same change again.
func (r *Replica) freeze(ctx context.Context) ([]Entry, error) {
	r.mu.Lock()
	defer r.unlockAndTell()
	var b Batch
	var sent []Entry
	seen := map[Key]bool{}
	for _, e := range r.outbox {
		k := Key{e.Kind, e.ID}
		if e.Failed != "" || seen[k] || len(sent) == MaxPush {
			continue
		}
		seen[k] = true
		if !e.Sent {
			rec := r.records[k]
			if rec.Deleted && rec.BaseSeq == 0 {
				rec.BaseDeleted = true // created and deleted here: nothing to tell the server
				b.Records = append(b.Records, rec)
			}
			if rec.synced() {
				b.Done = append(b.Done, e.ChangeID) // edited back to what the server has
				continue
			}
			e.Sent, e.Delete, e.Body, e.BaseSeq = true, rec.Deleted, rec.Fields.without(), rec.BaseSeq
			b.Entries = append(b.Entries, e)
		}
		sent = append(sent, e)
	}
	return sent, r.commit(ctx, b)
}

// result applies what the server did with entry e.
func (r *Replica) result(b *Batch, e Entry, res WireResult) error {
	k := Key{e.Kind, e.ID}
	rec := r.records[k].clone()
	switch {
	case res.Status == StatusApplied:
		b.Done = append(b.Done, e.ChangeID)
		if res.Seq > rec.BaseSeq {
			rec.Base, rec.BaseDeleted, rec.BaseSeq = e.Body, e.Delete, res.Seq
		}
		r.settle(b, rec, !rec.synced())
	case res.Status == StatusReplayed || res.Status == StatusConflict:
		b.Done = append(b.Done, e.ChangeID)
		base, baseDeleted := rec.Base, rec.BaseDeleted
		if res.Status == StatusReplayed {
			base, baseDeleted = e.Body, e.Delete // it was applied: the server's state already holds it
		}
		if res.Current == nil {
			// A revision's id is taken: it is the hash of its story
			// and text, so the server has this very revision.
			rec.Base, rec.BaseDeleted = e.Body, e.Delete
			r.settle(b, rec, !rec.synced())
			return nil
		}
		theirs, err := feedFields(*res.Current)
		if err != nil {
			return err
		}
		r.reconcile(b, rec, base, baseDeleted, theirs, res.Current.Deleted, res.Current.Seq, res.Current.author())
	case res.Status == StatusGone:
		b.Done = append(b.Done, e.ChangeID)
		var who Author
		if res.Current != nil {
			who = res.Current.author() // the tombstone's: who deleted it
		}
		r.reconcile(b, rec, rec.Base, rec.BaseDeleted, nil, true, rec.BaseSeq, who)
	case res.Status == StatusNotFound && e.Delete:
		b.Done = append(b.Done, e.ChangeID) // nothing there to delete
		rec.BaseDeleted, rec.Base = true, nil
		r.settle(b, rec, !rec.synced())
	case res.Status == StatusInvalid && e.Delete && e.Kind == KindRevision && !rec.BaseDeleted && rec.Base != nil:
		// Not the story's latest there (another device added a later
		// one meanwhile): the revision stays, here too, as the server has it.
		b.Done = append(b.Done, e.ChangeID)
		rec.Fields, rec.Deleted = rec.Base.without(), false
		r.settle(b, rec, false)
	default: // notfound, invalid: the server will not take it; keep it, say so
		e.Failed = res.Status + ": " + res.Error
		b.Entries = append(b.Entries, e)
	}
	return nil
}

// Push sends the waiting changes until none is left (or none went).
func (r *Replica) push(ctx context.Context) error {
	for range 100 {
		n, err := r.pushRound(ctx)
		if err != nil || n == 0 {
			return err
		}
	}
	return nil
}
