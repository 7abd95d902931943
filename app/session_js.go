//go:build js && wasm

package ui

import (
	"encoding/json"
	"syscall/js"
)

// sessionKey is the localStorage item that holds the Session.
const sessionKey = "redline-session"

func loadSession() Session {
	var s Session
	ls := js.Global().Get("localStorage")
	if ls.Truthy() {
		if v := ls.Call("getItem", sessionKey); v.Type() == js.TypeString {
			_ = json.Unmarshal([]byte(v.String()), &s) // unreadable: not signed in
		}
	}
	return s
}

func saveSession(s Session) {
	ls := js.Global().Get("localStorage")
	if !ls.Truthy() {
		return
	}
	if s.User == "" {
		ls.Call("removeItem", sessionKey)
		return
	}
	data, _ := json.Marshal(s) // plain strings always encode
	ls.Call("setItem", sessionKey, string(data))
}

// watchOtherTabsSessions hears another tab sign in or out (the storage
// event fires in every tab but the one that wrote). It lives as long as
// the page.
func watchOtherTabsSessions(fn func(Session)) {
	js.Global().Call("addEventListener", "storage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if k := args[0].Get("key"); k.Type() == js.TypeNull || k.String() == sessionKey {
			go fn(loadSession())
		}
		return nil
	}))
}

// serverOrigin is the origin that served the app, where its API is.
func serverOrigin() string { return js.Global().Get("location").Get("origin").String() }
