//go:build !(js && wasm)

package ui

import "github.com/redline-news/redline/internal/sync"

// fetchClient sends the app's API requests; natively (tests) with net/http.
type fetchClient = sync.NetHTTP
