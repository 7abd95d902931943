package ui

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/library"
)

// printView is what a printed story (or a PDF saved from the print
// dialog) adds to the article and its highlights: every annotation as a
// numbered note, its number also after its words in the text (see
// redlinePrint in web/redline.js), and the report of the quotes and
// claims whose words the revision shown changed. It is drawn once the
// reader asks to print (Print…), or always for a story of up to
// printAlways annotations, so that the browser's own Print (Ctrl+P) shows
// them too (tester 4); only the print stylesheet (web/redline.css) shows
// it, and that stylesheet leaves out every control.
type printView struct {
	app.Compo

	Model   *storyModel
	Version int              // the model's: the annotations may have changed
	Changes []library.Change // the shown revision's changed-quotes report (nil for the first revision)
	First   bool             // the shown revision is the story's first: no report
	Asked   int              // counts the reader's Print requests

	printed int // the last request the print dialog was opened for
}

// OnMount and OnUpdate open the print dialog for a new request, once the
// notes are in the document: redlinePrint numbers them in the text.
// printAlways is how many annotations the print view is drawn for
// without Print… asked: every redraw draws it (a story's list beyond that
// is drawn a window at a time, app/sidebar.go).
const printAlways = listLimit

func (v *printView) OnMount(ctx app.Context)  { v.printAsked(ctx) }
func (v *printView) OnUpdate(ctx app.Context) { v.printAsked(ctx) }

func (v *printView) printAsked(ctx app.Context) {
	if v.Asked == v.printed {
		return
	}
	v.printed = v.Asked
	ctx.After(0, func(app.Context) { app.Window().Call("redlinePrint") })
}

func (v *printView) Render() app.UI {
	s := v.Model.sess
	return app.Section().ID("print-view").Class("print-only").Aria("label", "Annotations, for printing").Body(
		app.H2().Text("Annotations"),
		app.If(len(s.Annotations) == 0, func() app.UI { return app.P().Text("No annotations.") }),
		app.Ol().ID("print-notes").Body(app.Range(s.Annotations).Slice(func(i int) app.UI {
			a := s.Annotations[i]
			return app.Li().DataSet("for", a.ID).Body(
				app.Strong().Text(printHeading(a)),
				app.Q().Text(a.Exact()),
				app.If(a.Note != "", func() app.UI { return app.P().Class("note").Text(a.Note) }),
			)
		})),
		app.H3().Text("Key"),
		markKey(),
		app.If(!v.First && v.Asked > 0, func() app.UI { return renderChangedReport(v.Changes) }),
		app.If(!v.First && v.Asked == 0, func() app.UI {
			return app.P().Text("The report of the quotes and claims this revision changed prints with Print… in the story's tools.")
		}),
	)
}

// printHeading is a note's first line: its kind, and what a reader
// checks first (speaker, verdict, what a revision did to it, tags).
func printHeading(a library.Placed) string {
	parts := []string{string(a.Kind)}
	if a.Speaker != "" {
		parts = append(parts, "said by "+a.Speaker)
	}
	if a.Verdict != "" {
		parts = append(parts, "verdict: "+string(a.Verdict))
	}
	switch {
	case a.Orphaned:
		parts = append(parts, "orphaned: its words are gone")
	case a.Status != "" && a.Status != "intact":
		parts = append(parts, carriedStatus(a)+" by this revision")
	}
	if len(a.Tags) > 0 {
		parts = append(parts, "#"+strings.Join(a.Tags, " #"))
	}
	return strings.Join(parts, " · ") + ": "
}

// print draws the print view with the report of the revision shown, then
// opens the browser's print dialog (where "Save as PDF" is).
func (m *storyModel) print() {
	s := m.sess
	if s == nil {
		return
	}
	m.flushEdits()
	m.redraw(func(app.Context) {
		asked := 1
		if m.printing != nil {
			asked = m.printing.Asked + 1
		}
		m.printing = &printView{Model: m, First: s.Current == 0, Asked: asked}
		if s.Current > 0 {
			c, err := s.Compare(s.Current-1, s.Current)
			if err != nil {
				m.status = failure(fmt.Errorf("the changed-quotes report for printing: %w", err))
				return
			}
			m.printing.Changes = c.Changed()
		}
	})
}
