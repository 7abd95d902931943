package reading

import (
	"unicode"

	"github.com/redline-news/redline/internal/span"
)

// SnapToWords widens a selection that starts or ends inside a word to the
// whole word, and drops white space at its edges, so a sloppy drag over
// "uper smar" tags "super smart". Punctuation the reader selected is kept.
// It returns an empty span when the selection holds no word character.
func SnapToWords(text []rune, s span.Span) span.Span {
	s.Start = max(0, min(s.Start, len(text)))
	s.End = max(s.Start, min(s.End, len(text)))
	for s.Start < s.End && unicode.IsSpace(text[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && unicode.IsSpace(text[s.End-1]) {
		s.End--
	}
	if !containsWord(text[s.Start:s.End]) {
		return span.Span{Start: s.Start, End: s.Start}
	}
	for s.Start > 0 && insideWord(text, s.Start) {
		s.Start--
	}
	for s.End < len(text) && insideWord(text, s.End) {
		s.End++
	}
	return s
}

// insideWord reports whether offset i (between text[i-1] and text[i]) cuts
// a word: word characters on both sides, or an apostrophe or hyphen joining
// two word characters ("Putin’s", "well-known").
func insideWord(text []rune, i int) bool {
	if i <= 0 || i >= len(text) {
		return false
	}
	before, after := text[i-1], text[i]
	switch {
	case isWordRune(before) && isWordRune(after):
		return true
	case isJoiner(after) && isWordRune(before):
		return i+1 < len(text) && isWordRune(text[i+1])
	case isJoiner(before) && isWordRune(after):
		return i >= 2 && isWordRune(text[i-2])
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isJoiner(r rune) bool {
	return r == '\'' || r == '’' || r == '-' || r == '‐'
}

func containsWord(rs []rune) bool {
	for _, r := range rs {
		if isWordRune(r) {
			return true
		}
	}
	return false
}
