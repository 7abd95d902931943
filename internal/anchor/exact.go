package anchor

import (
	"strings"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/span"
)

// exactCandidates scores every occurrence of the quote, overlapping ones
// included, in text order. It searches the bytes (strings.Index is
// vectorised) and converts hits to code points; a hit that does not fall
// on code-point boundaries (only possible with invalid UTF-8) is skipped.
func (q *query) exactCandidates(exact string) []candidate {
	var out []candidate
	text, ix := q.t.String(), q.t.ix
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], exact)
		if i < 0 {
			break
		}
		b := from + i
		s := ix.BytesToSpan(b, b+len(exact))
		if ix.Byte(s.Start) == b && ix.Byte(s.End) == b+len(exact) {
			out = append(out, candidate{span: s, score: q.scoreOf(s, 0)})
		}
		_, size := utf8.DecodeRuneInString(text[b:])
		from = b + size
	}
	return out
}

// hasAt reports whether the text of s is exactly exact.
func (q *query) hasAt(s span.Span, exact string) bool {
	return s.Valid(q.t.Len()) && q.t.ix.Slice(s) == exact
}
