package notemerge

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMerge(t *testing.T) {
	tests := []struct {
		name, base, ours, theirs string
		want                     string
		ok                       bool
	}{
		{"two additions", "Check the quote.", "Check the quote. B6", "Check the quote. A6", "Check the quote. A6 B6", true},
		{"additions in two places", "Call the mayor. Then the police.", "Call the mayor. Then the police chief.", "Call the mayor today. Then the police.", "Call the mayor today. Then the police chief.", true},
		{"a rewrite", "typed in A", "saved in B", "typed in A and more", "", false},
		{"nothing to place an edit by", " ", "a", "b", "", false},
		{"not UTF-8", "\x92", "\xae0", "\xc5", "", false},
		{"the edited words twice in theirs", "the note", "the note, more", "the note the note", "", false},
	}
	for _, tt := range tests {
		got, ok := Merge(tt.base, tt.ours, tt.theirs)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: Merge = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// A merge keeps every word both sides typed: each side's text, with the
// other's additions, so neither is shorter than what it merged.
func FuzzMerge(f *testing.F) {
	f.Add("Check the quote.", "Check the quote. B6", "Check the quote. A6")
	f.Add("Māori elders 🐋 spoke.", "Māori elders 🐋 spoke first.", "Māori elders 🐋 spoke. Tēnā koe.")
	f.Fuzz(func(t *testing.T, base, ours, theirs string) {
		merged, ok := Merge(base, ours, theirs)
		if !ok {
			return
		}
		if len(merged) < len(ours) || len(merged) < len(theirs) {
			t.Errorf("Merge(%q, %q, %q) = %q: shorter than a side", base, ours, theirs, merged)
		}
		if !utf8.ValidString(merged) {
			t.Errorf("Merge(%q, %q, %q) = %q: not UTF-8", base, ours, theirs, merged)
		}
		if strings.TrimSpace(base) == "" {
			t.Errorf("merged with an empty base")
		}
	})
}
