package interop

import (
	"fmt"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/span"
)

// Placement is an Item placed on a story's text: its annotation with
// fresh selectors (code points into that text; Source and SourceDate as the
// caller sets them), and where it sits.
type Placement struct {
	Annotation annotation.Annotation
	Span       span.Span
	// Approximate is set when the words found differ from the quote (the
	// text was edited since): worth a look.
	Approximate bool
}

// Place anchors each item onto t. The quote is the evidence: an item is
// placed where its quote is, its offsets (read in the item's Unit, then in
// the other unit, since tools disagree) only choosing among occurrences.
// An item with no quote is placed by its code-point offsets alone. Items
// that cannot be placed with confidence come back as one reason each; the
// others are placed regardless, so the caller decides between all or
// nothing and a partial import.
//
// Words that differ from the text only in their spacing are the same
// words: when the quote is not found as written, or only approximately,
// it is looked for with white space runs made one space (see spacing).
func Place(t *anchor.Text, items []Item) (placed []Placement, unplaced []string) {
	var spaced *spacing // built on first need: most quotes are found as written
	for i, it := range items {
		m, ok := locate(t, it)
		if q := it.Annotation.Target.Selector.Quote; q != nil && (!ok || m.Method == anchor.ByFuzzy) {
			if spaced == nil {
				spaced = newSpacing(t)
			}
			if sm, found := spaced.place(q); found {
				m, ok = sm, true
			}
		}
		if !ok {
			where := it.Where
			if where == "" {
				where = fmt.Sprintf("annotation %d", i+1)
			}
			unplaced = append(unplaced, fmt.Sprintf("%s: %s is not in this story's text", where, describe(it.Annotation.Target.Selector)))
			continue
		}
		a := it.Annotation
		a.Target.Selector = anchor.Describe(t, m.Span)
		placed = append(placed, Placement{Annotation: a, Span: m.Span, Approximate: m.Method == anchor.ByFuzzy})
	}
	return placed, unplaced
}

// locate tries the offsets in the item's unit, then in the other, for an
// exact quote there; failing both, it anchors the quote with the offsets
// (in the item's unit) as a hint.
func locate(t *anchor.Text, it Item) (anchor.Match, bool) {
	sel := it.Annotation.Target.Selector
	pos := sel.Position
	if sel.Quote == nil {
		return anchor.Anchor(t, sel)
	}
	if pos == nil {
		if m, ok := anchor.Anchor(t, sel); ok {
			return m, true
		}
		return byWordsAlone(t, sel.Quote)
	}
	units := []Unit{it.Unit, 1 - it.Unit}
	var hint *anchor.TextPosition
	for _, u := range units {
		p, ok := inCodePoints(t, *pos, u)
		if !ok {
			continue
		}
		if hint == nil {
			hint = &p
		}
		if t.Index().Slice(span.Span{Start: p.Start, End: p.End}) == sel.Quote.Exact {
			return anchor.Anchor(t, anchor.Selector{Quote: sel.Quote, Position: &p})
		}
	}
	if m, ok := anchor.Anchor(t, anchor.Selector{Quote: sel.Quote, Position: hint}); ok {
		return m, true
	}
	return byWordsAlone(t, sel.Quote)
}

// byWordsAlone places a quote by its exact words, ignoring the context:
// another tool's text around a passage is often not Redline's (a page's
// menus, a different extraction), and words found once in the story are
// there however their surroundings read. Words found more than once are
// ambiguous without the context: Anchor would take the first, and its
// score, divided among the look-alikes, says so; they are refused.
func byWordsAlone(t *anchor.Text, q *anchor.TextQuote) (anchor.Match, bool) {
	m, ok := anchor.Anchor(t, anchor.Selector{Quote: &anchor.TextQuote{Exact: q.Exact}})
	return m, ok && m.Method == anchor.ByQuote && m.Score > 0.99
}

// inCodePoints reads p, counted in u over t, as code points.
func inCodePoints(t *anchor.Text, p anchor.TextPosition, u Unit) (anchor.TextPosition, bool) {
	if p.Start < 0 || p.End < p.Start {
		return p, false
	}
	if u == CodePoints {
		return p, true
	}
	ix := t.Index()
	return anchor.TextPosition{Start: ix.FromUTF16(p.Start), End: ix.FromUTF16(p.End)}, true
}

func describe(sel anchor.Selector) string {
	if sel.Quote != nil {
		q := []rune(sel.Quote.Exact)
		if len(q) > 60 {
			return fmt.Sprintf("the quote %q…", string(q[:60]))
		}
		return fmt.Sprintf("the quote %q", string(q))
	}
	if sel.Position != nil {
		return fmt.Sprintf("the position %d–%d", sel.Position.Start, sel.Position.End)
	}
	return "its target"
}
