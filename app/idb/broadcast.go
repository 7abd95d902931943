//go:build js && wasm

package idb

import (
	"sync"
	"syscall/js"
)

// notify tells other tabs that a write of kind committed for each story.
// Best effort: a tab that misses it still sees the data on its next read,
// and a write that conflicts with it still fails with ErrConflict.
func (d *DB) notify(kind string, storyIDs ...string) {
	if missing(d.channel) {
		return
	}
	for _, id := range storyIDs {
		_ = try(func() { d.channel.Call("postMessage", map[string]any{"story": id, "kind": kind}) })
	}
}

// Watch calls fn, in a goroutine of its own (so fn may call the DB), with
// the story id of every write other tabs commit, until stop is called.
// Writes through this DB are not reported. Where the browser has no
// BroadcastChannel, fn is never called.
func (d *DB) Watch(fn func(storyID string)) (stop func()) {
	if missing(d.channel) {
		return func() {}
	}
	listener := js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := args[0].Get("data")
		if data.Type() == js.TypeObject {
			if story := data.Get("story"); story.Type() == js.TypeString {
				go fn(story.String())
			}
		}
		return nil
	})
	d.channel.Call("addEventListener", "message", listener)
	var once sync.Once
	return func() {
		once.Do(func() {
			d.channel.Call("removeEventListener", "message", listener)
			listener.Release()
		})
	}
}
