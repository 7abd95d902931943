package revision

// cleanupSemantic merges changes separated by equalities too small to be
// worth showing, as go-diff's DiffCleanupSemantic does, but counting tokens
// rather than characters: an equality is absorbed when it has no more
// tokens than the larger side of the change on each side of it. So
// "a b c" → "x y z" is one replacement rather than three with lone spaces
// between. go-diff's own cleanup cannot be used on token codes: parts of it
// mix byte and rune lengths and would split multi-byte codes.
//
// An equality holding a paragraph break is never absorbed, so a change
// does not straddle paragraphs just because both were edited at the seam.
func cleanupSemantic(chunks []chunk, old []token) []chunk {
	return mergeEqualities(chunks, func(eq, before, after chunk) bool {
		return absorbable(eq, before, after, old)
	})
}

// mergeEqualities merges every equality that absorb accepts, with the
// changes before and after it, into one change, and again with the changes
// that then meet it.
func mergeEqualities(chunks []chunk, absorb func(eq, before, after chunk) bool) []chunk {
	out := make([]chunk, 0, len(chunks))
	for _, c := range chunks {
		out = append(out, c)
		for n := len(out); n >= 3 && !out[n-1].equal && absorb(out[n-2], out[n-3], out[n-1]); n = len(out) {
			merged := chunk{false, out[n-3].o0, out[n-1].o1, out[n-3].n0, out[n-1].n1}
			out = append(out[:n-3], merged)
		}
	}
	return out
}

// absorbable reports whether equality eq between the changes before and
// after should become part of one change.
func absorbable(eq, before, after chunk, old []token) bool {
	size := eq.o1 - eq.o0
	if size > before.size() || size > after.size() {
		return false
	}
	for _, t := range old[eq.o0:eq.o1] {
		if t.paraBreak {
			return false
		}
	}
	return true
}

// size of a change: tokens on its larger side.
func (c chunk) size() int { return max(c.o1-c.o0, c.n1-c.n0) }

// alignEdits slides each pure insertion or deletion that sits between two
// equalities along the text, where that leaves the same texts, to where its
// edges fall on the best boundaries (go-diff's DiffCleanupSemanticLossless
// over tokens): a moved paragraph shows as "{+Whole paragraph.\n\n+}"
// rather than "{+.\n\nWhole paragraph+}.".
func alignEdits(chunks []chunk, old, new []token) []chunk {
	for i := 1; i+1 < len(chunks); i++ {
		c, prev, next := &chunks[i], &chunks[i-1], &chunks[i+1]
		if c.equal {
			continue
		}
		var side []token
		var start, end, lo, hi int
		switch {
		case c.o0 == c.o1:
			side, start, end, lo, hi = new, c.n0, c.n1, prev.n0, next.n1
		case c.n0 == c.n1:
			side, start, end, lo, hi = old, c.o0, c.o1, prev.o0, next.o1
		default:
			continue
		}
		s, e := start, end
		for s > lo && side[s-1].id == side[e-1].id {
			s, e = s-1, e-1
		}
		best, bestScore := s, edgeScore(side, s)+edgeScore(side, e)
		for e < hi && side[s].id == side[e].id {
			s, e = s+1, e+1
			// >= prefers trailing over leading whitespace in an edit.
			if score := edgeScore(side, s) + edgeScore(side, e); score >= bestScore {
				best, bestScore = s, score
			}
		}
		shift := best - start
		prev.o1, prev.n1 = prev.o1+shift, prev.n1+shift
		c.o0, c.o1, c.n0, c.n1 = c.o0+shift, c.o1+shift, c.n0+shift, c.n1+shift
		next.o0, next.n0 = next.o0+shift, next.n0+shift
	}
	return rechunk(chunks)
}

// edgeScore rates the boundary before toks[k] as a place for an edit to
// start or end: text edges and paragraph breaks best, then sentence ends,
// then whitespace, then punctuation; inside a word run worst.
func edgeScore(toks []token, k int) int {
	if k == 0 || k == len(toks) {
		return 6
	}
	x, y := toks[k-1], toks[k]
	switch {
	case x.paraBreak || y.paraBreak:
		return 5
	// Past the case above, a space token is no paragraph break.
	case x.sentencePunct && y.space:
		return 3
	case x.space || y.space:
		return 2
	case !x.word || !y.word:
		return 1
	}
	return 0
}

// rechunk drops equalities emptied by alignEdits and merges the changes
// that then meet.
func rechunk(chunks []chunk) []chunk {
	var cb chunkBuilder
	for _, c := range chunks {
		if c.o0 < c.o1 || c.n0 < c.n1 {
			cb.add(c.equal, c.o1-c.o0, c.n1-c.n0)
		}
	}
	return cb.chunks
}
