package anchor

import "github.com/redline-news/redline/internal/span"

// Anchor places sel on t. ok is false when the selector is empty or
// malformed (no quote and no position, an empty exact, a negative or
// reversed position) or when it cannot be placed with confidence: the
// annotation is then orphaned rather than attached to the wrong words.
// The returned span is always valid in t when ok.
func Anchor(t *Text, sel Selector) (m Match, ok bool) {
	pos := sel.Position
	if t == nil || (pos != nil && (pos.Start < 0 || pos.End < pos.Start)) {
		return Match{}, false
	}
	var at span.Span
	if pos != nil {
		at = span.Span{Start: pos.Start, End: pos.End}
	}
	if sel.Quote == nil {
		if pos == nil || at.Empty() || !at.Valid(t.Len()) {
			return Match{}, false
		}
		return Match{Span: at, Method: ByPosition, Score: 1}, true
	}
	exact := sel.Quote.Exact
	if exact == "" {
		return Match{}, false
	}
	q := newQuery(t, sel.Quote, pos)

	// 1. The recorded position, if the quote is still there.
	if pos != nil && q.hasAt(at, exact) {
		return Match{Span: at, Method: ByPosition, Score: q.scoreOf(at, 0)}, true
	}

	// 2. The best exact occurrence, if its context makes it a confident
	// placement; final when no approximate match could score higher.
	// Look-alike occurrences lower the reported Score, not the evidence
	// compared here: an exact occurrence with its full context must not
	// lose to an edited one.
	best, found := choose(q.exactCandidates(exact))
	found = found && best.score >= MinScore
	if found && best.score >= q.bestFuzzyScore() {
		return best.match(ByQuote), true
	}

	// 3. An approximate match, if it is confident and beats the exact one
	// (an edited passage with its context intact beats the same words
	// elsewhere with foreign context).
	if fuzzy, ok := choose(q.fuzzyCandidates()); ok && fuzzy.score >= MinScore && (!found || fuzzy.score > best.score) {
		return fuzzy.match(ByFuzzy), true
	}
	if found {
		return best.match(ByQuote), true
	}
	return Match{}, false
}
