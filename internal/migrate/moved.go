package migrate

import (
	"strings"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// findMoved looks for the quote's words in the inserted text, spelled
// exactly or with the typographic noise the diff ignores (a moved paragraph
// whose quotation marks were straightened on the way). Among several
// occurrences the one whose surroundings agree longest with the old prefix
// and suffix wins, then the one nearest hint (where the old span maps to):
// the same sentence repeated in two new paragraphs is told apart by what
// surrounds it, as it was in the old text. A quote shorter than
// minMovedEvidence must bring the rest in agreeing context: words that
// moved carry their surroundings along, while a short quote deleted in one
// place and written afresh in another ("Witkoff" in a new sentence) is a
// new occurrence, not the annotated one.
func (m *migration) findMoved(quote anchor.TextQuote, hint int) (span.Span, bool) {
	text, ix := m.new.String(), m.new.Index()
	key := strings.Map(revision.FoldTypography, quote.Exact)
	need := utf8.RuneCountInString(key)
	var best span.Span
	bestAgree, found := -1, false
	for i, r := range m.inserted.regions {
		if r.Len() < need {
			continue
		}
		folded := m.inserted.folded(i)
		cp, counted := r.Start, 0 // code point at byte counted of folded
		for from := 0; ; {
			hit := strings.Index(folded[from:], key)
			if hit < 0 {
				break
			}
			b := from + hit
			cp += utf8.RuneCountInString(folded[counted:b])
			counted = b
			_, size := utf8.DecodeRuneInString(folded[b:])
			from = b + size
			s := span.Span{Start: cp, End: cp + need}
			if !sameWords(ix.Slice(s), quote.Exact) {
				continue
			}
			start, end := ix.Byte(s.Start), ix.Byte(s.End)
			agree := commonSuffix(text[:start], quote.Prefix) + commonPrefix(text[end:], quote.Suffix)
			if need+agree < minMovedEvidence {
				continue
			}
			if agree > bestAgree || agree == bestAgree && distance(s.Start, hint) < distance(best.Start, hint) {
				best, bestAgree, found = s, agree, true
			}
		}
	}
	return best, found
}

// minMovedEvidence is how many code points of quote and agreeing context
// together a moved occurrence needs: one side of context's worth.
const minMovedEvidence = anchor.ContextLen

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
