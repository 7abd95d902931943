package revision

import (
	"fmt"
	"html"
	"io"
	"sort"
	"strings"

	"github.com/redline-news/redline/internal/span"
)

// WriteSideBySideHTML writes the diff as an HTML table, one row per Row:
// the earlier paragraphs on the left with deletions in <del>, the later
// ones on the right with insertions in <ins>, so that each paragraph sits
// level with what it became; an inserted or deleted paragraph faces an
// empty cell. Each row carries data-old and data-new (paragraph numbers
// from 1, "" for an empty cell). The ends of a move are linked as in
// WriteHTML, and the arriving paragraph shows its own edits. The summary
// follows in a <p class="redline-stats">.
func WriteSideBySideHTML(w io.Writer, d *Diff) error {
	var b strings.Builder
	b.WriteString("<table class=\"redline-side-by-side\">\n<thead><tr><th>Earlier</th><th>Later</th></tr></thead>\n<tbody>\n")
	for _, r := range d.Rows() {
		fmt.Fprintf(&b, `<tr data-old="%s" data-new="%s"><td class="old">`, paraNumbers(r.OldParas), paraNumbers(r.NewParas))
		d.cell(&b, r.Old, true)
		b.WriteString(`</td><td class="new">`)
		d.cell(&b, r.New, false)
		b.WriteString("</td></tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n<p class=\"redline-stats\">" + html.EscapeString(d.Stats.String()) + "</p>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteSideBySideHTMLDocument writes a self-contained HTML page around
// WriteSideBySideHTML's table.
func WriteSideBySideHTMLDocument(w io.Writer, d *Diff, title string) error {
	return writeDocument(w, title, func() error { return WriteSideBySideHTML(w, d) })
}

// paraNumbers is "3" or "3-4" for paragraphs [first, end) counted from 0,
// "" when there are none.
func paraNumbers(r [2]int) string {
	switch r[1] - r[0] {
	case 0:
		return ""
	case 1:
		return fmt.Sprint(r[0] + 1)
	}
	return fmt.Sprintf("%d-%d", r[0]+1, r[1])
}

// cell writes one side's text s: equal text plain, that side's own
// changes marked; a moved paragraph with its link.
func (d *Diff) cell(b *strings.Builder, s span.Span, old bool) {
	if s.Empty() {
		return
	}
	if old {
		if m := d.moveAt(s, func(m Move) span.Span { return m.Old }); m != nil && m.Old == s {
			fmt.Fprintf(b, `<a class="move-link" href="#%s">%s</a> <del class="moved" id="%s" data-moved-to="%d">%s</del>`,
				m.ToID(), m.movedTo(), m.FromID(), m.NewPara, html.EscapeString(d.old.Slice(s)))
			return
		}
	} else if m := d.moveAt(s, func(m Move) span.Span { return m.New }); m != nil && m.New == s {
		fmt.Fprintf(b, `<span class="moved" id="%s" data-moved-from="%d"><a class="move-link" href="#%s">%s</a> `, m.ToID(), m.OldPara, m.FromID(), m.movedFrom())
		for _, op := range m.Ops {
			b.WriteString(htmlOp(d, op, ""))
		}
		b.WriteString("</span>")
		return
	}
	side, skip := func(op Op) span.Span { return op.New }, Delete
	if old {
		side, skip = func(op Op) span.Span { return op.Old }, Insert
	}
	k := sort.Search(len(d.Ops), func(i int) bool { return side(d.Ops[i]).End > s.Start })
	for _, op := range d.Ops[k:] {
		if side(op).Start >= s.End {
			break
		}
		if op.Kind == skip {
			continue
		}
		side := side(op)
		part := span.Span{Start: max(side.Start, s.Start), End: min(side.End, s.End)}
		var text string
		if old {
			text = html.EscapeString(d.old.Slice(part))
		} else {
			text = html.EscapeString(d.new.Slice(part))
		}
		switch op.Kind {
		case Delete:
			b.WriteString("<del>" + text + "</del>")
		case Insert:
			b.WriteString("<ins>" + text + "</ins>")
		default:
			b.WriteString(text)
		}
	}
}
