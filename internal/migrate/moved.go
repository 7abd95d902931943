package migrate

import (
	"strings"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/span"
)

// findMoved looks for the quote's exact text in the inserted text. Among
// several occurrences the one whose surroundings agree longest with the old
// prefix and suffix wins, then the one nearest hint (where the old span
// maps to): the same sentence repeated in two new paragraphs is told apart
// by what surrounds it, as it was in the old text.
func (m *migration) findMoved(quote anchor.TextQuote, hint int) (span.Span, bool) {
	text, ix := m.new.String(), m.new.Index()
	need := utf8.RuneCountInString(quote.Exact)
	var best span.Span
	bestAgree, found := -1, false
	for _, r := range m.inserted.regions {
		if r.Len() < need {
			continue
		}
		from, end := ix.Byte(r.Start), ix.Byte(r.End)
		for {
			i := strings.Index(text[from:end], quote.Exact)
			if i < 0 {
				break
			}
			b := from + i
			_, size := utf8.DecodeRuneInString(text[b:])
			from = b + size
			s := ix.BytesToSpan(b, b+len(quote.Exact))
			if ix.Byte(s.Start) != b || ix.Byte(s.End) != b+len(quote.Exact) {
				continue // cuts through an invalid UTF-8 sequence
			}
			agree := commonSuffix(text[:b], quote.Prefix) + commonPrefix(text[b+len(quote.Exact):], quote.Suffix)
			if agree > bestAgree || agree == bestAgree && distance(s.Start, hint) < distance(best.Start, hint) {
				best, bestAgree, found = s, agree, true
			}
		}
	}
	return best, found
}

// commonPrefix counts the leading code points a and b share.
func commonPrefix(a, b string) int {
	n := 0
	for a != "" && b != "" {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			break
		}
		a, b, n = a[sa:], b[sb:], n+1
	}
	return n
}

// commonSuffix counts the trailing code points a and b share.
func commonSuffix(a, b string) int {
	n := 0
	for a != "" && b != "" {
		ra, sa := utf8.DecodeLastRuneInString(a)
		rb, sb := utf8.DecodeLastRuneInString(b)
		if ra != rb {
			break
		}
		a, b, n = a[:len(a)-sa], b[:len(b)-sb], n+1
	}
	return n
}

func distance(a, b int) int { return max(a-b, b-a) }
