package anchor

import (
	"slices"

	"github.com/redline-news/redline/internal/span"
)

// query is one TextQuote (and optional position hint) prepared for
// matching against one Text.
type query struct {
	t                     *Text
	exact, prefix, suffix []rune
	hint                  int // recorded start, or -1 when there is none
	startAligned          bool
	endAligned            bool
	quoteWeight           float64
	prefixPat, suffixPat  *pattern // compiled on first use
	exactPat, exactRevPat *pattern // compiled for the approximate search
}

func newQuery(t *Text, quote *TextQuote, pos *TextPosition) *query {
	q := &query{
		t:      t,
		exact:  []rune(quote.Exact),
		prefix: []rune(quote.Prefix),
		suffix: []rune(quote.Suffix),
		hint:   -1,
	}
	if pos != nil {
		q.hint = pos.Start
	}
	// Did the reader's selection start and end at word edges? Without
	// context we cannot tell, and assume so: readers select words.
	q.startAligned = len(q.prefix) == 0 || !isWordRune(q.prefix[len(q.prefix)-1]) || !isWordRune(q.exact[0])
	q.endAligned = len(q.suffix) == 0 || !isWordRune(q.suffix[0]) || !isWordRune(q.exact[len(q.exact)-1])
	// A long quote is strong evidence on its own: past ContextLen code
	// points its weight grows with its length, so a lightly edited
	// paragraph whose neighbours changed too is still recognised.
	q.quoteWeight = quoteWeight * max(1, float64(len(q.exact))/ContextLen)
	return q
}

func (q *query) prefixPattern() *pattern {
	if q.prefixPat == nil {
		q.prefixPat = compile(q.prefix)
	}
	return q.prefixPat
}

// suffixPattern is the suffix reversed, to be read from the quote outwards.
func (q *query) suffixPattern() *pattern {
	if q.suffixPat == nil {
		q.suffixPat = compile(reversed(q.suffix))
	}
	return q.suffixPat
}

func reversed(r []rune) []rune {
	out := slices.Clone(r)
	slices.Reverse(out)
	return out
}

// candidate is one place the quote may be.
type candidate struct {
	span   span.Span
	errors int
	score  float64
}

// choice is the best of a set of candidates.
type choice struct {
	candidate
	// ties is how many candidates that do not overlap it score the same
	// (itself included): nothing tells them apart.
	ties int
}

// confidence is the chosen candidate's score divided by its ties: the
// chance that the first of k look-alikes is the one meant.
func (c choice) confidence() float64 { return c.score / float64(c.ties) }

func (c choice) match(by Method) Match {
	return Match{Span: c.span, Method: by, Score: c.confidence()}
}

// choose returns the best-scoring candidate, the first among equals.
func choose(cands []candidate) (choice, bool) {
	if len(cands) == 0 {
		return choice{}, false
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if c.score > best.score {
			best = c
		}
	}
	ch := choice{candidate: best}
	for _, c := range cands {
		if c.score == best.score && (c.span == best.span || !c.span.Overlaps(best.span)) {
			ch.ties++
		}
	}
	return ch, true
}
