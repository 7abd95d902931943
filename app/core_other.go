//go:build !(js && wasm)

package ui

import (
	"github.com/redline-news/redline/internal/core"
	"github.com/redline-news/redline/internal/corecall"
)

// newCore is the engines in process, for native builds and tests; the
// browser runs them in a worker (core_js.go).
func newCore() corecall.Core { return core.Core{} }

// startCoreOnIntent has no worker to start natively.
func startCoreOnIntent() {}
