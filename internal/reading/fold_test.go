package reading

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	long := strings.Repeat("word ", 100) + "end"
	tests := []struct {
		name        string
		text        string
		keep        int
		first, last bool
		wantHidden  bool
	}{
		{"short stays whole", "a few words", 10, false, false, false},
		{"long folds in the middle", long, 20, false, false, true},
		{"first keeps only its tail", long, 20, true, false, true},
		{"last keeps only its head", long, 20, false, true, true},
		{"one huge word is not cut", strings.Repeat("x", 200), 20, false, false, false},
		{"unicode", strings.Repeat("𝔘𝔫𝔦 😀 e\u0301te\u0301 ", 40), 20, false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lead, trail, hidden := Fold(tt.text, tt.keep, tt.first, tt.last)
			if (hidden > 0) != tt.wantHidden {
				t.Fatalf("hidden = %d, want folding %v", hidden, tt.wantHidden)
			}
			if hidden == 0 {
				if lead != tt.text || trail != "" {
					t.Errorf("unfolded text changed: %q + %q", lead, trail)
				}
				return
			}
			if !strings.HasPrefix(tt.text, lead) || !strings.HasSuffix(tt.text, trail) {
				t.Errorf("lead/trail are not the text's ends: %q … %q", lead, trail)
			}
			if tt.first && lead != "" || tt.last && trail != "" {
				t.Errorf("context kept on an open side: %q … %q", lead, trail)
			}
			middle := tt.text[len(lead) : len(tt.text)-len(trail)]
			if got := len(strings.Fields(middle)); got != hidden {
				t.Errorf("hidden = %d, the middle has %d words", hidden, got)
			}
		})
	}
}

func FuzzFold(f *testing.F) {
	f.Add("some words here and there", 3, false, true)
	f.Fuzz(func(t *testing.T, text string, keep int, first, last bool) {
		if !utf8.ValidString(text) {
			t.Skip("canonical text is valid UTF-8")
		}
		keep = max(0, keep%200)
		lead, trail, hidden := Fold(text, keep, first, last)
		if hidden == 0 {
			if lead != text || trail != "" {
				t.Fatal("unfolded text changed")
			}
			return
		}
		if !strings.HasPrefix(text, lead) || !strings.HasSuffix(text, trail) || len(lead)+len(trail) > len(text) {
			t.Fatalf("lead %q / trail %q are not the ends of %q", lead, trail, text)
		}
	})
}
