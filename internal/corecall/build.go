package corecall

import "errors"

// build names the build of this program: `make` sets the same value in
// the page's wasm and the worker's (a hash of the sources, through
// -ldflags -X), and a plain `go build` leaves it empty. A tab opened
// before a deploy can start the new deploy's worker (the new service
// worker serves open tabs too); the two must be one build, since the
// page works out part of what the core answers (carriedGuess, the
// diff's wire form), so each side checks the other's build.
var build string

// ErrUpdated is the answer when the page and the core are not the same
// build: the page must be reloaded. Nothing the reader typed is lost, as
// it is saved by the page (the note merge then keeps both texts).
var ErrUpdated = errors.New("this page is from before Redline was updated: reload it to continue; nothing you typed is lost")

// checkRequest is the core's check of the page's build: a request from
// another build (one before this check carries none) is refused.
func checkRequest(r Request) error {
	if r.Build != build {
		return ErrUpdated
	}
	return nil
}

// checkAnswer is the page's check of the core's build. An answer counts
// only from this build (an older core's carries none); an error from
// another build is the update too. An error without a build is the
// page's own (the worker failed or timed out: see app/core_js.go) or an
// older core's, and stands as it is.
func checkAnswer(r Response) error {
	switch {
	case r.Build == build:
		return nil
	case r.Error == "" || r.Build != "":
		return ErrUpdated
	}
	return nil
}
