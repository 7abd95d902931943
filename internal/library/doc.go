// Package library is what the Redline app does, in pure Go: add stories
// from files, open one, tag passages, edit and delete annotations with undo,
// filter them, import and export them. The UI (app/) turns events into
// calls here and renders the results; the CLI and tests drive the same code
// against an in-memory store.
//
// Every change is written to the store as it is made (there is no "save"),
// and a change is shown only once the store has accepted it, so what the
// reader sees is what a reload would show.
package library
