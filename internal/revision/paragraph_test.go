package revision

import (
	"math/rand/v2"
	"slices"
	"strings"
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

// TestComputeReorderedParagraphs checks every invariant of checkDiff on
// revisions that exercise the paragraph pass: the sample article's
// paragraphs (some repeated) with words replaced, paragraphs deleted,
// inserted, repeated and moved short and long distances, plus emoji, flags
// and combining marks.
func TestComputeReorderedParagraphs(t *testing.T) {
	paras := strings.Split(strings.TrimSpace(readFile(t, "testdata/putin-prayed-2025-03-23.txt")), "\n\n")
	paras = append(paras, "𝔘 🇫🇷 e\u0301 😀 “quoted”", "Read more.")
	rng := rand.New(rand.NewPCG(5, 6))
	pick := func() string { return paras[rng.IntN(len(paras))] }
	for range 60 {
		var old []string
		for range 1 + rng.IntN(12) {
			old = append(old, pick())
		}
		var new []string
		for _, p := range old {
			switch rng.IntN(10) {
			case 0: // deleted
				continue
			case 1: // another inserted before it
				new = append(new, pick())
			}
			words := strings.Split(p, " ")
			for i := range words {
				if rng.IntN(20) == 0 {
					words[i] = words[rng.IntN(len(words))]
				}
			}
			new = append(new, strings.Join(words, " "))
		}
		for range rng.IntN(3) {
			if len(new) > 1 {
				from, to := rng.IntN(len(new)), rng.IntN(len(new))
				new[from], new[to] = new[to], new[from]
			}
		}
		a, b := strings.Join(old, "\n\n"), strings.Join(new, "\n\n")
		checkDiff(t, Compute(a, b), a, b)
	}
}
