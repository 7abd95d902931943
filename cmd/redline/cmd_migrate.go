//go:build !js

package main

import "errors"

// runMigrate is a placeholder until its issue lands.
func runMigrate(e *env, args []string) error {
	return errors.New("migrate: not implemented yet")
}
