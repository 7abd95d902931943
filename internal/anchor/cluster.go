package anchor

import "unicode"

// clusterBoundary reports whether a cut before runes[p] keeps user-visible
// characters whole. It covers what news text contains: combining marks
// (e + U+0301), variation selectors, emoji modifiers and tag sequences,
// ZWJ sequences and regional-indicator flags (🇫🇷). It is not full UAX #29
// (Hangul jamo, prepend marks and spacing marks in Indic scripts other
// than Mc are not special-cased): a cut there can at worst split a cluster
// in a prefix or suffix, which only weakens context matching a little.
func clusterBoundary(runes []rune, p int) bool {
	if p <= 0 || p >= len(runes) {
		return true
	}
	r, before := runes[p], runes[p-1]
	switch {
	case extendsCluster(r), before == zwj:
		return false
	case isRegionalIndicator(r) && isRegionalIndicator(before):
		// Flags pair indicators from the left: cut only after an even run.
		run := 0
		for i := p - 1; i >= 0 && isRegionalIndicator(runes[i]); i-- {
			run++
		}
		return run%2 == 0
	}
	return true
}

const zwj = '\u200D'

// extendsCluster reports whether r attaches to the code point before it.
func extendsCluster(r rune) bool {
	return unicode.Is(unicode.M, r) || // combining, enclosing and spacing marks; variation selectors are Mn
		r == zwj ||
		('\U0001F3FB' <= r && r <= '\U0001F3FF') || // emoji skin-tone modifiers
		('\U000E0020' <= r && r <= '\U000E007F') // tag characters (subdivision flags)
}

func isRegionalIndicator(r rune) bool { return '\U0001F1E6' <= r && r <= '\U0001F1FF' }
