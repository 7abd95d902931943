package reading

import (
	"cmp"
	"slices"

	"github.com/redline-news/redline/internal/sorts"
	"github.com/redline-news/redline/internal/span"
)

// Mark is one highlighted span of the text.
type Mark struct {
	ID   string
	Span span.Span
}

// Segment is a run of text covered by the same set of marks. IDs lists
// them outermost first (earlier start, then longer), the same order in
// every segment, so nesting <mark> elements in that order keeps each
// annotation's elements at the same depth where they touch.
type Segment struct {
	span.Span
	IDs []string
}

// Layout splits each paragraph into segments. Marks may overlap, nest, run
// across paragraphs or be empty (ignored); a paragraph with no marks is one
// segment. It runs in O((paragraphs + marks) log marks + output).
func Layout(paragraphs []span.Span, marks []Mark) [][]Segment {
	sorted := slices.Clone(marks)
	sorts.Func(sorted, outermostFirst)
	sorted = slices.DeleteFunc(sorted, func(m Mark) bool { return m.Span.Empty() })

	out := make([][]Segment, len(paragraphs))
	next := 0 // first mark in sorted not yet considered
	var open []Mark
	for i, p := range paragraphs {
		// Marks that ended before this paragraph are done; marks that start
		// before its end may cover part of it.
		open = slices.DeleteFunc(open, func(m Mark) bool { return m.Span.End <= p.Start })
		for next < len(sorted) && sorted[next].Span.Start < p.End {
			if sorted[next].Span.End > p.Start {
				open = append(open, sorted[next])
			}
			next++
		}
		sorts.Func(open, outermostFirst)
		out[i] = segmentsOf(p, open)
	}
	return out
}

func outermostFirst(a, b Mark) int {
	return cmp.Or(
		cmp.Compare(a.Span.Start, b.Span.Start),
		cmp.Compare(b.Span.End, a.Span.End),
		cmp.Compare(a.ID, b.ID),
	)
}

// segmentsOf cuts p at every mark boundary inside it.
func segmentsOf(p span.Span, marks []Mark) []Segment {
	cuts := []int{p.Start, p.End}
	for _, m := range marks {
		for _, c := range []int{m.Span.Start, m.Span.End} {
			if c > p.Start && c < p.End {
				cuts = append(cuts, c)
			}
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	segs := make([]Segment, 0, len(cuts)-1)
	for i := 0; i+1 < len(cuts); i++ {
		s := span.Span{Start: cuts[i], End: cuts[i+1]}
		var ids []string
		for _, m := range marks {
			if m.Span.Start <= s.Start && s.End <= m.Span.End {
				ids = append(ids, m.ID)
			}
		}
		segs = append(segs, Segment{Span: s, IDs: ids})
	}
	return segs
}
