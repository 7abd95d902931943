package ui

import (
	"fmt"
	"html"
	"strings"

	"github.com/redline-news/redline/internal/revision"
)

// writeChange writes one change's text as <ins> or <del> (by kind):
// data-hunk numbers its change, class current marks the change jumped to,
// and the end of a move (m, nil for none) says where the other end is.
func writeChange(b *strings.Builder, kind revision.OpKind, m *revision.Move, hunk int, current bool, text string) {
	openChange(b, kind, m, hunk, current)
	fmt.Fprintf(b, "%s</%s>", html.EscapeString(text), changeTag(kind))
}

// writeArrival draws a passage (paragraph or sentence) that moved, at its
// new place: an <ins class="moved"> that says where it came from, holding
// its text with the edits made on the way marked in <del> and <ins>, so a
// passage moved and reworded shows both at once.
func writeArrival(b *strings.Builder, d *revision.Diff, m *revision.Move, hunk int, current bool) {
	openChange(b, revision.Insert, m, hunk, current)
	for _, op := range m.Ops {
		text := html.EscapeString(d.Text(op))
		if op.Kind == revision.Equal {
			b.WriteString(text)
			continue
		}
		fmt.Fprintf(b, "<%s>%s</%s>", changeTag(op.Kind), text, changeTag(op.Kind))
	}
	b.WriteString("</ins>")
}

func changeTag(kind revision.OpKind) string {
	if kind == revision.Delete {
		return "del"
	}
	return "ins"
}

// openChange writes a change's opening tag. One end of a move carries the
// paragraph number of the other in data-moved-to (on the Delete it
// leaves) or data-moved-from (on its arrival), and the whole label
// ("moved to ¶3, sentence 2") in data-move-label and the title.
func openChange(b *strings.Builder, kind revision.OpKind, m *revision.Move, hunk int, current bool) {
	var class []string
	if current {
		class = append(class, "current")
	}
	if m != nil {
		class = append(class, "moved")
	}
	fmt.Fprintf(b, `<%s data-hunk="%d"`, changeTag(kind), hunk)
	if len(class) > 0 {
		fmt.Fprintf(b, ` class="%s"`, strings.Join(class, " "))
	}
	if m != nil {
		label := html.EscapeString(m.Label(kind))
		fmt.Fprintf(b, ` data-move-label="%s" title="%s"`, label, label)
		if kind == revision.Delete {
			fmt.Fprintf(b, ` data-moved-to="%d"`, m.NewPara)
		} else {
			fmt.Fprintf(b, ` data-moved-from="%d"`, m.OldPara)
		}
	}
	b.WriteString(">")
}
