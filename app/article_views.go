package ui

import (
	"sort"
	"strings"

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
//
// A revision drawn for the first time is laid out a chunk of paragraphs
// per draw, the chunks not laid out yet shown as plain text meanwhile
// (pendingHTML): mounting a 100 KB article with its highlights at once
// blocked the page for a fifth of a second after a revision was added.
type articleViews struct {
	revision string   // the story and revision laid out
	keys     []uint64 // per paragraph, a hash of what its highlights were drawn from
	views    []*paragraphView
	pending  []string // per chunk, its plain text as pendingHTML built it ("" not yet)
}

// chunkSize is how many paragraphs of a revision not drawn before one
// draw lays out, and how many a chunk of the article holds: 60 took
// 50–90 ms a draw on the 100 KB benchmark story with 1,000 annotations,
// over the 50 ms a task may take; 20 keeps a chunk under 30 ms.
const chunkSize = 20

// placedMark is a highlight to draw and where: the annotation at index
// ann of the session's (its markView made only for the paragraphs laid
// out again), or, with ann -1, the suggestion drawn as suggestion.
type placedMark struct {
	span       span.Span
	id         string // reading.Layout's id: suggestions' differ from their keys
	ann        int
	suggestion *markView
	// What the drawing depends on besides the id and span: an annotation
	// changes only through a stored write, which bumps its Rev.
	rev              int
	selected, saving bool
}

// draw lays out the shown revision's highlights and, in Suggest mode, the
// suggestions (current is the one being decided); saving holds the
// annotations whose writes have not committed yet. It returns the views
// of the paragraphs laid out, the first ones; more says that the others
// are not: draw again, in a later task.
func (a *articleViews) draw(s *library.Session, selected string, saving map[string]bool, suggestions []library.Suggestion, current string) (views []*paragraphView, more bool) {
	paras := s.Paragraphs
	a.forRevision(s)
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
	for i := range s.Annotations {
		an := &s.Annotations[i] // not a copy of each
		if an.Orphaned {
			continue
		}
		add(placedMark{span: an.Span, id: an.ID, ann: i, rev: an.Rev, selected: an.ID == selected, saving: saving[an.ID]})
	}
	for _, sg := range suggestions {
		title := "suggested " + string(sg.Kind)
		if sg.Speaker != "" {
			title += " · " + sg.Speaker
		}
		v := markView{ID: sg.Key, Kind: string(sg.Kind), Title: title, Selected: sg.Key == current, Suggestion: true}
		add(placedMark{
			span: sg.Span, id: "suggestion " + sg.Key + "\x00" + v.Kind + "\x00" + v.Title, // cannot collide with an annotation IRI
			ann: -1, suggestion: &v, selected: v.Selected,
		})
	}
	out := make([]*paragraphView, 0, len(paras))
	budget := chunkSize
	for i, marks := range byPara {
		switch key := paragraphKey(marks); {
		case a.views[i] == nil && budget == 0:
			// Paragraphs are laid out in order, a chunk per draw, so the
			// ones left are the rest of the text's chunks (pendingHTML).
			return out, true
		case a.views[i] == nil:
			budget--
			fallthrough
		case a.keys[i] != key:
			a.keys[i], a.views[i] = key, layoutParagraph(s, paras[i], marks)
		}
		// A new component holding the same segments: go-app compares it
		// with the one mounted and finds nothing to do.
		out = append(out, &paragraphView{Segments: a.views[i].Segments})
	}
	return out, false
}

// forRevision forgets the layout unless it is of s's revision shown.
func (a *articleViews) forRevision(s *library.Session) {
	paras := s.Paragraphs
	if rev := s.Story.ID + " " + s.Revision().ID; a.revision != rev || len(a.views) != len(paras) {
		a.revision, a.keys, a.views = rev, make([]uint64, len(paras)), make([]*paragraphView, len(paras))
		a.pending = make([]string, (len(paras)+chunkSize-1)/chunkSize)
	}
}

// prepare builds the plain text of every chunk of s's revision shown
// before its first draw, calling between before each chunk
// (library.Library.TurnCheck): the first draw of a 1 MB story built it
// all in one task.
func (a *articleViews) prepare(s *library.Session, between func() error) error {
	a.forRevision(s)
	for c := range a.pending {
		if err := between(); err != nil {
			return err
		}
		a.pendingHTML(s, c)
	}
	return nil
}

// pendingHTML is the text of chunk c (paragraphs c×chunkSize on), which
// draw has not laid out yet, as plain paragraphs in one piece of HTML (one
// element: go-app's Raw has one root; a span shown as a block, as the
// chunk laid out, since the article holds only text and highlights),
// built once per revision. Every
// chunk is there from the first draw, so all the text is (find in page,
// End, a selection), and each stays the very same string until draw lays
// it out: go-app then leaves its element alone, and replaces it exactly
// once, by the chunk drawn. (One block of the next paragraphs, built
// again for every chunk, wiped a selection made in it at every chunk, and
// the text beyond it appeared only as the drawing reached it.) Shown as
// a paragraph each, the old revision's paragraphs were all replaced one
// by one in the draw that showed a new revision (90 ms of it on the 100 KB
// benchmark story).
func (a *articleViews) pendingHTML(s *library.Session, c int) string {
	if a.pending[c] != "" {
		return a.pending[c]
	}
	paras := s.Paragraphs[c*chunkSize : min(len(s.Paragraphs), (c+1)*chunkSize)]
	var b strings.Builder
	b.Grow(64 + 4*(paras[len(paras)-1].End-paras[0].Start) + 32*len(paras))
	b.WriteString(`<span class="chunk pending">`)
	for _, p := range paras {
		writePlainParagraph(&b, p.Start, s.Slice(p))
	}
	b.WriteString("</span>")
	a.pending[c] = b.String()
	return a.pending[c]
}

// paragraphKey hashes (FNV-1a) everything a paragraph's drawing depends
// on besides its text: each highlight's id, span, Rev and state. Building
// a string of it instead cost a quarter of a second at 10,000 highlights.
func paragraphKey(marks []placedMark) uint64 {
	h := uint64(14695981039346656037)
	mix := func(x uint64) {
		for range 8 {
			h = (h ^ (x & 0xff)) * 1099511628211
			x >>= 8
		}
	}
	for _, m := range marks {
		for i := 0; i < len(m.id); i++ {
			h = (h ^ uint64(m.id[i])) * 1099511628211
		}
		flags := 0
		for i, f := range []bool{m.selected, m.saving, m.ann < 0} {
			if f {
				flags |= 1 << i
			}
		}
		mix(uint64(m.span.Start))
		mix(uint64(m.span.End))
		mix(uint64(m.rev))
		mix(uint64(flags))
	}
	return h
}

// layoutParagraph cuts one paragraph into segments under its highlights.
func layoutParagraph(s *library.Session, para span.Span, marks []placedMark) *paragraphView {
	views := make(map[string]markView, len(marks))
	layoutMarks := make([]reading.Mark, len(marks))
	for i, m := range marks {
		if m.ann >= 0 {
			views[m.id] = newMarkView(s.Annotations[m.ann], m.selected, m.saving)
		} else {
			views[m.id] = *m.suggestion
		}
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
