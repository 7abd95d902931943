//go:build js && wasm

package ui

import (
	"context"
	"encoding/json"
	"strings"
	gosync "sync"
	"syscall/js"

	"github.com/redline-news/redline/app/idb"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sync"
)

func openReplicaStorage(ctx context.Context, user, slug string) (replicaStorage, error) {
	return idb.OpenReplica(ctx, user, slug)
}

// deleteUserData deletes every replica of user in this browser.
func deleteUserData(ctx context.Context, user string) error {
	return idb.DeleteReplicas(ctx, user)
}

// localProjects lists the projects user has a replica of in this browser.
func localProjects(ctx context.Context, user string) []string {
	return idb.ReplicaProjects(ctx, user)
}

// leadSync runs lead once this tab holds the Web Lock name (at once if
// the browser has no Web Locks), until ctx ends; the lock goes with the
// tab, and the next tab waiting takes over.
func leadSync(ctx context.Context, name string, lead func(ctx context.Context)) {
	locks := js.Global().Get("navigator").Get("locks")
	if !locks.Truthy() {
		go lead(ctx)
		return
	}
	var granted js.Func
	granted = js.FuncOf(func(js.Value, []js.Value) any {
		granted.Release()
		var wait js.Func
		wait = js.FuncOf(func(_ js.Value, args []js.Value) any {
			wait.Release()
			resolve := args[0]
			go func() {
				lead(ctx) // returns when ctx ends
				resolve.Invoke()
			}()
			return nil
		})
		return js.Global().Get("Promise").New(wait) // held until lead returns
	})
	locks.Call("request", name, granted)
}

// The leader's state is published in localStorage, so that a tab opened
// later reads it at once and the others hear it (storage event).
const stateKeyPrefix = "redline-sync-state/"

var hearStates gosync.Once

func publishState(name string, s sync.State) {
	data, _ := json.Marshal(s) // plain values always encode
	if ls := js.Global().Get("localStorage"); ls.Truthy() {
		ls.Call("setItem", stateKeyPrefix+name, string(data))
	}
}

func readPublishedState(name string) (sync.State, bool) {
	hearStates.Do(func() {
		js.Global().Call("addEventListener", "storage", js.FuncOf(func(_ js.Value, args []js.Value) any {
			if k := args[0].Get("key"); k.Type() == js.TypeString && strings.HasPrefix(k.String(), stateKeyPrefix) {
				go notifySyncWatchers()
			}
			return nil
		}))
	})
	ls := js.Global().Get("localStorage")
	if !ls.Truthy() {
		return sync.State{}, false
	}
	v := ls.Call("getItem", stateKeyPrefix+name)
	var s sync.State
	if v.Type() != js.TypeString || json.Unmarshal([]byte(v.String()), &s) != nil {
		return sync.State{}, false
	}
	return s, true
}

// forgetPublishedStates removes the states published for user (signing out).
func forgetPublishedStates(user string) {
	ls := js.Global().Get("localStorage")
	if !ls.Truthy() {
		return
	}
	prefix := stateKeyPrefix + syncLockName(user, "")
	for i := ls.Get("length").Int() - 1; i >= 0; i-- {
		if k := ls.Call("key", i); k.Type() == js.TypeString && strings.HasPrefix(k.String(), prefix) {
			ls.Call("removeItem", k)
		}
	}
}

// deviceName names this browser in the server's history: made once,
// kept in localStorage.
func deviceName() string {
	const key = "redline-device"
	ls := js.Global().Get("localStorage")
	if !ls.Truthy() {
		return "browser"
	}
	if v := ls.Call("getItem", key); v.Type() == js.TypeString {
		return v.String()
	}
	name := "browser-" + strings.TrimPrefix(annotation.NewID(), "urn:uuid:")[:8]
	ls.Call("setItem", key, name)
	return name
}

// onOnline calls back when the browser's network comes back, so that the
// syncing tab tries at once instead of at the end of its backoff (up to
// half a minute after a day offline). It returns the unsubscribe.
func onOnline(back func()) func() {
	f := js.FuncOf(func(js.Value, []js.Value) any { back(); return nil })
	js.Global().Call("addEventListener", "online", f)
	return func() {
		js.Global().Call("removeEventListener", "online", f)
		f.Release()
	}
}
