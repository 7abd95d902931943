//go:build !js

package main

import "errors"

// runDiff is a placeholder until its issue lands.
func runDiff(e *env, args []string) error {
	return errors.New("diff: not implemented yet")
}
