//go:build js && wasm

package ui

import (
	"context"

	"github.com/redline-news/redline/app/idb"
)

// libraryTurns lets the browser in during the library's long work on the
// page's thread (library.Library.Turns).
var libraryTurns = idb.InTurns

func openBackend(ctx context.Context) (backend, error) {
	return idb.Open(ctx)
}
