//go:build !js

package main

import "errors"

// runParse is a placeholder until its issue lands.
func runParse(e *env, args []string) error {
	return errors.New("parse: not implemented yet")
}
