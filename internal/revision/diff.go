package revision

import (
	"slices"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// diffTimeout bounds go-diff's search over one Compute. A 100 KB article
// pair takes milliseconds; the bound only bites on huge, wholly different
// inputs, where go-diff returns a coarser (still correct) diff instead of
// running for minutes. A positive timeout also keeps go-diff's half-match
// speed-up enabled.
const diffTimeout = time.Second

// tokenDiff diffs two token sequences and returns alternating equal and
// change chunks. It works in two passes, as go-diff's line mode does: whole
// paragraphs first, then word by word only between the paragraphs that
// stayed the same. Most paragraphs of a revision are unchanged, and Myers'
// algorithm costs about the square of the edit distance of what it is given,
// so many small problems are far cheaper than one large one.
// Tokens must have been numbered by the one coder c.
func tokenDiff(old, new []token, c *coder) []chunk {
	d := &differ{
		old: old, new: new,
		a: codes(old), b: codes(new),
		coder:    c,
		deadline: time.Now().Add(diffTimeout),
	}
	oldParas, newParas := paragraphBounds(old), paragraphBounds(new)
	for _, p := range paragraphDiff(d, oldParas, newParas) {
		i0, i1, j0, j1 := oldParas[p.o0], oldParas[p.o1], newParas[p.n0], newParas[p.n1]
		if p.equal && slices.Equal(d.a[i0:i1], d.b[j0:j1]) {
			d.addEqual(i0, j0, i1-i0)
		} else {
			d.diff(i0, i1, j0, j1)
		}
	}
	return d.cb.chunks
}

// differ runs go-diff over the token codes of parts of two texts and
// appends what it finds to one chunk list.
type differ struct {
	old, new []token
	a, b     []rune // token codes
	coder    *coder
	deadline time.Time
	cb       chunkBuilder
	counts   []int32 // scratch for common, indexed by code
}

// runs diffs two code sequences with go-diff and returns its ops as runs
// of codes. All calls of one Compute share one deadline.
func (d *differ) runs(a, b []rune) []run {
	dmp := diffmatchpatch.New()
	// DiffTimeout 0 would mean no limit: past the deadline, allow go-diff
	// the least time there is, so it gives up at once.
	dmp.DiffTimeout = max(time.Until(d.deadline), time.Nanosecond)
	diffs := dmp.DiffMainRunes(a, b, false)
	out := make([]run, len(diffs))
	for i, x := range diffs {
		out[i] = run{x.Type, utf8.RuneCountInString(x.Text)}
	}
	return out
}

// run is n codes that go-diff found equal, deleted or inserted.
type run struct {
	op diffmatchpatch.Operation
	n  int
}

// diff appends the word diff of old[i0:i1] against new[j0:j1].
func (d *differ) diff(i0, i1, j0, j1 int) {
	if i0 == i1 || j0 == j1 {
		d.cb.add(false, i1-i0, j1-j0)
		return
	}
	i, j := i0, j0
	for _, r := range d.runs(d.a[i0:i1], d.b[j0:j1]) {
		switch r.op {
		case diffmatchpatch.DiffEqual:
			d.addEqual(i, j, r.n)
			i, j = i+r.n, j+r.n
		case diffmatchpatch.DiffDelete:
			d.cb.add(false, r.n, 0)
			i += r.n
		case diffmatchpatch.DiffInsert:
			d.cb.add(false, 0, r.n)
			j += r.n
		}
	}
}

// addEqual appends n tokens from old[i] and new[j] whose codes are equal.
// Tokens sharing the overflow code are equal only if their ids are.
func (d *differ) addEqual(i, j, n int) {
	if !d.coder.shared() {
		d.cb.add(true, n, n)
		return
	}
	for k := range n {
		d.cb.add(d.old[i+k].id == d.new[j+k].id, 1, 1)
	}
}
