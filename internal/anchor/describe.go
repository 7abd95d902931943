package anchor

import "github.com/redline-news/redline/internal/span"

// ContextLen is the most code points Describe keeps on each side of a quote.
// Hypothesis keeps 32 too: enough to tell repeated phrases apart in prose,
// short enough to survive nearby edits.
const ContextLen = 32

// Describe returns both W3C selectors for span s of t. A span outside the
// text is clamped to it (a reversed span becomes empty at its start). The
// prefix and suffix are up to ContextLen code points and are shortened
// rather than cut inside a user-visible character (see clusterBoundary).
// An empty span gives an empty exact, which Anchor rejects: annotations
// target at least one code point.
func Describe(t *Text, s span.Span) Selector {
	n := t.Len()
	start := max(0, min(s.Start, n))
	end := max(start, min(s.End, n))

	prefixStart := max(0, start-ContextLen)
	for prefixStart < start && !clusterBoundary(t.runes, prefixStart) {
		prefixStart++
	}
	suffixEnd := min(n, end+ContextLen)
	for suffixEnd > end && !clusterBoundary(t.runes, suffixEnd) {
		suffixEnd--
	}
	return Selector{
		Quote: &TextQuote{
			Exact:  t.ix.Slice(span.Span{Start: start, End: end}),
			Prefix: t.ix.Slice(span.Span{Start: prefixStart, End: start}),
			Suffix: t.ix.Slice(span.Span{Start: end, End: suffixEnd}),
		},
		Position: &TextPosition{Start: start, End: end},
	}
}
