// Package ids holds the rules for the names and ids that travel in URL
// paths (user names, project slugs, record ids). It is a leaf package so
// that the wasm client can check ids without linking the server's
// password hashing (internal/auth).
package ids

import (
	"fmt"
	"regexp"
)

var (
	namePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,62}$`)
	slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
)

// ValidName checks a user name: lower-case letters, digits, '.', '_' and
// '-', starting with a letter or digit, at most 63 characters.
func ValidName(name string) error {
	if !namePattern.MatchString(name) {
		return fmt.Errorf("invalid user name %q: use 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit", name)
	}
	return nil
}

// ValidSlug checks a project slug or a record id used in a URL path:
// lower-case letters, digits and '-', starting with a letter or digit, at
// most 63 characters. Nothing that could climb a path ("..", "/", "%")
// gets through.
func ValidSlug(slug string) error {
	if !slugPattern.MatchString(slug) {
		return fmt.Errorf("invalid slug or id %q: use 1-63 lower-case letters, digits or '-', starting with a letter or digit", slug)
	}
	return nil
}
