package sync

import (
	"errors"
	"net"
	"strconv"
	"strings"
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
	// StateRefused: sync goes on, but Refused records hold changes the
	// server would not take from this user (a viewer's); they are kept
	// aside here until DiscardRefused.
	StateRefused StateKind = "refused"
)

// State is the replica's sync state as a plain value for the UI.
type State struct {
	Kind      StateKind
	Pending   int    // records with changes not yet on the server
	Conflicts int    // records with unresolved conflicts, or kept against a delete and not yet settled
	Refused   int    // records with changes the server refused outright, set aside (StateRefused)
	Reason    string // for StateError and StateRefused
	LastSync  time.Time
	// ConflictStory is a story holding one of the Conflicts (the least
	// id, so every tab names the same one): where the sync status takes
	// the reader to settle it.
	ConflictStory string `json:",omitempty"`
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
	pending, refused := map[Key]bool{}, map[Key]bool{}
	for _, e := range r.outbox {
		switch {
		case strings.HasPrefix(e.Failed, refusedPrefix):
			refused[Key{e.Kind, e.ID}] = true
			continue
		case e.Failed != "" && s.Reason == "":
			s.Reason = e.Kind + " " + e.ID + ": " + e.Failed
		}
		pending[Key{e.Kind, e.ID}] = true
	}
	s.Pending, s.Refused = len(pending), len(refused)
	for _, rec := range r.records {
		if len(rec.Conflicts()) > 0 || rec.Kind == KindAnnotation && !rec.Deleted && rec.DeletedElsewhere() {
			s.Conflicts++ // a record kept against a delete needs a choice too
			if id := rec.StoryID(); id != "" && (s.ConflictStory == "" || id < s.ConflictStory) {
				s.ConflictStory = id
			}
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
	case s.Refused > 0:
		s.Kind, s.Reason = StateRefused, refusedWords(s.Refused)
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
			return "Only this project's editors can change it (your edits are kept here)."
		case 404:
			return "You are no longer a member of this project (your edits are kept here)."
		}
	}
	return err.Error()
}

// refusedWords says what became of n records' changes the server refused.
func refusedWords(n int) string {
	changes := "1 change"
	if n != 1 {
		changes = strconv.Itoa(n) + " changes"
	}
	return changes + " made here could not be saved to the project: only its editors can change it. They are kept aside in this browser; other members' changes still arrive."
}
