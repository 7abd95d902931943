//go:build js && wasm

package idb

import (
	"context"
	"fmt"
	"sync/atomic"
	"syscall/js"
)

// Name and version of Redline's database. A new version adds what it
// needs to schema; upgradeSchema creates it in databases of any older
// version. Version 2 added "rejections".
const (
	dbName    = "redline"
	dbVersion = 2
)

// Object stores and the index by story.
const (
	storiesStore     = "stories"
	revisionsStore   = "revisions"
	annotationsStore = "annotations"
	rejectionsStore  = "rejections"
	storyIndex       = "story"
)

// schema is every object store of dbVersion with its key path and
// indexes (each index is on the field of the same name).
var schema = []struct {
	name    string
	keyPath any
	indexes []string
}{
	{storiesStore, "id", nil},
	{revisionsStore, "id", []string{storyIndex}},
	{annotationsStore, "id", []string{storyIndex}},
	{rejectionsStore, []any{"revision", "key"}, []string{storyIndex}},
}

// DB is an open Redline database. Its methods are safe for concurrent use
// from goroutines (not from JavaScript callbacks).
type DB struct {
	db      js.Value // IDBDatabase
	channel js.Value // BroadcastChannel, or undefined where there is none
	onClose funcs    // the versionchange handler
}

// Open opens (creating on first use) Redline's database.
func Open(ctx context.Context) (*DB, error) {
	return open(ctx, dbName)
}

// open opens the database called name; the self-test uses throwaway names.
func open(ctx context.Context, name string) (*DB, error) {
	return openWith(ctx, name, dbVersion, upgradeSchema)
}

// openWith opens the database called name at version, creating or
// upgrading its schema with upgrade (replica.go has a schema of its own).
func openWith(ctx context.Context, name string, version int, upgrade func(db, tx js.Value)) (*DB, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	factory := js.Global().Get("indexedDB")
	if missing(factory) {
		return nil, ErrUnavailable
	}
	var req js.Value
	if err := try(func() { req = factory.Call("open", name, version) }); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err) // e.g. a SecurityError in a sandboxed frame
	}
	var (
		f         funcs
		abandoned atomic.Bool           // the caller went away; close what opens late
		answer    = make(chan reply, 3) // schema failure, blocked, then success or error
	)
	req.Set("onupgradeneeded", f.add(func(js.Value, []js.Value) any {
		if err := try(func() { upgrade(req.Get("result"), req.Get("transaction")) }); err != nil {
			answer <- reply{err: err}
			_ = try(func() { req.Get("transaction").Call("abort") })
		}
		return nil
	}))
	req.Set("onblocked", f.add(func(js.Value, []js.Value) any {
		answer <- reply{err: ErrBlocked}
		return nil
	}))
	req.Set("onsuccess", f.add(func(js.Value, []js.Value) any {
		if abandoned.Load() {
			req.Get("result").Call("close")
		}
		answer <- reply{val: req.Get("result")}
		f.release()
		return nil
	}))
	req.Set("onerror", f.add(func(js.Value, []js.Value) any {
		answer <- reply{err: openError(req.Get("error"))}
		f.release()
		return nil
	}))
	select {
	case r := <-answer:
		if r.err != nil {
			abandoned.Store(true)
			return nil, r.err
		}
		return newDB(r.val, name), nil
	case <-ctx.Done():
		abandoned.Store(true)
		return nil, ctx.Err()
	}
}

// upgradeSchema brings a new database, or one of an older version, to
// dbVersion by creating the object stores and indexes it lacks. It never
// deletes or changes what exists: that is the reader's saved work. It runs
// in the upgradeneeded callback, where tx, the upgrade transaction, is
// active.
func upgradeSchema(db, tx js.Value) {
	for _, s := range schema {
		var os js.Value
		if db.Get("objectStoreNames").Call("contains", s.name).Bool() {
			os = tx.Call("objectStore", s.name)
		} else {
			os = db.Call("createObjectStore", s.name, map[string]any{"keyPath": s.keyPath})
		}
		for _, index := range s.indexes {
			if !os.Get("indexNames").Call("contains", index).Bool() {
				os.Call("createIndex", index, index)
			}
		}
	}
}

func newDB(db js.Value, name string) *DB {
	d := &DB{db: db}
	// Let another tab upgrade or delete the database instead of blocking
	// it: this tab's later calls fail with ErrClosed.
	db.Set("onversionchange", d.onClose.add(func(js.Value, []js.Value) any {
		db.Call("close")
		return nil
	}))
	if bc := js.Global().Get("BroadcastChannel"); !missing(bc) {
		d.channel = bc.New(name)
	}
	return d
}

// Close closes the database; later calls fail with ErrClosed. Watchers
// stop hearing other tabs.
func (d *DB) Close() {
	d.db.Call("close")
	d.onClose.release()
	if !missing(d.channel) {
		d.channel.Call("close")
	}
}

// deleteDatabase deletes the database called name (the self-test's).
func deleteDatabase(ctx context.Context, name string) error {
	var req js.Value
	if err := try(func() { req = js.Global().Get("indexedDB").Call("deleteDatabase", name) }); err != nil {
		return err
	}
	var f funcs
	answer := make(chan error, 2) // blocked, then success or error
	req.Set("onblocked", f.add(func(js.Value, []js.Value) any {
		answer <- ErrBlocked
		return nil
	}))
	return awaitRequest(ctx, req, &f, answer, nil)
}

// awaitRequest waits for an IndexedDB request whose other handlers (f)
// may also answer (blocked, a failed upgrade): on success it runs
// onSuccess, if any, and answers nil; on error it answers the DOM error.
func awaitRequest(ctx context.Context, req js.Value, f *funcs, answer chan error, onSuccess func()) error {
	req.Set("onsuccess", f.add(func(js.Value, []js.Value) any {
		if onSuccess != nil {
			onSuccess()
		}
		answer <- nil
		f.release()
		return nil
	}))
	req.Set("onerror", f.add(func(js.Value, []js.Value) any {
		answer <- domError(req.Get("error"))
		f.release()
		return nil
	}))
	select {
	case err := <-answer:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
