package migrate

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// MinKept is the least similarity (see similarity) at which edited text
// the diff maps an annotation onto is still the annotated passage. At one
// half, "super smart" reworded to "very smart" or "extremely smart" (one
// word of two kept: 0.5), “super smart” with its quotation marks (0.75),
// "super smart" cut to "smart" (0.67) and a long claim with one word edited
// are changed; a rewritten paragraph, which keeps a few short words at most,
// is not. A single replaced word ("super" to "very") keeps nothing and is
// orphaned unless the approximate search recognises it (a corrected typo).
const MinKept = 0.5

// similarity is the Dice coefficient of the old and new passages counted
// in tokens (words and visible symbols, see countTokens): twice the tokens
// the diff kept in place, over the two counts together. Counting words
// rather than letters keeps a longer replacement word from weighing more
// than the word it replaced.
func similarity(kept, oldTokens, newTokens int) float64 {
	if oldTokens+newTokens == 0 {
		return 0
	}
	return 2 * float64(kept) / float64(oldTokens+newTokens)
}

// recognisable reports whether after, the new text where the diff kept
// kept tokens of before in place, is still the same passage: similarity at
// least MinKept. It stops counting after's tokens once there are too many
// for that, so a quote replaced by a long passage costs no more than the
// quote.
func recognisable(kept int, before, after string) bool {
	oldTokens := countTokens(before, math.MaxInt)
	limit := int(2*float64(kept)/MinKept) - oldTokens // the most new tokens that can still reach MinKept
	if kept == 0 || limit <= 0 {
		return false
	}
	return similarity(kept, oldTokens, countTokens(after, limit)) >= MinKept
}

// keptInPlace counts the tokens of old that lie in Equal ops: the part of
// the passage the new revision kept where it was.
func (m *migration) keptInPlace(old span.Span) int {
	ops, ix := m.d.Ops, m.old.Index()
	kept := 0
	k := sort.Search(len(ops), func(i int) bool { return ops[i].Old.End > old.Start })
	for ; k < len(ops) && ops[k].Old.Start < old.End; k++ {
		if op := ops[k]; op.Kind == revision.Equal {
			kept += countTokens(ix.Slice(span.Span{Start: max(op.Old.Start, old.Start), End: min(op.Old.End, old.End)}), math.MaxInt)
		}
	}
	return kept
}

// countTokens counts the words (runs of letters, digits and marks) and the
// other visible code points (punctuation, symbols, emoji) of s, stopping
// as soon as the count passes limit.
func countTokens(s string, limit int) int {
	n, inWord := 0, false
	for _, r := range s {
		word := revision.IsWordRune(r)
		if !unicode.IsSpace(r) && !(word && inWord) {
			if n++; n > limit {
				break
			}
		}
		inWord = word
	}
	return n
}

// trimSpace drops white space at either end of s in the new text unless the
// old quote had white space at that end too: a replacement may bring its
// own spacing, a reader's selection does not.
func trimSpace(ix *span.Index, s span.Span, quote string) span.Span {
	first, _ := utf8.DecodeRuneInString(quote)
	last, _ := utf8.DecodeLastRuneInString(quote)
	for !unicode.IsSpace(first) && !s.Empty() && isSpaceAt(ix, s.Start) {
		s.Start++
	}
	for !unicode.IsSpace(last) && !s.Empty() && isSpaceAt(ix, s.End-1) {
		s.End--
	}
	return s
}

func isSpaceAt(ix *span.Index, p int) bool {
	r, _ := utf8.DecodeRuneInString(ix.Slice(span.Span{Start: p, End: p + 1}))
	return unicode.IsSpace(r)
}
