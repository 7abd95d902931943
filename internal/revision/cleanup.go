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
	out := make([]chunk, 0, len(chunks))
	for _, c := range chunks {
		out = append(out, c)
		for n := len(out); n >= 3 && !out[n-1].equal && absorbable(out[n-2], out[n-3], out[n-1], old); n = len(out) {
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
