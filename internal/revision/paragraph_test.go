package revision

import (
	"slices"
	"testing"
)

func TestCollapseUnmatched(t *testing.T) {
	const ph = 'X'
	tests := []struct {
		codes, other string
		want         string
		counts       []int
	}{
		{"", "abc", "", nil},
		{"abc", "abc", "abc", []int{1, 1, 1}},
		{"pqaqrbs", "ab", "XaXbX", []int{2, 1, 2, 1, 1}},
		{"pqr", "ab", "X", []int{3}},
	}
	for _, tt := range tests {
		got, counts := collapseUnmatched([]rune(tt.codes), []rune(tt.other), ph)
		if string(got) != tt.want || !slices.Equal(counts, tt.counts) {
			t.Errorf("collapseUnmatched(%q, %q) = %q %v, want %q %v", tt.codes, tt.other, string(got), counts, tt.want, tt.counts)
		}
	}
}

func TestParagraphBounds(t *testing.T) {
	tests := []struct {
		text string
		want []int
	}{
		{"", []int{0}},
		{"One two.", []int{0, 4}},
		{"One.\n\nTwo 🇫🇷.\n\n", []int{0, 3, 8}},
		{"One.\n\n\n\ne\u0301 𝔘.", []int{0, 3, 7}},
	}
	for _, tt := range tests {
		if got := paragraphBounds(tokenize(tt.text, newCoder(maxCodes))); !slices.Equal(got, tt.want) {
			t.Errorf("paragraphBounds(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
