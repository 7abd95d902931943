//go:build !(js && wasm)

package ui

import (
	"context"
	"errors"
)

// storageSelfTestRun has nothing to test outside the browser (the page
// never calls it there: OnMount runs only in the browser).
func storageSelfTestRun(context.Context) []error {
	return []error{errors.New("the storage self-test runs only in a browser")}
}
