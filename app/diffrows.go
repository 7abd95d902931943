package ui

import (
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// diffRows draws the side-by-side diff as aligned rows (revision.Rows):
// each old paragraph level with what it became, an empty cell facing a
// paragraph inserted or deleted, both ends of a move labelled. The cells
// fill the two-column grid of .diff.side-by-side in order. Unless whole is
// set, runs of more than three unchanged rows are folded to their first
// and last. Changes carry data-hunk, and those of hunk current are
// marked, as in the inline diff.
func diffRows(d *revision.Diff, whole bool, current int) []app.UI {
	hunks, parts := hunkNumbers(d), d.Pieces()
	type row struct {
		cells   [2]app.UI
		changed bool
	}
	var rows []row
	for _, r := range d.Rows() {
		oldCell, oldChanged := oldCell(d, r.Old, hunks, current)
		newCell, newChanged := newCell(d, r.New, parts, current)
		rows = append(rows, row{[2]app.UI{oldCell, newCell}, oldChanged || newChanged || r.Old.Empty() || r.New.Empty()})
	}
	out := []app.UI{app.H3().Class("old").Text("Earlier"), app.H3().Class("new").Text("Later")}
	for i := 0; i < len(rows); i++ {
		if j := unchangedRun(i, len(rows), func(k int) bool { return rows[k].changed }); !whole && j-i > 3 {
			fold := fmt.Sprintf("[… %s unchanged …]", plural(j-i-2, "paragraph"))
			out = append(out, rows[i].cells[0], rows[i].cells[1],
				app.P().Class("fold", "old").Text(fold), app.P().Class("fold", "new").Text(fold))
			i = j - 1 // the run's last row, drawn below as context
		}
		out = append(out, rows[i].cells[0], rows[i].cells[1])
	}
	return out
}

// unchangedRun is the end of the run of unchanged rows starting at i.
func unchangedRun(i, n int, changed func(int) bool) int {
	j := i
	for j < n && !changed(j) {
		j++
	}
	return j
}

// hunkNumbers numbers each op's change (-1 for Equal ops), as Hunks does.
func hunkNumbers(d *revision.Diff) map[revision.Op]int {
	out := make(map[revision.Op]int, len(d.Ops))
	hunk := -1
	for i, op := range d.Ops {
		if op.Kind == revision.Equal {
			continue
		}
		if i == 0 || d.Ops[i-1].Kind == revision.Equal {
			hunk++
		}
		out[op] = hunk
	}
	return out
}

// oldCell is the old side of a row: unchanged text plain, deletions in
// <del>, a passage that moved away labelled with where it went; and
// whether it holds a change. It is one piece of HTML, as diffParagraphs.
func oldCell(d *revision.Diff, s span.Span, hunks map[revision.Op]int, current int) (app.UI, bool) {
	var b strings.Builder
	b.WriteString(`<div class="cell old">`)
	changed := false
	for _, op := range d.OpsIn(s, true) {
		part := span.Span{Start: max(op.Old.Start, s.Start), End: min(op.Old.End, s.End)}
		if op.Kind == revision.Insert || part.Empty() {
			continue
		}
		if op.Kind == revision.Equal {
			b.WriteString(html.EscapeString(d.Slice(part, true)))
			continue
		}
		changed = true
		for _, p := range d.Departures(op) {
			cut := span.Span{Start: max(p.Op.Old.Start, s.Start), End: min(p.Op.Old.End, s.End)}
			if !cut.Empty() { // where a passage left, it says where it went
				writeChange(&b, op.Kind, p.Move, hunks[op], hunks[op] == current, d.Slice(cut, true))
			}
		}
	}
	b.WriteString("</div>")
	return app.Raw(b.String()), changed
}

// newCell is the new side of a row, drawn from the diff's pieces (parts,
// see revision.Diff.Pieces): unchanged text plain, insertions in <ins>, a
// passage that moved here with its own edits (writeArrival); and whether
// it holds a change.
func newCell(d *revision.Diff, s span.Span, parts []revision.Piece, current int) (app.UI, bool) {
	var b strings.Builder
	b.WriteString(`<div class="cell new">`)
	changed := false
	lo := sort.Search(len(parts), func(i int) bool { return newSpan(parts[i]).End > s.Start })
	for _, p := range parts[lo:] {
		at := newSpan(p)
		if at.Start >= s.End && !at.Empty() || at.Start > s.End {
			break
		}
		part := span.Span{Start: max(at.Start, s.Start), End: min(at.End, s.End)}
		switch {
		case p.Arrival:
			changed = true
			writeArrival(&b, d, p.Move, p.Hunk, p.Hunk == current)
		case p.Op.Kind == revision.Delete || part.Empty():
		case p.Op.Kind == revision.Equal:
			b.WriteString(html.EscapeString(d.Slice(part, false)))
		default:
			changed = true
			writeChange(&b, revision.Insert, nil, p.Hunk, p.Hunk == current, d.Slice(part, false))
		}
	}
	b.WriteString("</div>")
	return app.Raw(b.String()), changed
}

// newSpan is where a piece lies in the new text.
func newSpan(p revision.Piece) span.Span {
	if p.Arrival {
		return p.Move.New
	}
	return p.Op.New
}
