package ui

import (
	"fmt"
	"html"
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
	hunks := hunkNumbers(d)
	type row struct {
		cells   [2]app.UI
		changed bool
	}
	var rows []row
	for _, r := range d.Rows() {
		oldCell, oldChanged := diffCell(d, r.Old, true, hunks, current)
		newCell, newChanged := diffCell(d, r.New, false, hunks, current)
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

// diffCell is one side of a row: unchanged text plain, this side's
// changes in <del> (old) or <ins> (new), a moved paragraph labelled; and
// whether it holds a change. It is one piece of HTML, as diffParagraphs.
func diffCell(d *revision.Diff, s span.Span, old bool, hunks map[revision.Op]int, current int) (app.UI, bool) {
	skip := map[bool]revision.OpKind{true: revision.Insert, false: revision.Delete}[old]
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="cell %s">`, map[bool]string{true: "old", false: "new"}[old])
	changed := false
	for _, op := range d.OpsIn(s, old) {
		side := map[bool]span.Span{true: op.Old, false: op.New}[old]
		part := span.Span{Start: max(side.Start, s.Start), End: min(side.End, s.End)}
		if op.Kind == skip || part.Empty() {
			continue
		}
		text := d.Slice(part, old)
		if op.Kind == revision.Equal {
			b.WriteString(html.EscapeString(text))
			continue
		}
		changed = true
		writeChange(&b, d, op, hunks[op], hunks[op] == current, text)
	}
	b.WriteString("</div>")
	return app.Raw(b.String()), changed
}
