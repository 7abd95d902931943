package ui

import (
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/reading"
	"github.com/redline-news/redline/internal/revision"
)

// The drawing of a comparison (see comparePanel): the changed-quotes
// report and the word diff.

// renderChangedReport lists every quote or claim whose words changed.
func renderChangedReport(changes []library.Change) app.UI {
	return changedReport(changes, len(changes))
}

// changedReport is renderChangedReport with only the first n rows drawn
// (the comparison panel draws the rest in later tasks).
func changedReport(changes []library.Change, n int) app.UI {
	if len(changes) == 0 {
		return app.P().ID("changed-report").Class("muted").Text("No quote or claim changed its words.")
	}
	return app.Div().ID("changed-report").Body(
		app.H3().Text("Quotes and claims whose words changed"),
		app.Table().Class("report").Body(
			app.THead().Body(app.Tr().Body(app.Th().Text("Kind"), app.Th().Text("Before"), app.Th().Text("After"))),
			app.TBody().Body(app.Range(changes[:min(n, len(changes))]).Slice(func(i int) app.UI {
				ch := changes[i]
				kind := string(ch.Kind)
				if ch.Speaker != "" {
					kind += " — " + ch.Speaker
				}
				after := app.Td().Class("after").Text(ch.After)
				if ch.Status == "orphaned" {
					after = app.Td().Class("after", "gone").Text("(removed)")
				}
				if ch.Moved {
					after = app.Td().Class("after").DataSet("moved", "true").Body(app.Text(ch.After+" "), app.Span().Class("muted").Text(fmt.Sprintf("(moved to ¶%d)", ch.NewPara)))
				}
				return app.Tr().DataSet("id", ch.ID).DataSet("status", string(ch.Status)).Body(
					app.Td().Text(kind), app.Td().Class("before").Body(app.Del().Text(ch.Before)), after)
			})),
		),
	)
}

// renderDiff draws the word diff, inline (one text with <del> and <ins>) or
// side by side (old with <del>, new with <ins>). The first element of each
// change carries data-hunk, for jumping between changes. Unless whole is
// set, long unchanged runs are folded to the context around the changes:
// a revision of a long article changes a few places, and drawing the rest
// costs time and hides them.
func renderDiff(d *revision.Diff, sideBySide, whole bool, current int) app.UI {
	layout, items := diffItems(d, sideBySide, whole, current)
	return diffRegion(layout).Body(items...)
}

// diffItems are the children of renderDiff's region, and its layout: the
// comparison panel draws them a chunk at a time. Side by side, the first
// two are the column heads and the rest come in pairs, one row each.
func diffItems(d *revision.Diff, sideBySide, whole bool, current int) (layout string, items []app.UI) {
	if !sideBySide {
		return diffLayout(false), diffParagraphs(d, whole, current, revision.Delete, revision.Insert)
	}
	return diffLayout(true), diffRows(d, whole, current)
}

// diffLayout is the class of the diff's region for its layout.
func diffLayout(sideBySide bool) string {
	if sideBySide {
		return "side-by-side"
	}
	return "inline"
}

// diffRegion is the diff's scrolling box: focusable and named, so that it
// can be scrolled from the keyboard and a screen reader says what it is.
func diffRegion(layout string) app.HTMLDiv {
	return app.Div().ID("diff").Class("diff", layout).TabIndex(0).Attr("role", "region").Aria("label", "Changes between the revisions")
}

// foldContext is how much unchanged text, in code points, stays on each
// side of a change when the rest is folded.
const foldContext = 160

// diffParagraphs renders the equal text and the ops of the given kinds as
// paragraphs, each one piece of HTML built here (see paragraphView.Render:
// a diff of a long article is thousands of elements, and creating them one
// by one through syscall/js blocked the page for a third of a second). It
// draws the pieces revision cuts the ops into: a passage that moved is
// drawn where it went with its own edits (writeArrival), and where it was
// its deletion says where it went.
func diffParagraphs(d *revision.Diff, whole bool, current int, kinds ...revision.OpKind) []app.UI {
	var paras []app.UI
	var b strings.Builder
	b.WriteString("<p>")
	flush := func() {
		b.WriteString("</p>")
		paras = append(paras, app.Raw(b.String()))
		b.Reset()
		b.WriteString("<p>")
	}
	// add appends text, starting a paragraph at each blank line.
	add := func(text string, piece func(string)) {
		for i, part := range strings.Split(text, "\n\n") {
			if i > 0 {
				flush()
			}
			if part != "" {
				piece(part)
			}
		}
	}
	plain := func(s string) { b.WriteString(html.EscapeString(s)) }
	parts := d.Pieces()
	for i, p := range parts {
		op := p.Op
		switch {
		case p.Arrival:
			if slices.Contains(kinds, revision.Insert) {
				writeArrival(&b, d, p.Move, p.Hunk, p.Hunk == current)
			}
		case op.Kind == revision.Equal:
			lead, trail, hidden := d.Text(op), "", 0
			if !whole {
				lead, trail, hidden = reading.Fold(lead, foldContext, i == 0, i == len(parts)-1)
			}
			add(lead, plain)
			if hidden > 0 {
				fmt.Fprintf(&b, `<span class="fold"> [… %s unchanged …] </span>`, plural(hidden, "word"))
				add(trail, plain)
			}
		case !slices.Contains(kinds, op.Kind):
		default:
			add(d.Text(op), func(s string) { writeChange(&b, op.Kind, p.Move, p.Hunk, p.Hunk == current, s) })
		}
	}
	b.WriteString("</p>")
	return append(paras, app.Raw(b.String()))
}
