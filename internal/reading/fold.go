package reading

import (
	"strings"
	"unicode"
)

// Fold shortens a long run of unchanged text in a diff view to the context
// a reader needs around the changes: up to keep code points after the
// change before it (lead) and before the change after it (trail), cut at
// word boundaries. first and last say the run opens or closes the text, so
// there is no change on that side to keep context for. hidden is the
// number of words left out; 0 means the run was short enough to show whole
// (lead is then the whole text and trail empty).
func Fold(text string, keep int, first, last bool) (lead, trail string, hidden int) {
	rs := []rune(text)
	if len(rs) <= 3*keep {
		return text, "", 0
	}
	cut1, cut2 := 0, len(rs)
	if !first {
		cut1 = wordEdgeAfter(rs, keep)
	}
	if !last {
		cut2 = wordEdgeBefore(rs, len(rs)-keep)
	}
	if cut2 <= cut1 {
		return text, "", 0
	}
	hidden = len(strings.Fields(string(rs[cut1:cut2])))
	if hidden == 0 {
		return text, "", 0
	}
	return string(rs[:cut1]), string(rs[cut2:]), hidden
}

// wordEdgeAfter is the first white space at or after i (or the end).
func wordEdgeAfter(rs []rune, i int) int {
	for i < len(rs) && !unicode.IsSpace(rs[i]) {
		i++
	}
	return i
}

// wordEdgeBefore is just after the last white space at or before i.
func wordEdgeBefore(rs []rune, i int) int {
	for i > 0 && !unicode.IsSpace(rs[i-1]) {
		i--
	}
	return i
}
