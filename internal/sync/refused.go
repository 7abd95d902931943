package sync

import (
	"context"
	"errors"
	"strings"
)

// refused says the server will not take this push from this user at
// all (403: a viewer, or an editor no longer): the changes are set
// aside, and the pull of others' changes goes on.
func refused(err error) bool {
	var se *StatusError
	return errors.As(err, &se) && se.Code == 403
}

// setAside marks the sent entries refused: kept here, shown in the state,
// never sent again unless edited anew; DiscardRefused drops them.
func (r *Replica) setAside(ctx context.Context, sent []Entry, err error) error {
	r.mu.Lock()
	defer r.unlockAndTell()
	var b Batch
	for _, e := range sent {
		e.Failed = refusedPrefix + err.Error()
		b.Entries = append(b.Entries, e)
	}
	return r.commit(ctx, b)
}

// refusedPrefix starts the Failed of an entry the server refused outright.
const refusedPrefix = "refused: "

// DiscardRefused drops every change the server refused outright: each
// such record goes back to what the server has (one it never had goes),
// and its waiting changes with it. It says how many records it reset.
func (r *Replica) DiscardRefused(ctx context.Context) (int, error) {
	r.mu.Lock()
	defer r.unlockAndTell()
	var b Batch
	reset := map[Key]bool{}
	for _, e := range r.outbox {
		k := Key{e.Kind, e.ID}
		if !strings.HasPrefix(e.Failed, refusedPrefix) || reset[k] {
			continue
		}
		reset[k] = true
		rec := r.records[k].clone()
		rec.Fields, rec.Deleted = rec.Base.without(), rec.BaseDeleted
		if rec.BaseSeq == 0 { // made here: the server never had it
			rec.Fields, rec.Deleted, rec.BaseDeleted = nil, true, true
		}
		b.Records = append(b.Records, rec)
	}
	for _, e := range r.outbox {
		if reset[Key{e.Kind, e.ID}] {
			b.Done = append(b.Done, e.ChangeID)
		}
	}
	return len(reset), r.commit(ctx, b)
}
