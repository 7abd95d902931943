//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains itself: this command is built only for the browser
// (GOOS=js GOARCH=wasm, by make build).
func main() {
	fmt.Fprintln(os.Stderr, "redline-core runs in the browser's worker: build it with GOOS=js GOARCH=wasm (make build)")
	os.Exit(2)
}
