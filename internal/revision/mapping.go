package revision

import (
	"sort"

	"github.com/redline-news/redline/internal/span"
)

// Bias says which way a position leans when text was inserted or replaced
// next to it.
type Bias int

const (
	// BiasBefore anchors the position to the code point before it: text
	// inserted at the position ends up after it, and if that code point
	// was deleted the position maps to the end of its replacement. Use it
	// for the end of a span.
	BiasBefore Bias = iota
	// BiasAfter anchors the position to the code point after it: text
	// inserted at the position ends up before it, and if that code point
	// was deleted the position maps to the start of its replacement. Use
	// it for the start of a span.
	BiasAfter
)

// MapPos maps a code-point offset in the old text to the new text. Offsets
// outside the old text are clamped. For a fixed bias the mapping is
// monotonic and stays within the new text. Inside an Equal op whose
// whitespace run changed length, positions are clamped to the new run.
func (d *Diff) MapPos(oldCP int, bias Bias) int {
	p := max(0, min(oldCP, d.old.Len()))
	if bias == BiasBefore {
		if p == 0 {
			return 0
		}
		// The op holding code point p-1: the first op ending at or after p
		// (an insertion at p comes after it).
		k := sort.Search(len(d.Ops), func(i int) bool { return d.Ops[i].Old.End >= p })
		op := d.Ops[k]
		if op.Kind == Equal {
			return linear(op, p)
		}
		if k+1 < len(d.Ops) && d.Ops[k+1].Kind == Insert {
			return d.Ops[k+1].New.End // p-1 was replaced: after the replacement
		}
		return op.New.End
	}
	// The op holding code point p: the first op ending after p.
	k := sort.Search(len(d.Ops), func(i int) bool { return d.Ops[i].Old.End > p })
	if k == len(d.Ops) {
		return d.new.Len()
	}
	op := d.Ops[k]
	if op.Kind == Equal {
		return linear(op, p)
	}
	return op.New.Start // p was deleted: the start of its replacement
}

// linear maps p inside an Equal op: one to one, except that in a token
// whose length changed the edges map to the edges and inner positions clamp.
func linear(op Op, p int) int {
	if p == op.Old.End {
		return op.New.End
	}
	return op.New.Start + min(p-op.Old.Start, op.New.Len())
}

// MapSpan maps an old span onto the new text: its start leans right, its
// end left, so text inserted at either edge stays outside and replaced text
// inside it is included. untouched reports whether every code point of s
// lies in Equal ops with nothing inserted between them, and neither edge
// cuts through a token whose spelling changed (a shortened whitespace run,
// a renormalised accent); migration treats such spans as intact.
func (d *Diff) MapSpan(s span.Span) (newSpan span.Span, untouched bool) {
	start := d.MapPos(s.Start, BiasAfter)
	end := max(start, d.MapPos(s.End, BiasBefore))
	if s.Empty() {
		end = start
	}
	untouched = !d.cutsNoise(s.Start) && !d.cutsNoise(s.End)
	k := sort.Search(len(d.Ops), func(i int) bool { return d.Ops[i].Old.End > s.Start })
	for ; k < len(d.Ops) && d.Ops[k].Old.Start < s.End; k++ {
		if d.Ops[k].Kind != Equal {
			untouched = false
			break
		}
	}
	return span.Span{Start: start, End: end}, untouched
}

// cutsNoise reports whether old position p falls strictly inside a token
// whose old and new spellings differ.
func (d *Diff) cutsNoise(p int) bool {
	k := sort.Search(len(d.noise), func(i int) bool { return d.noise[i].Old.End > p })
	return k < len(d.noise) && d.noise[k].Old.Start < p
}
