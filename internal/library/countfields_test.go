package library

import (
	"strings"
	"testing"
)

// countFields counts what strings.Fields splits, whatever the bytes.
func FuzzCountFields(f *testing.F) {
	for _, seed := range []string{"", " ", "one", " two  words ", "tab\tand\nnewline", "no\u00a0break\u2003em", "bad \xff bytes\xe2"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
	})
}
