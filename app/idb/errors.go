//go:build js && wasm

package idb

import (
	"errors"
	"fmt"
	"syscall/js"
)

// Errors the UI can tell apart with errors.Is. Their text is shown to
// people as it is.
var (
	ErrUnavailable  = errors.New("This browser does not allow saving (private mode?)")
	ErrFull         = errors.New("Storage is full")
	ErrNewerVersion = errors.New("The saved data comes from a newer version of Redline; reload the page to update")
	ErrBlocked      = errors.New("Another Redline tab is using the saved data; close the other Redline tabs and reload")
	ErrClosed       = errors.New("The saved data was closed (Redline was updated or reset in another tab); reload the page")
)

// domError turns a DOMException (or anything thrown) into an error with a
// plain message.
func domError(v js.Value) error {
	if v.Type() != js.TypeObject {
		return fmt.Errorf("The browser could not save or read: %s", jsString(v))
	}
	name, msg := jsString(v.Get("name")), jsString(v.Get("message"))
	switch name {
	case "QuotaExceededError":
		return fmt.Errorf("%w: %s", ErrFull, msg)
	case "InvalidStateError":
		return fmt.Errorf("%w (%s)", ErrClosed, msg)
	}
	return fmt.Errorf("The browser could not save or read: %s (%s)", msg, name)
}

// openError is domError for opening the database, where most failures
// mean the browser does not let this page store anything.
func openError(v js.Value) error {
	switch jsString(v.Get("name")) {
	case "VersionError":
		return ErrNewerVersion
	case "QuotaExceededError":
		return domError(v)
	}
	return fmt.Errorf("%w: %s", ErrUnavailable, jsString(v.Get("message")))
}

// try runs f, turning a JavaScript exception into an error instead of a
// panic.
func try(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			jerr, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			err = domError(jerr.Value)
		}
	}()
	f()
	return nil
}

// jsString is v as text, whatever its type ("" for null and undefined).
func jsString(v js.Value) string {
	switch v.Type() {
	case js.TypeUndefined, js.TypeNull:
		return ""
	case js.TypeString:
		return v.String()
	}
	return js.Global().Call("String", v).String()
}

// missing reports whether v is undefined or null: a browser feature that
// is not there.
func missing(v js.Value) bool { return v.IsUndefined() || v.IsNull() }
