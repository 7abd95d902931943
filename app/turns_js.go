//go:build js && wasm

package ui

import (
	"context"

	"github.com/redline-news/redline/app/idb"
)

// pageTurns lets the browser in between the pieces of the page's long
// work (idb.InTurns), such as decoding the core's Compare answer and
// rebuilding its results: one for the whole page, so that pieces run back
// to back in one task by different goroutines (the answer decoded by the
// worker's receiver, then rebuilt by the call that waited for it) count
// together.
var pageTurns = idb.InTurns(context.Background())

// letBrowserIn lets the browser draw and take input before the next
// piece of work, which would not fit in the same task as the last.
func letBrowserIn() { _ = idb.YieldToBrowser(context.Background()) }
