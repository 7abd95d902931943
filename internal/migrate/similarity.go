package migrate

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// MinKept is the least similarity (see similarity) at which edited text
// the diff maps an annotation onto is still the annotated passage. At one
// half, “super smart” edited to “very smart” (similarity 0.53) or cut to
// “smart” (0.67) is changed, one word edited in a long claim is changed, and
// a rewritten paragraph, which keeps a few short words at most, is not; a
// single replaced word (“super” to “very”) keeps nothing and is orphaned
// unless the approximate search recognises it (a corrected typo).
const MinKept = 0.5

// similarity is the Dice coefficient of the old and new passages over their
// non-space code points: twice what the diff kept in place, over the two
// lengths together.
func similarity(kept, oldLen, newLen int) float64 {
	if oldLen+newLen == 0 {
		return 0
	}
	return 2 * float64(kept) / float64(oldLen+newLen)
}

// keptInPlace counts the non-space code points of old that lie in Equal
// ops: the part of the passage the new revision kept where it was.
func (m *migration) keptInPlace(old span.Span) int {
	ops, ix := m.d.Ops, m.old.Index()
	kept := 0
	k := sort.Search(len(ops), func(i int) bool { return ops[i].Old.End > old.Start })
	for ; k < len(ops) && ops[k].Old.Start < old.End; k++ {
		if op := ops[k]; op.Kind == revision.Equal {
			kept += nonSpace(ix.Slice(span.Span{Start: max(op.Old.Start, old.Start), End: min(op.Old.End, old.End)}))
		}
	}
	return kept
}

// nonSpace counts the code points of s that are not white space.
func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
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
