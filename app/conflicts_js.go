//go:build js && wasm

package ui

import (
	gosync "sync"
	"syscall/js"
)

// The marks are drawn as HTML by the article view and the sidebar
// entries by their own component; rather than thread sync state through
// both, the page keeps data-conflict and data-deleted-elsewhere on every
// element of a conflicting annotation (mark[data-id], li[data-id]) with
// a MutationObserver that marks what each render adds.
var conflictMarks struct {
	mu                  gosync.Mutex
	conflicted, deleted map[string]bool
	observer            js.Value
	fn                  js.Func
}

// markConflicts marks the annotations conflicted and deleted (IRIs) in the page,
// now and after every render, and unmarks the others.
func markConflicts(conflicted, deleted []string) {
	conflictMarks.mu.Lock()
	defer conflictMarks.mu.Unlock()
	conflictMarks.conflicted, conflictMarks.deleted = set(conflicted), set(deleted)
	if conflictMarks.observer.IsUndefined() && len(conflicted)+len(deleted) > 0 {
		conflictMarks.fn = js.FuncOf(func(js.Value, []js.Value) any {
			conflictMarks.mu.Lock()
			defer conflictMarks.mu.Unlock()
			applyConflictMarks()
			return nil
		})
		conflictMarks.observer = js.Global().Get("MutationObserver").New(conflictMarks.fn)
		conflictMarks.observer.Call("observe", js.Global().Get("document").Get("body"), map[string]any{"childList": true, "subtree": true})
	}
	applyConflictMarks()
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// applyConflictMarks sets or removes the attributes; conflictMarks.mu is held.
func applyConflictMarks() {
	els := js.Global().Get("document").Call("querySelectorAll", "#article mark[data-id], #sidebar li[data-id]")
	for i := range els.Length() {
		el := els.Index(i)
		id := el.Get("dataset").Get("id").String()
		toggle(el, "data-conflict", conflictMarks.conflicted[id])
		toggle(el, "data-deleted-elsewhere", conflictMarks.deleted[id])
	}
}

func toggle(el js.Value, attr string, on bool) {
	has := el.Call("hasAttribute", attr).Bool()
	switch {
	case on && !has:
		el.Call("setAttribute", attr, "true")
	case !on && has:
		el.Call("removeAttribute", attr)
	}
}
