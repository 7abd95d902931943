// Package library is what the Redline app does, in pure Go: add stories
// from files, open one, tag passages, edit and delete annotations with undo,
// filter them, import and export them. The UI (app/) turns events into
// calls here and renders the results; the CLI and tests drive the same code
// against an in-memory store.
//
// Every change is written to the store as it is made (there is no "save").
// A change is shown once the store has accepted it, so what the reader sees
// is what a reload would show; the one exception is a new tag, drawn from
// its draft while it is written (Draft, Commit) and taken back if the
// write fails.
package library
