//go:build !js

package main

import "errors"

// runSuggest is a placeholder until its issue lands.
func runSuggest(e *env, args []string) error {
	return errors.New("suggest: not implemented yet")
}
