package revision

import (
	"encoding/binary"
	"slices"

	"github.com/sergi/go-diff/diffmatchpatch"
)

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
// paragraphs by a hash of their token codes, and returns chunks of
// paragraph indices. The paragraphs of an equal chunk have the same hash;
// callers check that they have the same codes (two different paragraphs
// with one hash would then be diffed word by word, as if changed). A
// change chunk is to be diffed word by word.
func paragraphDiff(d *differ, oldParas, newParas []int) []chunk {
	c := newCoder(maxCodes)
	var key []byte
	encode := func(bounds []int, codes []rune) []rune {
		out := make([]rune, len(bounds)-1)
		for k := range out {
			key = binary.LittleEndian.AppendUint64(key[:0], hashCodes(codes[bounds[k]:bounds[k+1]]))
			out[k] = c.id(key).code
		}
		return out
	}
	pa, pb := encode(oldParas, d.a), encode(newParas, d.b)
	// Paragraphs found in one text only cannot match: each run of them goes
	// to go-diff as one placeholder, the same in both texts, so go-diff
	// sees a far smaller edit distance, and pairs up the runs between the
	// same equal paragraphs (replaced or edited paragraphs) as equal. Its
	// key is shorter than every paragraph's.
	placeholder := c.id([]byte{0}).code
	ca, na := collapseUnmatched(pa, pb, placeholder)
	cb, nb := collapseUnmatched(pb, pa, placeholder)
	var b chunkBuilder
	i, j := 0, 0
	for _, r := range d.runs(ca, cb) {
		switch r.op {
		case diffmatchpatch.DiffEqual:
			for k := range r.n {
				b.add(ca[i+k] != placeholder, na[i+k], nb[j+k])
			}
			i, j = i+r.n, j+r.n
		case diffmatchpatch.DiffDelete:
			b.add(false, sum(na[i:i+r.n]), 0)
			i += r.n
		case diffmatchpatch.DiffInsert:
			b.add(false, 0, sum(nb[j:j+r.n]))
			j += r.n
		}
	}
	return mergeEqualities(b.chunks, anchorTest(d, oldParas, newParas, repeatedIn(pa, pb), pa))
}

// anchorTest decides which runs of equal paragraphs to give up as anchors
// (see crossed). A run holding a paragraph that occurs more than once may
// be matched to the wrong copy, so any sign of a better match gives it up;
// for a run of unique paragraphs, the sign must outweigh half the run.
// Counting words in any order overestimates what a word diff keeps, and
// half leans towards the word diff: on 300 shuffled and edited copies of
// the sample article these margins marked fewer characters in total than
// the whole-text word diff (and as many on all but a dozen), while keeping
// most anchors of an ordinary revision.
func anchorTest(d *differ, oldParas, newParas []int, repeated func(rune) bool, pa []rune) func(eq, before, after chunk) bool {
	tokens := func(c chunk) chunk {
		return chunk{c.equal, oldParas[c.o0], oldParas[c.o1], newParas[c.n0], newParas[c.n1]}
	}
	return func(eq, before, after chunk) bool {
		margin := 0
		if !slices.ContainsFunc(pa[eq.o0:eq.o1], repeated) {
			margin = countSolid(d.old[oldParas[eq.o0]:oldParas[eq.o1]]) / 2
		}
		return d.crossed(tokens(eq), tokens(before), tokens(after), margin)
	}
}

// hashCodes is the 64-bit FNV-1a hash of codes, a rune at a time.
func hashCodes(codes []rune) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range codes {
		h = (h ^ uint64(r)) * 1099511628211
	}
	return h
}

// collapseUnmatched returns codes with every run of codes absent from other
// replaced by one placeholder, and how many codes each element stands for.
func collapseUnmatched(codes, other []rune, placeholder rune) (collapsed []rune, counts []int) {
	inOther := make(map[rune]bool, len(other))
	for _, r := range other {
		inOther[r] = true
	}
	for _, r := range codes {
		if !inOther[r] {
			if k := len(collapsed) - 1; k >= 0 && collapsed[k] == placeholder {
				counts[k]++
				continue
			}
			r = placeholder
		}
		collapsed = append(collapsed, r)
		counts = append(counts, 1)
	}
	return collapsed, counts
}

func sum(ns []int) int {
	total := 0
	for _, n := range ns {
		total += n
	}
	return total
}

// crossed reports whether the equal tokens eq, between the changes before
// and after, are better given up: whether the three together have more
// words in common than keeping eq keeps (its own words, and what each
// change has in common with itself), by more than margin. That is the mark
// of a block moved across eq, or of eq matched to the wrong copy of a
// repeated paragraph: keeping eq would show the block deleted and inserted
// whole, while diffing all three word by word lets whichever is larger
// stay, as a word diff of the whole texts would. Edits in place leave each
// change mostly like itself, so ordinary equalities stay and keep the word
// diffs small.
func (d *differ) crossed(eq, before, after chunk, margin int) bool {
	inBefore := d.common(before.o0, before.o1, before.n0, before.n1)
	inAfter := d.common(after.o0, after.o1, after.n0, after.n1)
	// Counting in any order is matching words up, and the three together
	// can match at most as many more words as keeping eq leaves unmatched
	// on either side; mostly too few to be worth counting.
	unmatchedOld := countSolid(d.old[before.o0:before.o1]) + countSolid(d.old[after.o0:after.o1]) - inBefore - inAfter
	unmatchedNew := countSolid(d.new[before.n0:before.n1]) + countSolid(d.new[after.n0:after.n1]) - inBefore - inAfter
	if min(unmatchedOld, unmatchedNew) <= margin {
		return false
	}
	kept := inBefore + countSolid(d.old[eq.o0:eq.o1]) + inAfter
	return d.common(before.o0, after.o1, before.n0, after.n1)-kept > margin
}

// repeatedIn reports which paragraph codes occur more than once in a or
// in b.
func repeatedIn(a, b []rune) func(rune) bool {
	repeated := make(map[rune]bool)
	for _, codes := range [][]rune{a, b} {
		seen := make(map[rune]bool, len(codes))
		for _, r := range codes {
			if seen[r] {
				repeated[r] = true
			}
			seen[r] = true
		}
	}
	return func(r rune) bool { return repeated[r] }
}

// common counts the tokens other than whitespace that old[i0:i1] and
// new[j0:j1] have in common, in any order.
func (d *differ) common(i0, i1, j0, j1 int) int {
	if i0 == i1 || j0 == j1 {
		return 0
	}
	if d.counts == nil {
		d.counts = make([]int32, d.coder.next+1)
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
