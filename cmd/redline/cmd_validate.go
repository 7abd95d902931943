//go:build !js

package main

import "errors"

// runValidate is a placeholder until its issue lands.
func runValidate(e *env, args []string) error {
	return errors.New("validate: not implemented yet")
}
