package corecall

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
)

// CarriedWire is a Carried as it crosses back to the page: the migrated
// annotation as its changes to the one the page sent (Edit), whole only
// when more than those changed. Migration moves an annotation's target
// and sets its status; the page has the rest, and decoding 1,000 whole
// annotations again took a tenth of a second of its thread.
type CarriedWire struct {
	CarriedPlace
	Edit *CarriedEdit `json:"edit,omitempty"`
	// Whole is the migrated annotation when Edit cannot say it.
	Whole *annotation.Annotation `json:"whole,omitempty"`
}

// CarriedEdit is what migration changes in an annotation.
type CarriedEdit struct {
	Selector anchor.Selector   `json:"selector"`
	Status   annotation.Status `json:"status"`
	Before   string            `json:"before,omitempty"`
	Moved    bool              `json:"moved,omitempty"`
}

func editOf(a annotation.Annotation) CarriedEdit {
	return CarriedEdit{Selector: a.Target.Selector, Status: a.Status, Before: a.Before, Moved: a.Moved}
}

// apply returns sent with the edit made.
func (e CarriedEdit) apply(sent annotation.Annotation) annotation.Annotation {
	sent.Target.Selector, sent.Status, sent.Before, sent.Moved = e.Selector, e.Status, e.Before, e.Moved
	return sent
}

// carriedToWire writes results for the page, which sent anns.
func carriedToWire(results []Carried, anns []annotation.Annotation) []CarriedWire {
	sent := make(map[string]annotation.Annotation, len(anns))
	for _, a := range anns {
		sent[a.ID] = a
	}
	out := make([]CarriedWire, len(results))
	for i, r := range results {
		w := CarriedWire{CarriedPlace: r.CarriedPlace}
		e := editOf(r.Annotation)
		if a, ok := sent[r.Annotation.ID]; ok && r.Annotation.ID == r.ID && reflect.DeepEqual(e.apply(a), r.Annotation) {
			w.Edit = &e
		} else {
			whole := r.Annotation
			w.Whole = &whole
		}
		out[i] = w
	}
	return out
}

// carriedFromWire rebuilds the results from the annotations sent.
func carriedFromWire(wire []CarriedWire, anns []annotation.Annotation) ([]Carried, error) {
	sent := make(map[string]int, len(anns))
	for i, a := range anns {
		sent[a.ID] = i
	}
	out := make([]Carried, len(wire))
	for i, w := range wire {
		c := Carried{CarriedPlace: w.CarriedPlace}
		j, ok := sent[w.ID]
		switch {
		case w.Whole != nil:
			c.Annotation = *w.Whole
		case w.Edit != nil && ok:
			c.Annotation = w.Edit.apply(anns[j])
			c.Annotation.Tags = slices.Clone(anns[j].Tags) // its own, as migration's are
		default:
			return nil, fmt.Errorf("the core's answer: annotation %q was not sent", w.ID)
		}
		out[i] = c
	}
	return out, nil
}
