//go:build js && wasm

package idb

import (
	"context"
	"errors"
	"syscall/js"
)

// Persist asks the browser to keep Redline's data when space runs low
// (navigator.storage.persist()). It reports whether the data is now
// persistent: false if the browser declined or cannot tell.
func (d *DB) Persist(ctx context.Context) (bool, error) {
	storage := js.Global().Get("navigator").Get("storage")
	if missing(storage) || missing(storage.Get("persist")) {
		return false, nil
	}
	granted, err := awaitPromise(ctx, func() js.Value { return storage.Call("persist") })
	if err != nil {
		return false, err
	}
	return granted.Truthy(), nil
}

// Usage reports how many bytes this site stores and may store
// (navigator.storage.estimate()); both are the browser's estimates.
func (d *DB) Usage(ctx context.Context) (used, quota int64, err error) {
	storage := js.Global().Get("navigator").Get("storage")
	if missing(storage) || missing(storage.Get("estimate")) {
		return 0, 0, errors.New("This browser does not tell how much storage is used")
	}
	est, err := awaitPromise(ctx, func() js.Value { return storage.Call("estimate") })
	if err != nil {
		return 0, 0, err
	}
	return int64(est.Get("usage").Float()), int64(est.Get("quota").Float()), nil
}
