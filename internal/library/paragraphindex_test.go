package library

import "testing"

func TestParagraphIndex(t *testing.T) {
	// naive is the definition: one more than the blank lines ending
	// before code point cp.
	naive := func(text string, cp int) int {
		n, prev := 1, rune(0)
		for i, r := range []rune(text) {
			if i >= cp {
				break
			}
			if r == '\n' && prev == '\n' {
				n++
			}
			prev = r
		}
		return n
	}
	for _, text := range []string{
		"",
		"one paragraph",
		"first\n\nsecond\n\nthird",
		"é café\n\nnaïve — “quoted”\n\n\nafter three newlines\n",
		"\n\nleading blank line",
	} {
		p := newParagraphIndex(text)
		for cp := -1; cp <= len([]rune(text))+1; cp++ {
			if got, want := p.number(cp), naive(text, cp); got != want {
				t.Errorf("%q at %d: paragraph %d, want %d", text, cp, got, want)
			}
		}
	}
}
