//go:build !(js && wasm)

package ui

// markConflicts has no page to mark natively.
func markConflicts(conflicted, deleted []string) {}
