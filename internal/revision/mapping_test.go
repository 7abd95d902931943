package revision

import (
	"strings"
	"testing"
)

func TestMapSpan(t *testing.T) {
	edited := strings.NewReplacer("dialogue", "talks", "super smart", "very smart").Replace(praise)
	tests := []struct {
		name           string
		old, new, span string // span: the first occurrence in old
		want           string // the mapped text in new
		untouched      bool
	}{
		{"before the edits", praise, edited, "Witkoff praised Putin’s", "Witkoff praised Putin’s", true},
		{"after the edits", praise, edited, "not “a bad guy.”", "not “a bad guy.”", true},
		{"replaced word", praise, edited, "dialogue", "talks", false},
		{"around a replaced word", praise, edited, "engage in dialogue,", "engage in talks,", false},
		{"starts in a replaced word", praise, edited, "super smart” and", "very smart” and", false},
		{"ends in a replaced word", praise, edited, "him “super", "him “very", false},
		{"insertion at the edges stays outside", "super smart", "really super smart indeed", "super smart", "super smart", true},
		{"insertion inside", "super smart", "super very smart", "super smart", "super very smart", false},
		{"deleted words", "he is not a bad guy", "he is a bad guy", "not", "", false},
		{"deleted around", "he is not a bad guy", "he is a bad guy", "is not a", "is a", false},
		{"typographic noise is untouched", "“super smart”", `"super  smart"`, "“super smart”", `"super  smart"`, true},
		{"moved paragraph", talks + "\n\n" + gains, gains + "\n\n" + talks, gains, gains, true},
		{"emoji and astral letters", "𝔘 🇫🇷 e\u0301 😀 x", "𝔘 🇫🇷 e\u0301 😍 x", "e\u0301 😀", "e\u0301 😍", false},
		{"flag untouched", "𝔘 🇫🇷 e\u0301 😀 x", "𝔘 🇫🇷 e\u0301 😍 x", "𝔘 🇫🇷", "𝔘 🇫🇷", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compute(tt.old, tt.new)
			got, untouched := d.MapSpan(spanOf(t, tt.old, tt.span))
			if text := d.new.Slice(got); text != tt.want || untouched != tt.untouched {
				t.Errorf("MapSpan(%q) = %v %q untouched=%v, want %q untouched=%v",
					tt.span, got, text, untouched, tt.want, tt.untouched)
			}
		})
	}
}

func TestMapPos(t *testing.T) {
	old, new := "super smart", "super very smart"
	d := Compute(old, new)
	at := spanOf(t, old, "smart").Start // "very " is inserted here
	tests := []struct {
		pos  int
		bias Bias
		want int
	}{
		{0, BiasBefore, 0},
		{0, BiasAfter, 0},
		{at, BiasBefore, at},    // stays with "super "
		{at, BiasAfter, at + 5}, // stays with "smart"
		{len(old), BiasBefore, len(new)},
		{len(old), BiasAfter, len(new)},
		{-3, BiasAfter, 0},         // clamped
		{99, BiasBefore, len(new)}, // clamped
	}
	for _, tt := range tests {
		if got := d.MapPos(tt.pos, tt.bias); got != tt.want {
			t.Errorf("MapPos(%d, %d) = %d, want %d", tt.pos, tt.bias, got, tt.want)
		}
	}
}
