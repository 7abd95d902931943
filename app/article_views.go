package ui

import (
	"sort"
	"strconv"

	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/reading"
	"github.com/redline-news/redline/internal/span"
)

// articleViews lays out the article's paragraphs and remembers them: a
// redraw lays out again only the paragraphs whose highlights changed, and
// hands go-app the very same segments for the others, which it then
// compares in constant time. Laying out all of a 1 MB story with 10,000
// highlights took a quarter of a second in wasm on every redraw (a status
// message, a keystroke in the editor).
type articleViews struct {
	revision string   // the story and revision laid out
	keys     []string // per paragraph, what its highlights were drawn from
	views    []*paragraphView
}

// placedMark is a highlight to draw and where.
type placedMark struct {
	view markView
	span span.Span
	id   string // reading.Layout's id: suggestions' differ from their keys
}

// draw lays out the shown revision's highlights and, in Suggest mode, the
// suggestions (current is the one being decided); saving holds the
// annotations whose writes have not committed yet.
func (a *articleViews) draw(s *library.Session, selected string, saving map[string]bool, suggestions []library.Suggestion, current string) []*paragraphView {
	paras := s.Paragraphs
	if rev := s.Story.ID + " " + s.Revision().ID; a.revision != rev || len(a.views) != len(paras) {
		a.revision, a.keys, a.views = rev, make([]string, len(paras)), make([]*paragraphView, len(paras))
	}
	byPara := make([][]placedMark, len(paras))
	add := func(m placedMark) {
		if m.span.Empty() {
			return
		}
		// The first paragraph ending after the mark starts, then on while
		// they start before it ends.
		for i := sort.Search(len(paras), func(i int) bool { return paras[i].End > m.span.Start }); i < len(paras) && paras[i].Start < m.span.End; i++ {
			byPara[i] = append(byPara[i], m)
		}
	}
	for _, an := range s.Annotations {
		if !an.Orphaned {
			add(placedMark{view: newMarkView(an, an.ID == selected, saving[an.ID]), span: an.Span, id: an.ID})
		}
	}
	for _, sg := range suggestions {
		title := "suggested " + string(sg.Kind)
		if sg.Speaker != "" {
			title += " · " + sg.Speaker
		}
		add(placedMark{
			view: markView{ID: sg.Key, Kind: string(sg.Kind), Title: title, Selected: sg.Key == current, Suggestion: true},
			span: sg.Span,
			id:   "suggestion " + sg.Key, // cannot collide with an annotation IRI
		})
	}
	out := make([]*paragraphView, len(paras))
	for i, marks := range byPara {
		key := paragraphKey(marks)
		if a.views[i] == nil || a.keys[i] != key {
			a.keys[i], a.views[i] = key, layoutParagraph(s, paras[i], marks)
		}
		// A new component holding the same segments: go-app compares it
		// with the one mounted and finds nothing to do.
		out[i] = &paragraphView{Segments: a.views[i].Segments}
	}
	return out
}

// paragraphKey is everything a paragraph's drawing depends on besides its
// text: each highlight's span and how it is drawn.
func paragraphKey(marks []placedMark) string {
	var b []byte
	for _, m := range marks {
		v := m.view
		b = strconv.AppendInt(b, int64(m.span.Start), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(m.span.End), 10)
		for _, f := range []string{m.id, v.ID, v.Kind, v.Status, v.Title} {
			b = append(b, 0)
			b = append(b, f...)
		}
		for _, f := range []bool{v.Selected, v.Moved, v.Suggestion, v.Saving} {
			b = strconv.AppendBool(append(b, 0), f)
		}
		b = append(b, 1)
	}
	return string(b)
}

// layoutParagraph cuts one paragraph into segments under its highlights.
func layoutParagraph(s *library.Session, para span.Span, marks []placedMark) *paragraphView {
	views := make(map[string]markView, len(marks))
	layoutMarks := make([]reading.Mark, len(marks))
	for i, m := range marks {
		views[m.id] = m.view
		layoutMarks[i] = reading.Mark{ID: m.id, Span: m.span}
	}
	segs := reading.Layout([]span.Span{para}, layoutMarks)[0]
	v := &paragraphView{Segments: make([]segmentView, len(segs))}
	for j, seg := range segs {
		sv := segmentView{Start: seg.Start, Text: s.Slice(seg.Span)}
		for _, id := range seg.IDs {
			sv.Marks = append(sv.Marks, views[id])
		}
		v.Segments[j] = sv
	}
	return v
}
