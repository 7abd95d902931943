// Package idb keeps Redline's stories, revisions and annotations in the
// browser's IndexedDB: an implementation of store.Store for the wasm
// client. Everything but this file is built only for js/wasm; natively
// the package is empty, so `go build ./...` works everywhere.
//
// Layout: database "redline", version 2, object stores "stories",
// "revisions" and "annotations", each keyed by "id", the last two with an
// index "story". A stored object is {id, story, rev, seq, json}: the
// record's Go JSON encoding in json, next to the fields IndexedDB needs to
// find it (id, story), to check writes (rev) and to keep creation order
// (seq). Object store "rejections" (added in version 2) holds {revision,
// key, story}, keyed by [revision, key], with an index "story": a
// suggestion the reader rejected on a revision.
//
// Upgrades only add: opening a database of an older version creates the
// object stores and indexes it lacks and keeps everything in it. Tabs
// still running the older code are closed by the upgrade (their calls fail
// with ErrClosed); older code opening the upgraded database gets
// ErrNewerVersion.
//
// Every method blocks until IndexedDB answers, and IndexedDB answers
// through the JavaScript event loop, so call the methods from a goroutine
// (go-app's ctx.Async), never from a JavaScript callback.
//
// After every committed write the DB posts {"story": id, "kind":
// "stories"|"revisions"|"annotations"|"rejections"} on the BroadcastChannel named like
// the database; Watch hears the other tabs' posts.
package idb
