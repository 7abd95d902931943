package sync

import (
	"errors"
	"net"
	"time"
)

// StateKind is what #sync-status shows (its data-state).
type StateKind string

const (
	StateLocal    StateKind = "local"    // not signed in: a personal library
	StateSynced   StateKind = "synced"   // nothing waiting, nothing in conflict
	StatePending  StateKind = "pending"  // Pending changes wait to be sent
	StateOffline  StateKind = "offline"  // the server cannot be reached; Pending wait
	StateConflict StateKind = "conflict" // Conflicts records need a choice
	StateError    StateKind = "error"    // Reason says what; retry with Sync
)

// State is the replica's sync state as a plain value for the UI.
type State struct {
	Kind      StateKind
	Pending   int    // records with changes not yet on the server
	Conflicts int    // records with unresolved conflicts, or kept against a delete and not yet settled
	Reason    string // for StateError
	LastSync  time.Time
}

// status is what the last Sync found.
type status struct {
	err      error
	lastSync time.Time
}

// State is the replica's state now.
func (r *Replica) State() State {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := State{LastSync: r.status.lastSync}
	pending := map[Key]bool{}
	for _, e := range r.outbox {
		if e.Failed != "" && s.Reason == "" {
			s.Reason = e.Kind + " " + e.ID + ": " + e.Failed
		}
		pending[Key{e.Kind, e.ID}] = true
	}
	s.Pending = len(pending)
	for _, rec := range r.records {
		if len(rec.Conflicts()) > 0 || rec.Kind == KindAnnotation && !rec.Deleted && rec.DeletedElsewhere() {
			s.Conflicts++ // a record kept against a delete needs a choice too
		}
	}
	switch {
	case r.tr == nil:
		s.Kind = StateLocal
	case r.status.err != nil && offline(r.status.err):
		s.Kind = StateOffline
	case r.status.err != nil:
		s.Kind, s.Reason = StateError, reason(r.status.err)
	case s.Reason != "":
		s.Kind = StateError
	case s.Conflicts > 0:
		s.Kind = StateConflict
	case s.Pending > 0:
		s.Kind = StatePending
	default:
		s.Kind = StateSynced
	}
	return s
}

// offline says err is the network's, not the server's answer: the
// change waits and the next Sync retries.
func offline(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code == 502 || se.Code == 503 || se.Code == 504
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, ErrOffline)
}

// reason is a failed sync in words for the user; the local edits are
// always kept, so it says so.
func reason(err error) string {
	var se *StatusError
	if errors.As(err, &se) {
		switch se.Code {
		case 401:
			return "You are signed out: sign in again to sync (your edits are kept here)."
		case 403:
			return "You can no longer edit this project (your edits are kept here)."
		case 404:
			return "You are no longer a member of this project (your edits are kept here)."
		}
	}
	return err.Error()
}
