package ui

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
)

// The article's paragraphs and the sidebar's items are components holding
// plain data, so that when the story page renders again go-app compares
// their fields and redraws only the paragraphs and items that changed:
// tagging one passage on a long article with a thousand highlights then
// touches one paragraph, not the whole text. They hold no event handlers
// (a func field never compares equal); clicks are handled once on their
// container.

// paragraphView is one paragraph of the article.
type paragraphView struct {
	app.Compo
	Segments []segmentView
}

type segmentView struct {
	Start int // code point where the text starts (data-s, read by redline.js)
	Text  string
	Marks []markView // outermost first
}

type markView struct {
	ID, Kind, Status, Title string
	Selected                bool
	Moved                   bool // changed and moved: data-moved="true"
	Suggestion              bool // a dashed suggested highlight; ID is its key
	Saving                  bool // drawn before its IndexedDB write committed: data-saving="true"
}

// Render draws the paragraph as one piece of HTML built here, every text
// and attribute value escaped: creating its elements one by one through
// syscall/js costs a call per element and attribute, which on a long
// article with a thousand highlights froze the page for a quarter of a
// second; one innerHTML per paragraph does not.
func (v *paragraphView) Render() app.UI {
	return app.Raw(v.html())
}

func (v *paragraphView) html() string {
	var b strings.Builder
	b.WriteString("<p>")
	for _, seg := range v.Segments {
		for _, m := range seg.Marks {
			m.open(&b)
		}
		writeSegment(&b, seg.Start, seg.Text)
		for range seg.Marks {
			b.WriteString("</mark>")
		}
	}
	b.WriteString("</p>")
	return b.String()
}

// writePlainParagraph writes a paragraph without highlights, as html()
// draws it, starting at code point start.
func writePlainParagraph(b *strings.Builder, start int, text string) {
	b.WriteString("<p>")
	writeSegment(b, start, text)
	b.WriteString("</p>")
}

// writeSegment writes a segment's element, its text escaped as
// html.EscapeString escapes it, straight into b: building each piece
// apart cost a tenth of a second of wasm for a 1 MB story's plain text.
func writeSegment(b *strings.Builder, start int, text string) {
	b.WriteString(`<span data-s="`)
	var n [20]byte
	b.Write(strconv.AppendInt(n[:0], int64(start), 10))
	b.WriteString(`">`)
	from := 0
	for i := 0; i < len(text); i++ {
		var esc string
		switch text[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		b.WriteString(text[from:i])
		b.WriteString(esc)
		from = i + 1
	}
	b.WriteString(text[from:])
	b.WriteString("</span>")
}

// open writes the mark's opening tag.
func (m markView) open(b *strings.Builder) {
	class := "k-" + m.Kind
	if m.Suggestion {
		class = "suggestion " + class
	}
	if m.Selected {
		class += " selected"
	}
	attr := func(name, value string) {
		fmt.Fprintf(b, ` %s="%s"`, name, html.EscapeString(value))
	}
	b.WriteString("<mark")
	if m.Suggestion {
		attr("data-suggestion", m.ID)
		attr("data-suggested", m.Kind)
	} else {
		attr("data-id", m.ID)
		attr("data-kind", m.Kind)
	}
	if m.Status != "" {
		attr("data-status", m.Status)
	}
	if m.Moved {
		attr("data-moved", "true")
	}
	title := m.Title
	if m.Saving {
		attr("data-saving", "true")
		title += savingTitle
	}
	attr("class", class)
	attr("title", title)
	b.WriteString(">")
}

// savingTitle ends the tooltip of a highlight whose write has not committed.
const savingTitle = " · saving…"

func newMarkView(a library.Placed, selected, saving bool) markView {
	return markView{ID: a.ID, Kind: string(a.Kind), Status: string(a.Status), Title: markTitle(a), Selected: selected, Moved: a.Moved, Saving: saving}
}

// markTitle is the tooltip of a highlight.
func markTitle(a library.Placed) string {
	parts := []string{string(a.Kind)}
	if a.Speaker != "" {
		parts = append(parts, a.Speaker)
	}
	if a.Verdict != "" {
		parts = append(parts, string(a.Verdict))
	}
	if a.Status != "" && a.Status != annotation.StatusIntact {
		st := carriedStatus(a) + " by the latest revision"
		if a.Status == annotation.StatusChanged && a.Before != "" {
			st += " (before: “" + shorten(a.Before, 120) + "”)"
		}
		parts = append(parts, st)
	}
	return strings.Join(parts, " · ")
}

// annotationItem is one entry of the sidebar list.
type annotationItem struct {
	app.Compo
	ID, Kind, Exact, Speaker, Verdict, Tags string
	Note                                    string // the start of its note: an imported comment shows in the list
	Status                                  string // moved or changed by a revision ("" otherwise)
	Orphaned, Selected                      bool
}

func newAnnotationItem(a library.Placed, selected bool) *annotationItem {
	item := &annotationItem{
		ID: a.ID, Kind: string(a.Kind), Exact: shorten(a.Exact(), 140), Speaker: a.Speaker,
		Verdict: string(a.Verdict), Orphaned: a.Orphaned, Selected: selected, Note: shorten(a.Note, 100),
	}
	if a.Status == annotation.StatusMoved || a.Status == annotation.StatusChanged {
		item.Status = string(a.Status)
	}
	if len(a.Tags) > 0 {
		item.Tags = "#" + strings.Join(a.Tags, " #")
	}
	return item
}

func (v *annotationItem) Render() app.UI {
	li := app.Li().DataSet("id", v.ID).DataSet("kind", v.Kind)
	if v.Selected {
		li = li.Class("selected")
	}
	return li.Body(app.Button().Class("item").Body(
		app.Span().Class("badge", "k-"+v.Kind).Text(v.Kind),
		app.If(v.Orphaned, func() app.UI { return app.Span().Class("badge", "orphaned").Text(string(annotation.StatusOrphaned)) }),
		app.If(v.Status != "", func() app.UI { return app.Span().Class("badge", "status-"+v.Status).Text(v.Status) }),
		app.Span().Class("exact").Text(v.Exact),
		app.If(v.Speaker != "", func() app.UI { return app.Span().Class("who").Text("— " + v.Speaker) }),
		app.If(v.Verdict != "", func() app.UI { return app.Span().Class("verdict").Text(v.Verdict) }),
		app.If(v.Tags != "", func() app.UI { return app.Span().Class("tags").Text(v.Tags) }),
		app.If(v.Note != "", func() app.UI { return app.Span().Class("item-note").Text(v.Note) }),
	))
}
