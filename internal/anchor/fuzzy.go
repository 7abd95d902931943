package anchor

import "github.com/redline-news/redline/internal/span"

// minFuzzyLen is the shortest quote searched approximately. In a shorter
// one a single edit changes a quarter of it or more, and a short word with
// an edit is usually another word ("Kiev" is not "Kyiv" misspelt): such
// quotes match exactly or not at all.
const minFuzzyLen = 5

// maxErrors bounds the edits an approximate match may have: a quarter of
// the quote, at most 256 (Hypothesis allows half, which is how "Linus"
// reached "chines").
func maxErrors(m int) int {
	if m < minFuzzyLen {
		return 0
	}
	return min(m/4, 256)
}

// fuzzyCandidates scores approximate occurrences of the quote that have at
// least one error. One pass of the bit-parallel scanner finds where
// matches end (local minima of the distance); a backward scan from each
// end finds its start; the span is then snapped to word edges and
// rescored.
func (q *query) fuzzyCandidates() []candidate {
	k := maxErrors(len(q.exact))
	if k == 0 {
		return nil
	}
	q.exactPat, q.exactRevPat = compile(q.exact), compile(reversed(q.exact))
	var out []candidate
	seen := map[span.Span]bool{}
	for _, end := range q.matchEnds(k) {
		s := q.snap(span.Span{Start: q.matchStart(end, k), End: end})
		if seen[s] {
			continue
		}
		seen[s] = true
		if errors := q.exactPat.distance(q.t.runes[s.Start:s.End]); errors > 0 {
			out = append(out, candidate{span: s, errors: errors, score: q.scoreOf(s, errors)})
		}
	}
	return out
}

// matchEnds returns the ends of approximate matches with at most k errors
// where the distance is a local minimum (a plateau keeps all its ends:
// the context decides among them).
func (q *query) matchEnds(k int) []int {
	var ends []int
	s := q.exactPat.scanner(false)
	var dist [1024]int32                        // distances at ends from+1 … from+len(chunk)
	prev, cur := len(q.exact)+1, len(q.exact)+1 // distances at ends j-1 and j
	for from := 0; from < len(q.t.runes); from += len(dist) {
		chunk := q.t.runes[from:min(len(q.t.runes), from+len(dist))]
		s.run(chunk, dist[:])
		for i := range chunk {
			next := int(dist[i])
			if cur <= k && cur <= prev && cur <= next {
				ends = append(ends, from+i) // end j = from+i: the match covers runes before it
			}
			prev, cur = cur, next
		}
	}
	if cur <= k && cur <= prev {
		ends = append(ends, len(q.t.runes))
	}
	return ends
}

// matchStart finds where the best match ending at end starts: the reversed
// quote is aligned against the text read backwards from end, for at most
// len+k code points. Among starts at the same distance it takes the one
// whose length is closest to the quote's.
func (q *query) matchStart(end, k int) int {
	m := len(q.exact)
	s := q.exactRevPat.scanner(true)
	best, bestDist := end-1, m+1
	for start := end - 1; start >= max(0, end-m-k); start-- {
		d := s.step(q.t.runes[start])
		if d < bestDist || (d == bestDist && abs(end-start-m) < abs(end-best-m)) {
			best, bestDist = start, d
		}
	}
	return best
}

func abs(x int) int { return max(x, -x) }
