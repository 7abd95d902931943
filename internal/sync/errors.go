package sync

import "errors"

var errStorage = errors.New("storage: commit failed (test)")

// ErrNotFound: no such record in the replica.
var ErrNotFound = errors.New("no such record")

// ErrDeleted: the record is deleted; its id is never reused.
var ErrDeleted = errors.New("deleted (its id is never reused)")

// ErrOffline: the server could not be reached, or the answer was lost on
// the way. The change may or may not have arrived; a retry is safe.
var ErrOffline = errors.New("offline")

// StatusError is an HTTP answer other than success: the server refused
// (401 signed out, 403 no longer an editor, 404 no longer a member...).
type StatusError struct {
	Code    int
	Message string // the server's one-line error
}

func (e *StatusError) Error() string { return e.Message }

// ErrInvalid: the change breaks a rule of the model (deleting a story's
// only revision, or one that is not its latest).
var ErrInvalid = errors.New("not allowed")
