//go:build js && wasm

// Command selftestpage runs idb.SelfTest in a browser page and leaves the
// failures, as a JSON array of strings (empty when everything passed), in
// window.redlineSelfTest. The e2e test in app/idb loads it in headless
// Chromium; opened by hand, it also prints the result on the page.
package main

import (
	"context"
	"encoding/json"
	"syscall/js"

	"github.com/redline-news/redline/app/idb"
)

func main() {
	failures := []string{}
	for _, err := range idb.SelfTest(context.Background()) {
		failures = append(failures, err.Error())
	}
	out, _ := json.Marshal(failures)
	js.Global().Get("document").Get("body").Set("textContent", string(out))
	js.Global().Set("redlineSelfTest", string(out))
}
