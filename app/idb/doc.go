// Package idb keeps Redline's stories, revisions and annotations in the
// browser's IndexedDB: an implementation of store.Store for the wasm
// client. Everything but this file is built only for js/wasm; natively
// the package is empty, so `go build ./...` works everywhere.
//
// Layout: database "redline", version 1, object stores "stories",
// "revisions" and "annotations", each keyed by "id", the last two with an
// index "story". A stored object is {id, story, rev, seq, json}: the
// record's Go JSON encoding in json, next to the fields IndexedDB needs to
// find it (id, story), to check writes (rev) and to keep creation order
// (seq).
//
// Every method blocks until IndexedDB answers, and IndexedDB answers
// through the JavaScript event loop, so call the methods from a goroutine
// (go-app's ctx.Async), never from a JavaScript callback.
//
// After every committed write the DB posts {"story": id, "kind":
// "stories"|"revisions"|"annotations"} on the BroadcastChannel named like
// the database; Watch hears the other tabs' posts.
package idb
