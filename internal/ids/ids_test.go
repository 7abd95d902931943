package ids

import (
	"regexp"
	"strings"
	"testing"
)

// The rules as they were written first, as regular expressions: the
// hand-written checks must agree with them on every input.
var (
	nameRule = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,62}$`)
	slugRule = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
)

func TestValid(t *testing.T) {
	tests := []struct {
		in         string
		name, slug bool
	}{
		{"alice", true, true},
		{"a", true, true},
		{"0", true, true},
		{"a.b_c-d", true, false},
		{"my-project-2", true, true},
		{strings.Repeat("a", 63), true, true},
		{strings.Repeat("a", 64), false, false},
		{"", false, false},
		{"-a", false, false},
		{".a", false, false},
		{"_a", false, false},
		{"Alice", false, false},
		{"a/b", false, false},
		{"..", false, false},
		{"a..b", true, false},
		{"a%2e", false, false},
		{"a b", false, false},
		{"é", false, false},
		{"a\x00", false, false},
		{"a\n", false, false},
	}
	for _, tt := range tests {
		if got := ValidName(tt.in) == nil; got != tt.name {
			t.Errorf("ValidName(%q) ok = %v, want %v", tt.in, got, tt.name)
		}
		if got := ValidSlug(tt.in) == nil; got != tt.slug {
			t.Errorf("ValidSlug(%q) ok = %v, want %v", tt.in, got, tt.slug)
		}
	}
}

func FuzzValidAgreesWithRule(f *testing.F) {
	for _, s := range []string{"alice", "a.b", "-a", "", "a\n", strings.Repeat("z", 63), strings.Repeat("z", 64), "A", "a_b-c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ValidName(s) == nil, nameRule.MatchString(s); got != want {
			t.Errorf("ValidName(%q) ok = %v, the rule says %v", s, got, want)
		}
		if got, want := ValidSlug(s) == nil, slugRule.MatchString(s); got != want {
			t.Errorf("ValidSlug(%q) ok = %v, the rule says %v", s, got, want)
		}
	})
}
