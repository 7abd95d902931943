package ui

import (
	"context"
	"sync"

	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/store"
)

// backend is where the app keeps its data: IndexedDB in the browser
// (backend_js.go), memory elsewhere (backend_other.go, for native builds
// and tests).
type backend interface {
	store.Store
	// Persist asks the browser not to evict the data under storage pressure.
	Persist(ctx context.Context) (bool, error)
	// Usage reports the bytes used and the quota.
	Usage(ctx context.Context) (used, quota int64, err error)
	// Watch calls fn with a story id whenever another tab changes that
	// story ("" for the list of stories); stop ends the subscription.
	Watch(fn func(storyID string)) (stop func())
}

var (
	openOnce   sync.Once
	openedLib  *library.Library
	openedBack backend
	openErr    error
)

// openLibrary opens the backend once per page and returns the library on
// it. It blocks on the browser's storage: call it from ctx.Async.
func openLibrary(ctx context.Context) (*library.Library, backend, error) {
	openOnce.Do(func() {
		openedBack, openErr = openBackend(ctx)
		if openErr == nil {
			openedLib = &library.Library{Store: openedBack, Core: newCore(), Turns: libraryTurns}
			openedBack.Persist(ctx)
		}
	})
	return openedLib, openedBack, openErr
}
