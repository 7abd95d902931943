package sync

import (
	"context"
	"errors"
	"fmt"
)

// Change is what one committed transaction wrote, as the replica holds
// it now.
type Change struct {
	Records []Record
	// Local: the records were edited through this replica (PutAnnotation…);
	// otherwise the server's changes were merged in, a push settled or
	// another tab's writes were loaded (Reload). A page showing a record
	// reloads it on a change that is not Local.
	Local bool
}

// Watch calls fn after every committed change, in the committing
// goroutine with no lock held (fn may call the replica, but must not
// block for long), until stop is called.
func (r *Replica) Watch(fn func(Change)) (stop func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.watchers == nil {
		r.watchers = map[int]func(Change){}
	}
	id := r.nextWatch
	r.nextWatch++
	r.watchers[id] = fn
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		delete(r.watchers, id)
	}
}

// tell queues c for the watchers; r.mu is held, so they are called when
// the lock goes (see unlockAndTell).
func (r *Replica) tell(c Change) {
	if len(r.watchers) == 0 {
		return
	}
	for i := range c.Records {
		c.Records[i] = c.Records[i].clone()
	}
	r.told = append(r.told, c)
}

// unlockAndTell releases r.mu and then calls the watchers with what was
// committed meanwhile, so that a watcher may read the replica.
func (r *Replica) unlockAndTell() {
	told := r.told
	r.told = nil
	fns := make([]func(Change), 0, len(r.watchers))
	for _, fn := range r.watchers {
		fns = append(fns, fn)
	}
	r.mu.Unlock()
	for _, c := range told {
		for _, fn := range fns {
			fn(c)
		}
	}
}

// commitLocal commits a local edit: the watchers hear it as Local and
// Run wakes to send it.
func (r *Replica) commitLocal(ctx context.Context, b Batch) error {
	n := len(r.told)
	err := r.commit(ctx, b)
	for i := n; i < len(r.told); i++ {
		r.told[i].Local = true
	}
	if err == nil {
		r.Kick()
	}
	return err
}

// Kick makes Run sync now instead of at the end of its wait.
func (r *Replica) Kick() {
	select {
	case r.kick <- struct{}{}:
	default: // a kick is already waiting
	}
}

// ErrStale is what a Storage shared by several replicas (browser tabs
// over one IndexedDB database) answers when another one committed since
// this one last loaded or committed: nothing was written. The replica
// loads again (its edit is refused with ErrStale, to be redone on what
// is stored now; a sync tries again).
var ErrStale = errors.New("changed by another tab")

// Reload reads the replica again from its storage: after another tab's
// commit, or an ErrStale. It waits for a sync in progress to end.
//
// The read is made with r.mu held, as every commit is: an edit of this
// tab committed while the read ran (IndexedDB answers later, and the
// reader's save does not wait for it) would otherwise be replaced in
// memory by the older snapshot, the storage's generation taken as
// loaded, and the next edit made and stored on the older copy (tester
// 5, bug 13: a second tab syncing for the project made every note typed
// in this one lose words, come out twice and show a false conflict).
func (r *Replica) Reload(ctx context.Context) error {
	r.syncing.Lock()
	defer r.syncing.Unlock()
	r.mu.Lock()
	defer r.unlockAndTell()
	snap, err := r.store.Load(ctx)
	if err != nil {
		return fmt.Errorf("sync: load: %w", err)
	}
	r.loaded(snap)
	return nil
}

// reloadLocked is Reload with r.mu held, after an ErrStale (a failed
// load leaves things as they were: the next commit is stale again).
func (r *Replica) reloadLocked(ctx context.Context) {
	if snap, err := r.store.Load(ctx); err == nil {
		r.loaded(snap)
	}
}

// loaded replaces what the replica holds with snap and tells the
// watchers which records differ.
func (r *Replica) loaded(snap Snapshot) {
	old := r.records
	r.load(snap)
	var c Change
	for k, rec := range r.records {
		if o, ok := old[k]; !ok || o.Deleted != rec.Deleted || !o.Fields.Equal(rec.Fields) || o.BaseSeq != rec.BaseSeq {
			c.Records = append(c.Records, rec)
		}
	}
	r.tell(c)
}
