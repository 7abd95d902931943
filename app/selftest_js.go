//go:build js && wasm

package ui

import (
	"context"
	"errors"

	"github.com/redline-news/redline/internal/corecall"
)

// storageSelfTestRun runs idb.SelfTest in the core's worker, against this
// browser's IndexedDB: the suite is too big to carry in the page's wasm.
func storageSelfTestRun(context.Context) []error {
	failures, err := newCore().(*corecall.Client).TestStorage()
	if err != nil {
		return []error{err}
	}
	out := make([]error, len(failures))
	for i, f := range failures {
		out[i] = errors.New(f)
	}
	return out
}
