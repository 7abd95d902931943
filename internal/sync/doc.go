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
//
// How a change travels: a local edit writes the record and an outbox
// Entry in one Commit. Sync freezes each record's first waiting entry
// (its content and base seq, stored before the first send), pushes,
// and applies the results: applied moves the record's base; replayed
// (the answer to an earlier try was lost) and conflict merge the
// server's current state in; gone keeps an edited annotation under a new
// id, marked deleted elsewhere. A conflict names who wrote each side and
// when (Conflict.TheirsBy from the server's modifiedBy and modified,
// OursBy the replica's user, OpenAs, and the edit's Modified), and a
// deleted-elsewhere mark who deleted (Record.DeletedBy), so the reader is
// told "alice, 16:02", not just "one side". Then it pulls the feed from the
// checkpoint, each page merged and stored with its checkpoint in one
// Commit, and pushes what the merges left. Run repeats that, woken by
// the feed's long-poll.
//
// Revisions never change, so one id is one content: LibraryStore names a
// new revision by the hash of its story and text, and each annotation
// carried onto it by the hash of the original's id and the revision's
// (library.Namer), so the same file added on two devices offline is one
// revision with one copy of each carried annotation once they sync. A
// revision is deleted with the annotations this replica has on it; one
// made or edited on it elsewhere meanwhile is kept, moved onto the
// story's latest revision left and marked deleted elsewhere.
//
// For the app: one Storage per signed-in user and project (so one
// user's data is never shown to the next), the outbox and checkpoint in
// the same IndexedDB transaction as the records. Known limits: the API
// keeps no extension for stories and revisions, so their conflicts and
// deleted-elsewhere marks stay on the replica that found them; a story
// edited here but deleted elsewhere stays here and is not sent again;
// the same file added as a new story on two devices is two stories
// (stories have no content of their own to name them by); rejected
// suggestions are records of this device only, stored with the replica
// but never sent (the API has no place for them).
package sync
