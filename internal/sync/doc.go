// Package sync is the replica engine: a device's copy of a project's
// stories, revisions and annotations that works offline and converges
// with the server (internal/api's change feed and idempotent push).
//
// The engine is pure Go so the same code runs natively in tests and in
// the wasm client. Its two edges are interfaces:
//
//   - Storage keeps the records, the outbox and the feed checkpoint, and
//     writes every change together with its outbox entry (or every pulled
//     batch together with its checkpoint) in ONE transaction (Commit).
//     Memory is the in-process implementation; the app's is IndexedDB.
//   - Transport talks to the server: HTTP is the real API client.
//
// Records are held as Fields (one JSON value per field of the Redline
// model), so that concurrent edits merge field by field (Merge3): an edit
// of the speaker here and of the note there both survive, the same field
// edited differently on both sides becomes a Conflict that keeps both
// values, and an edit against a delete keeps the edited record.
package sync
