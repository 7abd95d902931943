package revision

import "github.com/sergi/go-diff/diffmatchpatch"

// paragraphBounds splits tokens into paragraphs, each with the blank line
// that ends it (a blank line alone would match every other one and pin
// unrelated paragraphs to each other). Paragraph k is
// toks[bounds[k]:bounds[k+1]]; none is empty.
func paragraphBounds(toks []token) []int {
	bounds := []int{0}
	for i, t := range toks {
		if t.paraBreak {
			bounds = append(bounds, i+1)
		}
	}
	if last := bounds[len(bounds)-1]; last < len(toks) {
		bounds = append(bounds, len(toks))
	}
	return bounds
}

// paragraphDiff diffs the two texts paragraph by paragraph, comparing
// paragraphs by their token codes, and returns chunks of paragraph indices.
// The paragraphs of an equal chunk have the same codes (unless paragraph
// codes ran out, so callers check); a change chunk is to be diffed word by
// word.
func paragraphDiff(d *differ, oldParas, newParas []int) []chunk {
	c := newCoder(maxCodes)
	encode := func(bounds []int, codes []rune) []rune {
		out := make([]rune, len(bounds)-1)
		for k := range out {
			out[k] = c.code(string(codes[bounds[k]:bounds[k+1]]))
		}
		return out
	}
	pa, pb := encode(oldParas, d.a), encode(newParas, d.b)
	var cb chunkBuilder
	for _, r := range d.runs(pa, pb) {
		switch r.op {
		case diffmatchpatch.DiffEqual:
			cb.add(true, r.n, r.n)
		case diffmatchpatch.DiffDelete:
			cb.add(false, r.n, 0)
		case diffmatchpatch.DiffInsert:
			cb.add(false, 0, r.n)
		}
	}
	return mergeEqualities(cb.chunks, func(eq, before, after chunk) bool {
		return d.crossed(toTokens(eq, oldParas, newParas), toTokens(before, oldParas, newParas), toTokens(after, oldParas, newParas))
	})
}

// toTokens turns a chunk of paragraph indices into one of token indices.
func toTokens(c chunk, oldParas, newParas []int) chunk {
	return chunk{c.equal, oldParas[c.o0], oldParas[c.o1], newParas[c.n0], newParas[c.n1]}
}

// crossed reports whether the equal paragraphs eq, between the changes
// before and after, are better given up: whether the three together have
// more words in common than keeping eq keeps (its own words, and what each
// change has in common with itself) by more than half of eq. That is the mark
// of a block moved across eq (or of eq matched to the wrong copy of a
// repeated paragraph): keeping eq would show the block deleted and
// inserted whole, while diffing all three word by word lets whichever is
// larger stay, as a word diff of the whole texts would. Edits in place
// leave each change mostly like itself, so ordinary equalities stay and
// keep the word diffs small. Words are counted in any order, a cheap upper
// bound on what a diff can keep. Giving up eq gains those words only if
// they outweigh eq, but a margin of half of eq rather than all of it leans
// towards the word diff: on shuffled and edited copies of the sample
// article that matched the whole-text word diff's quality or bettered it.
func (d *differ) crossed(eq, before, after chunk) bool {
	size := countSolid(d.old[eq.o0:eq.o1])
	kept := d.common(before.o0, before.o1, before.n0, before.n1) + size + d.common(after.o0, after.o1, after.n0, after.n1)
	return d.common(before.o0, after.o1, before.n0, after.n1)-kept > size/2
}

// common counts the tokens other than whitespace that old[i0:i1] and
// new[j0:j1] have in common, in any order.
func (d *differ) common(i0, i1, j0, j1 int) int {
	if i0 == i1 || j0 == j1 {
		return 0
	}
	if d.counts == nil {
		d.counts = make([]int32, d.codes.next+1)
	}
	for i := i0; i < i1; i++ {
		if !d.old[i].space {
			d.counts[d.a[i]]++
		}
	}
	n := 0
	for j := j0; j < j1; j++ {
		if c := &d.counts[d.b[j]]; !d.new[j].space && *c > 0 {
			*c--
			n++
		}
	}
	for i := i0; i < i1; i++ {
		d.counts[d.a[i]] = 0
	}
	return n
}

// countSolid counts the tokens other than whitespace.
func countSolid(toks []token) int {
	n := 0
	for _, t := range toks {
		if !t.space {
			n++
		}
	}
	return n
}
