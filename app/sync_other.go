//go:build !(js && wasm)

package ui

import (
	"context"

	"github.com/redline-news/redline/internal/sync"
)

// Natively (tests) a replica lives in memory and this process is the
// only tab.
type memoryReplica struct{ *sync.Memory }

func (memoryReplica) Watch(func()) func() { return func() {} }
func (memoryReplica) Close()              {}

func openReplicaStorage(context.Context, string, string) (replicaStorage, error) {
	return memoryReplica{sync.NewMemory()}, nil
}

func localProjects(context.Context, string) []string { return nil }

func deleteUserData(context.Context, string) error { return nil }

func leadSync(ctx context.Context, _ string, lead func(ctx context.Context)) { go lead(ctx) }

func publishState(string, sync.State)              {}
func readPublishedState(string) (sync.State, bool) { return sync.State{}, false }
func forgetPublishedStates(string)                 {}
func deviceName() string                           { return "native" }

func onOnline(func()) func() { return func() {} }
