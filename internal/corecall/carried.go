package corecall

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// CarriedWire is a Carried as it crosses back to the page: where the
// annotation went, and of the migrated annotation only what the page
// cannot work out from the annotation it sent and the two texts
// (carriedGuess). Migration moves an annotation's target and sets its
// status; the page has the rest, and decoding 1,000 whole annotations
// again took a tenth of a second of its thread. What a page can work out
// is left out (the texts before and after, the selectors described at the
// new place): for 10,000 annotations on a 1 MB revision, 5.4 MB of the
// answer became 1.2 MB.
type CarriedWire struct {
	ID     string            `json:"id"`
	Status annotation.Status `json:"status"`
	Old    span.Span         `json:"old"`
	New    span.Span         `json:"new"`
	Moved  bool              `json:"moved,omitempty"`
	// Before, After and Selector are told only when they are not what
	// carriedGuess works out.
	Before   *string          `json:"before,omitempty"`
	After    *string          `json:"after,omitempty"`
	Selector *anchor.Selector `json:"selector,omitempty"`
	// Whole is the migrated annotation when it is more than the sent one
	// with its status, old words, moved flag and selector changed.
	Whole *annotation.Annotation `json:"whole,omitempty"`
}

// carriedTexts are the two texts of a comparison: the diff's, which
// slices them, and each prepared for anchor.Describe on first use (the
// old one only to describe an orphan).
type carriedTexts struct {
	d        *revision.Diff
	old, new *anchor.Text
}

func (t *carriedTexts) oldT() *anchor.Text {
	if t.old == nil {
		t.old = anchor.NewText(t.d.OldText())
	}
	return t.old
}

func (t *carriedTexts) newT() *anchor.Text {
	if t.new == nil {
		t.new = anchor.NewText(t.d.NewText())
	}
	return t.new
}

// carriedGuess is what migration usually makes of sent, given where it
// went (package migrate): the words at the old and new places, the
// selectors described at the new place (an orphan keeps its quote on the
// old text), and the annotation with those and its status.
func carriedGuess(t *carriedTexts, sent annotation.Annotation, p CarriedPlace) (before, after string, sel anchor.Selector) {
	q := sent.Target.Selector.Quote
	switch {
	case !p.Old.Empty():
		before = t.d.Slice(p.Old, true)
	case q != nil:
		before = q.Exact
	}
	switch {
	case p.Status != annotation.StatusOrphaned:
		after = t.d.Slice(p.New, false)
		sel = anchor.Describe(t.newT(), p.New)
	case !p.Old.Empty():
		sel = anchor.Selector{Quote: anchor.Describe(t.oldT(), p.Old).Quote}
	case q != nil:
		sel = anchor.Selector{Quote: q}
	default:
		sel = sent.Target.Selector
	}
	return before, after, sel
}

// carried is sent migrated as p says, with selector sel.
func carried(sent annotation.Annotation, p CarriedPlace, sel anchor.Selector) annotation.Annotation {
	sent.Target.Selector, sent.Status, sent.Before, sent.Moved = sel, p.Status, p.Before, p.Moved
	sent.Tags = slices.Clone(sent.Tags) // its own, as migration's are
	return sent
}

// carriedToWire writes results for the page, which sent anns, compared
// by d.
func carriedToWire(results []Carried, anns []annotation.Annotation, d *revision.Diff) []CarriedWire {
	sent := make(map[string]int, len(anns))
	for i, a := range anns {
		sent[a.ID] = i
	}
	texts := &carriedTexts{d: d}
	out := make([]CarriedWire, len(results))
	for i, r := range results {
		p := r.CarriedPlace
		w := CarriedWire{ID: p.ID, Status: p.Status, Old: p.Old, New: p.New, Moved: p.Moved}
		j, ok := sent[r.ID]
		if !ok || r.Annotation.ID != r.ID {
			whole := r.Annotation
			w.Before, w.After, w.Whole = &p.Before, &p.After, &whole
			out[i] = w
			continue
		}
		before, after, sel := carriedGuess(texts, anns[j], p)
		if before != p.Before {
			w.Before = &p.Before
		}
		if after != p.After {
			w.After = &p.After
		}
		if !reflect.DeepEqual(sel, r.Annotation.Target.Selector) {
			sel = r.Annotation.Target.Selector
			w.Selector = &sel
		}
		if !reflect.DeepEqual(carried(anns[j], p, sel), r.Annotation) {
			whole := r.Annotation
			w.Selector, w.Whole = nil, &whole
		}
		out[i] = w
	}
	return out
}

// carriedFromWire rebuilds the results from the annotations sent,
// compared by d, calling pause before each.
func carriedFromWire(wire []CarriedWire, anns []annotation.Annotation, d *revision.Diff, pause Pause) ([]Carried, error) {
	sent := make(map[string]int, len(anns))
	for i, a := range anns {
		sent[a.ID] = i
	}
	texts := &carriedTexts{d: d}
	out := make([]Carried, len(wire))
	for i, w := range wire {
		if err := pause.call(); err != nil {
			return nil, err
		}
		p := CarriedPlace{ID: w.ID, Status: w.Status, Old: w.Old, New: w.New, Moved: w.Moved}
		j, ok := sent[w.ID]
		if w.Whole == nil && !ok {
			return nil, fmt.Errorf("the core's answer: annotation %q was not sent", w.ID)
		}
		var guess anchor.Selector
		if ok && (w.Before == nil || w.After == nil || w.Whole == nil && w.Selector == nil) {
			p.Before, p.After, guess = carriedGuess(texts, anns[j], p)
		}
		if w.Before != nil {
			p.Before = *w.Before
		}
		if w.After != nil {
			p.After = *w.After
		}
		c := Carried{CarriedPlace: p}
		switch {
		case w.Whole != nil:
			c.Annotation = *w.Whole
		case w.Selector != nil:
			c.Annotation = carried(anns[j], p, *w.Selector)
		default:
			c.Annotation = carried(anns[j], p, guess)
		}
		out[i] = c
	}
	return out, nil
}
