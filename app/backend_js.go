//go:build js && wasm

package ui

import (
	"context"

	"github.com/redline-news/redline/app/idb"
)

func openBackend(ctx context.Context) (backend, error) {
	return idb.Open(ctx)
}
