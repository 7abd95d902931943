// Package ids holds the rules for the names and ids that travel in URL
// paths (user names, project slugs, record ids). It is a leaf package so
// that the wasm client can check ids without linking the server's
// password hashing (internal/auth).
package ids

import "fmt"

// maxLen is the longest name or slug, in bytes (all of them ASCII).
const maxLen = 63

// ValidName checks a user name: lower-case letters, digits, '.', '_' and
// '-', starting with a letter or digit, at most 63 characters.
func ValidName(name string) error {
	if !matches(name, ".-_") {
		return fmt.Errorf("invalid user name %q: use 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit", name)
	}
	return nil
}

// ValidSlug checks a project slug or a record id used in a URL path:
// lower-case letters, digits and '-', starting with a letter or digit, at
// most 63 characters. Nothing that could climb a path ("..", "/", "%")
// gets through.
func ValidSlug(slug string) error {
	if !matches(slug, "-") {
		return fmt.Errorf("invalid slug or id %q: use 1-63 lower-case letters, digits or '-', starting with a letter or digit", slug)
	}
	return nil
}

// matches reports whether s is 1-63 bytes of lower-case ASCII letters and
// digits, with the bytes of punct allowed after the first. A loop rather
// than a regexp: the bounded repetition ({0,62}) compiled into 62 copies
// of its class at package init, the UI wasm's costliest init (1,444
// allocations, 7-13 ms before the first screen).
func matches(s, punct string) bool {
	if len(s) == 0 || len(s) > maxLen {
		return false
	}
	for i := range len(s) {
		c := s[i]
		alnum := 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
		if !alnum && (i == 0 || !containsByte(punct, c)) {
			return false
		}
	}
	return true
}

func containsByte(s string, c byte) bool {
	for i := range len(s) {
		if s[i] == c {
			return true
		}
	}
	return false
}
