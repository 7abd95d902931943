//go:build !(js && wasm)

package ui

import "github.com/redline-news/redline/internal/corecall"

// pageTurns never pauses natively: there is no page to let in.
var pageTurns corecall.Pause

// letBrowserIn has no browser to let in natively.
func letBrowserIn() {}
