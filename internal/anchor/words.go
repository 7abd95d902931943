package anchor

import (
	"unicode"

	"github.com/redline-news/redline/internal/span"
)

// isWordRune reports whether r belongs inside a word. Marks count, so
// "cafe\u0301" is one word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// midWord reports whether a cut before runes[p] splits a word.
func midWord(runes []rune, p int) bool {
	return p > 0 && p < len(runes) && isWordRune(runes[p-1]) && isWordRune(runes[p])
}

// wordAround returns the word boundaries on either side of cut p.
func wordAround(runes []rune, p int) (start, end int) {
	start, end = p, p
	for start > 0 && isWordRune(runes[start-1]) {
		start--
	}
	for end < len(runes) && isWordRune(runes[end]) {
		end++
	}
	return start, end
}

// snap fits the ends of an approximate match to the text the way the
// reader's selection fitted the original: an end that falls inside a word
// moves to the nearer edge of that word unless the original split a word
// there, and whitespace the quote does not have at an end is trimmed.
// Approximate search happily starts "chines" inside "machines"; a reader
// never selected that.
func (q *query) snap(s span.Span) span.Span {
	runes := q.t.runes
	if q.startAligned && midWord(runes, s.Start) {
		ws, we := wordAround(runes, s.Start)
		if s.Start-ws <= we-s.Start || we >= s.End {
			s.Start = ws
		} else {
			s.Start = we
		}
	}
	if q.endAligned && midWord(runes, s.End) {
		ws, we := wordAround(runes, s.End)
		if we-s.End <= s.End-ws || ws <= s.Start {
			s.End = we
		} else {
			s.End = ws
		}
	}
	for !unicode.IsSpace(q.exact[0]) && s.Len() > 1 && unicode.IsSpace(runes[s.Start]) {
		s.Start++
	}
	for !unicode.IsSpace(q.exact[len(q.exact)-1]) && s.Len() > 1 && unicode.IsSpace(runes[s.End-1]) {
		s.End--
	}
	return s
}
