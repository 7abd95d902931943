// Package httperr turns the errors of the store, auth and request parsing
// into HTTP statuses and one JSON error body, the same for the W3C
// protocol and the JSON API:
//
//	{"error": "one line", "problems": [{"path": "$.target", "message": "…"}]}
//
// Errors the server did not foresee are logged and answered with a plain
// 500 that reveals nothing of the cause.
package httperr

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/store"
)

// Error is an error with its own status and, for bad input, every problem
// found.
type Error struct {
	Status   int
	Message  string
	Problems []annotation.Problem
}

func (e *Error) Error() string { return e.Message }

// New returns an *Error.
func New(status int, message string, problems ...annotation.Problem) *Error {
	return &Error{Status: status, Message: message, Problems: problems}
}

// Status is the HTTP status for err.
func Status(err error) int {
	var e *Error
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &e):
		return e.Status
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, auth.ErrUnauthenticated), errors.Is(err, auth.ErrBadCredentials):
		return http.StatusUnauthorized
	case errors.Is(err, auth.ErrForbidden), errors.Is(err, auth.ErrCrossSite):
		return http.StatusForbidden
	case errors.Is(err, auth.ErrTooManyAttempts):
		return http.StatusTooManyRequests
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, store.ErrGone):
		return http.StatusGone
	case errors.Is(err, store.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, store.ErrInvalid):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

type body struct {
	Error    string    `json:"error"`
	Problems []problem `json:"problems,omitempty"`
}

type problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Write answers err. Statuses below 500 say what was wrong; a 500 says
// only that it was the server's fault, and logs the cause.
func Write(w http.ResponseWriter, r *http.Request, err error) {
	status := Status(err)
	b := body{Error: err.Error()}
	var e *Error
	if errors.As(err, &e) {
		for _, p := range e.Problems {
			b.Problems = append(b.Problems, problem{p.Path, p.Message})
		}
	}
	switch status {
	case http.StatusInternalServerError:
		log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		b = body{Error: "internal server error"}
	case http.StatusNotFound:
		b.Error = "not found" // the same for a missing project and one you are not in
	case http.StatusUnauthorized:
		w.Header().Set("WWW-Authenticate", `Bearer realm="redline"`)
	case http.StatusTooManyRequests:
		var ra *auth.RetryAfter
		if errors.As(err, &ra) {
			w.Header().Set("Retry-After", ra.Seconds(time.Now()))
		}
	}
	h := w.Header()
	h.Del("ETag")
	h.Del("Content-Location")
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		json.NewEncoder(w).Encode(b)
	}
}
