//go:build !(js && wasm)

package ui

import (
	"context"

	"github.com/redline-news/redline/internal/store"
)

// memoryBackend keeps data in memory, for native builds and tests.
type memoryBackend struct {
	*store.Memory
}

// libraryTurns is nil natively: the library's work has threads of its own.
var libraryTurns func(context.Context) func() error

func openBackend(context.Context) (backend, error) {
	return memoryBackend{store.NewMemory()}, nil
}

func (memoryBackend) Persist(context.Context) (bool, error)                { return false, nil }
func (memoryBackend) Usage(context.Context) (used, quota int64, err error) { return 0, 0, nil }
func (memoryBackend) Watch(func(string)) func()                            { return func() {} }
