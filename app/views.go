package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/reading"
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
	Suggestion              bool // a dashed suggested highlight; ID is its key
}

func (v *paragraphView) Render() app.UI {
	return app.P().Body(app.Range(v.Segments).Slice(func(i int) app.UI {
		seg := v.Segments[i]
		var node app.UI = app.Span().DataSet("s", seg.Start).Text(seg.Text)
		for k := len(seg.Marks) - 1; k >= 0; k-- {
			m := seg.Marks[k]
			var mark app.HTMLMark
			if m.Suggestion {
				mark = app.Mark().DataSet("suggestion", m.ID).DataSet("suggested", m.Kind).Class("suggestion", "k-"+m.Kind).Title("%s", m.Title)
			} else {
				mark = app.Mark().DataSet("id", m.ID).DataSet("kind", m.Kind).Class("k-"+m.Kind).Title("%s", m.Title)
			}
			if m.Status != "" {
				mark = mark.DataSet("status", m.Status)
			}
			if m.Selected {
				mark = mark.Class("selected")
			}
			node = mark.Body(node)
		}
		return node
	}))
}

// paragraphViews lays out the shown revision's highlights and, in Suggest
// mode, the suggestions (current is the one being decided).
func paragraphViews(s *library.Session, selected string, suggestions []library.Suggestion, current string) []*paragraphView {
	marks := make(map[string]markView, len(s.Annotations)+len(suggestions))
	for _, a := range s.Annotations {
		marks[a.ID] = markView{ID: a.ID, Kind: string(a.Kind), Status: string(a.Status), Title: markTitle(a), Selected: a.ID == selected}
	}
	layoutMarks := s.Marks()
	for _, sg := range suggestions {
		id := "suggestion " + sg.Key // cannot collide with an annotation IRI
		title := "suggested " + string(sg.Kind)
		if sg.Speaker != "" {
			title += " · " + sg.Speaker
		}
		marks[id] = markView{ID: sg.Key, Kind: string(sg.Kind), Title: title, Selected: sg.Key == current, Suggestion: true}
		layoutMarks = append(layoutMarks, reading.Mark{ID: id, Span: sg.Span})
	}
	layout := reading.Layout(s.Paragraphs, layoutMarks)
	views := make([]*paragraphView, len(layout))
	for i, segs := range layout {
		v := &paragraphView{Segments: make([]segmentView, len(segs))}
		for j, seg := range segs {
			sv := segmentView{Start: seg.Start, Text: s.Slice(seg.Span)}
			for _, id := range seg.IDs {
				sv.Marks = append(sv.Marks, marks[id])
			}
			v.Segments[j] = sv
		}
		views[i] = v
	}
	return views
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
	return strings.Join(parts, " · ")
}

// annotationItem is one entry of the sidebar list.
type annotationItem struct {
	app.Compo
	ID, Kind, Exact, Speaker, Verdict, Tags string
	Orphaned, Selected                      bool
}

func newAnnotationItem(a library.Placed, selected bool) *annotationItem {
	item := &annotationItem{
		ID: a.ID, Kind: string(a.Kind), Exact: shorten(a.Exact(), 140), Speaker: a.Speaker,
		Verdict: string(a.Verdict), Orphaned: a.Orphaned, Selected: selected,
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
		app.Span().Class("exact").Text(v.Exact),
		app.If(v.Speaker != "", func() app.UI { return app.Span().Class("who").Text("— " + v.Speaker) }),
		app.If(v.Verdict != "", func() app.UI { return app.Span().Class("verdict").Text(v.Verdict) }),
		app.If(v.Tags != "", func() app.UI { return app.Span().Class("tags").Text(v.Tags) }),
	))
}
