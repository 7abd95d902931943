//go:build js && wasm

package idb

import (
	"context"
	"syscall/js"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// decodeTurn is how long decodeInTurns decodes before it lets the browser
// in: well under the 50 ms that count as a long task.
const decodeTurn = 30 * time.Millisecond

// decodeInTurns is decodeAll in turns of decodeTurn, letting the browser
// draw and answer in between: decoding a story's 10,000 annotation
// records at once held the page for most of a second. Only outside a
// transaction, which would commit while it waits.
func decodeInTurns[T any](ctx context.Context, all js.Value, from func(record) (T, error)) ([]store.Stored[T], error) {
	return decodeRecords(all, from, InTurns(ctx))
}

// InTurns returns a function to call between the pieces of a long piece
// of work on the page's thread: once decodeTurn has passed since it was
// made or last let the browser in, it lets the browser in
// (YieldToBrowser); it fails once ctx is done (library.Library's Turns).
// Never inside a transaction, which would commit while it waits, nor in
// a JavaScript callback, which cannot wait.
func InTurns(ctx context.Context) func() error {
	turn := time.Now()
	return func() error {
		if time.Since(turn) < decodeTurn {
			return ctx.Err()
		}
		err := YieldToBrowser(ctx)
		turn = time.Now()
		return err
	}
}

// YieldToBrowser waits for a zero timeout: the browser runs its other
// tasks (input, drawing) first.
func YieldToBrowser(ctx context.Context) error {
	var f funcs
	done := make(chan struct{}, 1)
	js.Global().Call("setTimeout", f.add(func(js.Value, []js.Value) any {
		done <- struct{}{}
		f.release()
		return nil
	}), 0)
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
