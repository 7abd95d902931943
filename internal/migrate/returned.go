package migrate

import (
	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/span"
)

// returned looks on the new text for the words of an annotation that
// cannot be placed on the old one (typically orphaned on an earlier
// revision, so it has only its quote): a later revision may bring them
// back verbatim. Only an exact occurrence counts, and only one anchor
// would place with confidence (unique, or decided by the recorded prefix
// and suffix, at MinScore after dividing among look-alikes), and only
// one that takes some of its words from text the new revision inserted:
// an occurrence wholly in text that survived from the old revision was
// other words there (or the old text would have placed the annotation).
// The rest of the occurrence may be surviving text: "a rival" edited
// back to "a friend of his" keeps "a".
func (m *migration) returned(q anchor.TextQuote) (span.Span, bool) {
	got, ok := anchor.Anchor(m.new, anchor.Selector{Quote: &q})
	if !ok || got.Method != anchor.ByQuote || got.Score < anchor.MinScore || !m.inserted.touches(got.Span) {
		return span.Span{}, false
	}
	return got.Span, true
}
