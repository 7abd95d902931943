// Package sqlstore keeps Redline's server data in a SQL database: SQLite
// embedded (modernc.org/sqlite, pure Go) by default, PostgreSQL (pgx) for a
// desk that runs several server processes. One schema and one set of
// queries serve both; what differs is in dialect.go.
//
// Every write runs in one transaction that first takes the single row of
// the counter table (SQLite: BEGIN IMMEDIATE on the one write connection;
// PostgreSQL: SELECT … FOR UPDATE). Writers therefore commit one at a time
// in the order of the numbers they take, so the change sequence (the
// changes table, and the seq column on every record) never shows a gap
// that a later commit fills: a feed read "after seq n" misses nothing.
// The log keeps each record's latest change only (tombstones included), so
// it grows with the project rather than with its edits, and any checkpoint,
// however old, still gets a complete feed.
//
// Deletes leave tombstones: a deleted annotation keeps its id, so the
// protocol can answer 410 Gone and never give the id to something else.
// Through the store.Store view (the sync engine's and the app's rules) a
// tombstone is simply absent, and creating the id again revives it.
//
// Each annotation write also stores a row of its history (who, when, from
// which device, based on which revision), which sync merges need.
package sqlstore

// What the later issues build on:
//
//   - Sync (issue 13) pulls Changes(since) from a checkpoint (a seq) and
//     pushes writes that name the seq they were based on (ifSeq) with a
//     client change id (store.Actor.ChangeID), applied once however often
//     it is retried. DocHistory keeps every write with its base seq, so
//     a conflict is two writes on one base and a merge can see both.
//   - Watching (issue 14) adds its tables (watches with their next due
//     time, captures with the page as fetched) as a new migration step. A
//     process claims a due watch in a write transaction (it holds the
//     counter row, so no other process can claim the same one) and
//     records the capture and the new revision through AddRevision, so
//     the revision reaches every synced browser through the same feed.
