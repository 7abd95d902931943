package anchor

import (
	"math"
	"slices"

	"github.com/redline-news/redline/internal/span"
)

// Weights of the evidence, from Hypothesis's matchQuote: the quote itself
// counts most, each side of context a little less than half as much, and
// the distance from the recorded position only breaks ties.
const (
	quoteWeight    = 50.0
	contextWeight  = 20.0 // each of prefix and suffix
	positionWeight = 2.0
)

// MinScore is the lowest score at which Anchor places a quote, exact or
// approximate; below it the selector is orphaned. The score compared is
// the evidence for the place itself: look-alike occurrences lower the
// reported Match.Score but do not orphan (a quote-only selector for a
// repeated phrase anchors on its first occurrence).
//
// At 0.75 a quote with up to a quarter of its code points edited anchors
// when its context is intact, and an exact quote anchors when one side of
// its context still agrees (a moved paragraph's first or last words) or it
// is long enough to vouch for itself (a moved sentence). A short quote
// whose recorded context is foreign is orphaned, exact or not: "Linus"
// (recorded in "to Linus, who taught") scores 0.47 on "Linux" in other
// prose and 0.24 on "chines", and a word edited away does not jump to the
// same word elsewhere (Hypothesis h#2798: an edited "Robin" jumped to an
// earlier "Robin"; here that scores 0.69). Words of one to three letters
// still can, rarely, when another occurrence's surroundings happen to look
// alike. A selector with a quote and no context counts its context as
// agreeing and always reaches MinScore where the quote occurs.
const MinScore = 0.75

// splitWordPenalty scales a side's context score when a candidate splits
// a word there but the original quote did not (the "war" in "toward").
const splitWordPenalty = 0.5

// scoreOf rates a candidate span whose text is errors edits away from the
// quote, in [0, 1].
func (q *query) scoreOf(s span.Span, errors int) float64 {
	quote := max(0, 1-float64(errors)/float64(len(q.exact)))
	raw := q.quoteWeight*quote +
		contextWeight*q.prefixScore(s.Start) +
		contextWeight*q.suffixScore(s.End) +
		positionWeight*q.closeness(s.Start)
	return raw / (q.quoteWeight + 2*contextWeight + positionWeight)
}

// bestFuzzyScore bounds the score of any match with at least one error:
// when an exact occurrence already reaches it, searching further is moot.
func (q *query) bestFuzzyScore() float64 {
	quote := 1 - 1/float64(len(q.exact))
	return (q.quoteWeight*quote + 2*contextWeight + positionWeight) / (q.quoteWeight + 2*contextWeight + positionWeight)
}

// prefixScore is how well the text before start agrees with the recorded
// prefix: 1 minus the edit distance to the best-aligned text ending at
// start, per code point of prefix, corrected for chance. No recorded
// prefix counts as agreement.
func (q *query) prefixScore(start int) float64 {
	score := 1.0
	if n := len(q.prefix); n > 0 {
		window := q.t.runes[max(0, start-2*n):start]
		if !hasSuffix(window, q.prefix) {
			score = contextSimilarity(q.prefixPattern().endDistance(window, false), n)
		}
	}
	if q.startAligned && midWord(q.t.runes, start) {
		score *= splitWordPenalty
	}
	return score
}

// suffixScore is prefixScore's mirror after end.
func (q *query) suffixScore(end int) float64 {
	score := 1.0
	if n := len(q.suffix); n > 0 {
		window := q.t.runes[end:min(len(q.t.runes), end+2*n)]
		if !hasPrefix(window, q.suffix) {
			score = contextSimilarity(q.suffixPattern().endDistance(window, true), n)
		}
	}
	if q.endAligned && midWord(q.t.runes, end) {
		score *= splitWordPenalty
	}
	return score
}

// closeness is 1 at the recorded position, falling linearly to 0 a whole
// text length away; 1 when there is no position.
func (q *query) closeness(start int) float64 {
	if q.hint < 0 {
		return 1
	}
	return max(0, 1-math.Abs(float64(start-q.hint))/float64(max(1, len(q.t.runes))))
}

// chanceAgreement is how similar a recorded context is, by the measure
// above, to the text before or after an unrelated spot of prose: about a
// quarter of the code points of two English strings align by chance
// (median 0.15-0.25 on the sample article, 99th percentile under 0.5).
const chanceAgreement = 0.25

// contextSimilarity turns an edit distance over n code points of context
// into agreement beyond chance, in [0, 1]. Without the correction the best
// of the hundred "the"s of an article agrees well enough with any context
// to pass MinScore.
func contextSimilarity(distance, n int) float64 {
	raw := 1 - float64(distance)/float64(n)
	return max(0, (raw-chanceAgreement)/(1-chanceAgreement))
}

func hasPrefix(s, p []rune) bool { return len(s) >= len(p) && slices.Equal(s[:len(p)], p) }
func hasSuffix(s, p []rune) bool { return len(s) >= len(p) && slices.Equal(s[len(s)-len(p):], p) }
