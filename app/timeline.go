package ui

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/library"
)

const svgNS = "http://www.w3.org/2000/svg"

func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// timeline draws the story's revisions left to right: words added above
// the axis, words removed below, and a dot sized by how many annotations
// had to move, change or were orphaned on that revision. A point clicked,
// or pressed Enter or Space on, opens the comparison that made that
// revision (open(i)).
func timeline(points []library.TimelinePoint, open func(i int)) app.UI {
	const w, h, mid, pad = 600.0, 140.0, 62.0, 40.0
	most := 1
	for _, p := range points {
		most = max(most, p.Added, p.Removed)
	}
	step := (w - 2*pad) / float64(max(1, len(points)-1))
	scale := (mid - 14) / float64(most)
	// Each point is labelled "#2 · 2025-03-24" when the labels fit side by
	// side, else "#2" (the date stays in its title and aria-label): three
	// undated revisions' "#1 · undated, added 2026-12-01" ran into each
	// other (tester 5). An end label runs inwards a whole label's width and
	// its neighbour's half a width out, hence 1.5 widths a step.
	dated := len(points) < 2 || 1.5*labelCharWidth*float64(longestDate(points)+len("#10 · ")) <= step
	var marks []app.UI
	marks = append(marks, svg("line").Attr("x1", pad/2).Attr("x2", w-pad/2).Attr("y1", mid).Attr("y2", mid).Attr("class", "axis"))
	for i, p := range points {
		x := pad + float64(i)*step
		label := fmt.Sprintf("#%d, %s: %d words, +%d / −%d words, %d annotations changed", i+1, p.Date, p.Words, p.Added, p.Removed, p.Changed)
		g := []app.UI{svg("title").Text(label)}
		if p.Added > 0 {
			g = append(g, svg("rect").Attr("class", "added").Attr("x", x-7).Attr("width", 14).
				Attr("y", mid-float64(p.Added)*scale).Attr("height", float64(p.Added)*scale))
		}
		if p.Removed > 0 {
			g = append(g, svg("rect").Attr("class", "removed").Attr("x", x-7).Attr("width", 14).
				Attr("y", mid).Attr("height", float64(p.Removed)*scale))
		}
		if p.Changed > 0 {
			g = append(g, svg("circle").Attr("class", "changed").Attr("cx", x+14).Attr("cy", mid).Attr("r", 3+min(9, p.Changed)))
		}
		// The end labels run inwards from their points: centred, a date
		// as long as "undated, added 2026-12-01" was cut off at both
		// edges of the drawing.
		anchor, lx := "middle", x
		switch {
		case i == 0:
			anchor, lx = "start", x-7
		case i == len(points)-1:
			anchor, lx = "end", x+7
		}
		text := fmt.Sprintf("#%d", i+1)
		if dated {
			text += " · " + p.Date
		}
		g = append(g, svg("text").Attr("x", lx).Attr("y", h-6).Attr("text-anchor", anchor).Text(text))
		marks = append(marks, svg("g").Attr("class", "point").Attr("tabindex", 0).Attr("role", "button").Attr("aria-label", label).
			On("click", func(ctx app.Context, e app.Event) { open(i) }, itemScope(i)).
			On("keydown", func(ctx app.Context, e app.Event) {
				if k := e.Get("key").String(); k == "Enter" || k == " " {
					e.PreventDefault()
					open(i)
				}
			}, itemScope(i)).
			Body(g...))
	}
	return svg("svg").ID("timeline").Class("timeline").Attr("viewBox", fmt.Sprintf("0 0 %g %g", w, h)).
		Attr("role", "group").Attr("aria-label", "Timeline of revisions: words added and removed, annotations changed").
		Body(marks...)
}

// labelCharWidth is about how wide a character of the timeline's labels
// is, in the drawing's units (web/redline.css sets them 11px).
const labelCharWidth = 7.0

// longestDate is the length in characters of the longest date label.
func longestDate(points []library.TimelinePoint) int {
	n := 0
	for _, p := range points {
		n = max(n, utf8.RuneCountInString(p.Date))
	}
	return n
}

// timelinePoints is the session's Timeline, kept while nothing it counts
// changed: Session.Timeline counts every revision's words and goes through
// every revision's annotations, 15–60 ms on a 100 KB story with 1,000
// annotations, which every redraw of the revisions panel paid (a status
// message, an annotation selected). It is stale for another session or
// list of revisions, an annotation shown changing (its status or any
// stored write: Rev), a reload from another tab, and diffs fetched.
type timelinePoints struct {
	sess     *library.Session
	key      uint64
	points   []library.TimelinePoint
	complete bool
}

// peek is the points last computed and whether they are complete; fresh
// is false when they are stale (points are then the last ones of the same
// session, nil for none) and compute is due.
func (t *timelinePoints) peek(s *library.Session, reloads int) (points []library.TimelinePoint, complete, fresh bool) {
	if t.sess != s {
		return nil, false, false
	}
	return t.points, t.complete, t.key == timelineKey(s, reloads) && t.points != nil
}

// compute computes the points again.
func (t *timelinePoints) compute(s *library.Session, reloads int) {
	t.points, t.complete = s.Timeline()
	t.sess, t.key = s, timelineKey(s, reloads)
}

// stale makes the points stale, kept to draw until computed again.
func (t *timelinePoints) stale() { t.key = 0 }

// timelineKey hashes (FNV-1a) what the timeline counts that can change.
func timelineKey(s *library.Session, reloads int) uint64 {
	h := fnv.New64a()
	word := func(parts ...string) {
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
	}
	word(strconv.Itoa(reloads))
	for _, r := range s.Revisions {
		word(r.ID)
	}
	for i := range s.Annotations {
		a := &s.Annotations[i]
		word(a.ID, string(a.Status), strconv.Itoa(a.Rev))
	}
	return h.Sum64() | 1 // never 0, which stale leaves
}
