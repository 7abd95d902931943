package revision

import (
	"sort"

	"github.com/redline-news/redline/internal/span"
)

// Row is one line of a side-by-side diff: old paragraphs and the new
// paragraphs they became, so that the same paragraph sits at the same
// height on both sides. Paragraphs that share unchanged words are in one
// row (one paragraph split in two, or two merged, make one row); a
// paragraph deleted or inserted whole has a row with the other side empty,
// and so does each end of a Move.
type Row struct {
	// OldParas and NewParas are paragraph indices [first, end) in the old
	// and new text (see Paragraphs); an empty range is an empty cell.
	OldParas, NewParas [2]int
	// Old and New are the text the cells show, empty for an empty cell.
	Old, New span.Span
}

// Paragraphs are the non-empty stretches between blank lines of the old
// text (old) or the new text.
func (d *Diff) Paragraphs(old bool) []span.Span {
	if old {
		return paragraphs(d.old)
	}
	return paragraphs(d.new)
}

// Rows aligns the paragraphs of the two texts for a side-by-side view, in
// the order of both texts.
func (d *Diff) Rows() []Row {
	oldParas, newParas := paragraphs(d.old), paragraphs(d.new)
	links := d.paragraphLinks(oldParas, newParas)
	var rows []Row
	i, j := 0, 0 // next old and new paragraph not yet in a row
	cell := func(paras []span.Span, r [2]int) span.Span {
		if r[0] == r[1] {
			return span.Span{}
		}
		return span.Span{Start: paras[r[0]].Start, End: paras[r[1]-1].End}
	}
	add := func(o, n [2]int) {
		rows = append(rows, Row{OldParas: o, NewParas: n, Old: cell(oldParas, o), New: cell(newParas, n)})
	}
	for k := 0; k < len(links); {
		// One row: the links that share a paragraph with it, transitively
		// (links are in order on both sides).
		o, n := [2]int{links[k][0], links[k][0] + 1}, [2]int{links[k][1], links[k][1] + 1}
		for k++; k < len(links) && (links[k][0] < o[1] || links[k][1] < n[1]); k++ {
			o[1], n[1] = max(o[1], links[k][0]+1), max(n[1], links[k][1]+1)
		}
		// Unlinked paragraphs before it get rows of their own, old first.
		for ; i < o[0]; i++ {
			add([2]int{i, i + 1}, [2]int{j, j})
		}
		for ; j < n[0]; j++ {
			add([2]int{i, i}, [2]int{j, j + 1})
		}
		add(o, n)
		i, j = o[1], n[1]
	}
	for ; i < len(oldParas); i++ {
		add([2]int{i, i + 1}, [2]int{j, j})
	}
	for ; j < len(newParas); j++ {
		add([2]int{i, i}, [2]int{j, j + 1})
	}
	return rows
}

// paragraphLinks lists the (old, new) paragraph pairs that share a word
// of unchanged text, in order.
func (d *Diff) paragraphLinks(oldParas, newParas []span.Span) [][2]int {
	var links [][2]int
	for _, op := range d.Ops {
		if op.Kind != Equal {
			continue
		}
		lo := sort.Search(len(oldParas), func(i int) bool { return oldParas[i].End > op.Old.Start })
		for i := lo; i < len(oldParas) && oldParas[i].Start < op.Old.End; i++ {
			// The part of op in old paragraph i, and where it is in the new
			// text (code points correspond one to one inside an Equal op,
			// up to a token of noise: clamp to the op).
			a, b := max(op.Old.Start, oldParas[i].Start), min(op.Old.End, oldParas[i].End)
			na := min(op.New.End, op.New.Start+a-op.Old.Start)
			nb := min(op.New.End, op.New.Start+b-op.Old.Start)
			if !HasWord(d.old.Slice(span.Span{Start: a, End: b})) {
				continue
			}
			jl := sort.Search(len(newParas), func(j int) bool { return newParas[j].End > na })
			for j := jl; j < len(newParas) && newParas[j].Start < nb; j++ {
				s := span.Span{Start: max(na, newParas[j].Start), End: min(nb, newParas[j].End)}
				if HasWord(d.new.Slice(s)) && !d.movedPara(oldParas[i], newParas[j]) && (len(links) == 0 || links[len(links)-1] != [2]int{i, j}) {
					links = append(links, [2]int{i, j})
				}
			}
		}
	}
	return links
}

// movedPara reports whether o is the old or n the new paragraph of a move:
// each end of a move has a row of its own.
func (d *Diff) movedPara(o, n span.Span) bool {
	for _, m := range d.Moves {
		if m.Old == o || m.New == n {
			return true
		}
	}
	return false
}

// HasWord reports whether s holds a word character (IsWordRune).
func HasWord(s string) bool {
	for _, r := range s {
		if IsWordRune(r) {
			return true
		}
	}
	return false
}

// Slice is the text of s in the old text (old) or the new one.
func (d *Diff) Slice(s span.Span, old bool) string {
	if old {
		return d.old.Slice(s)
	}
	return d.new.Slice(s)
}

// OpsIn returns the ops that cover part of s on one side (old: their Old
// spans), in order; a renderer draws each clipped to s.
func (d *Diff) OpsIn(s span.Span, old bool) []Op {
	side := func(op Op) span.Span { return op.New }
	if old {
		side = func(op Op) span.Span { return op.Old }
	}
	lo := sort.Search(len(d.Ops), func(i int) bool { return side(d.Ops[i]).End > s.Start })
	hi := lo
	for hi < len(d.Ops) && side(d.Ops[hi]).Start < s.End {
		hi++
	}
	return d.Ops[lo:hi]
}
