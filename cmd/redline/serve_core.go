//go:build !js

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"

	"github.com/redline-news/redline/internal/webserver"
)

// loadCore finds the core's wasm beside app.wasm and folds its version into
// the page's, so that the service worker re-caches both when either
// changes. Without it the page still serves, and says so: parsing, diffs
// and suggestions then fail in the browser with a clear error.
func loadCore(dir string, page *webserver.Wasm, e *env) ([]*webserver.Wasm, error) {
	core, err := webserver.LoadNamed(dir, webserver.CoreName)
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(e.stderr, "warning: web/%s not found (make build): the browser cannot parse articles, diff or suggest\n", webserver.CoreName)
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256([]byte(page.Version + core.Version))
	page.Version = hex.EncodeToString(h[:])[:16]
	return []*webserver.Wasm{core}, nil
}
