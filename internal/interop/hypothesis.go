package interop

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
)

// hypothesisAnnotation is one annotation as Hypothesis's API returns it
// (GET /api/search rows, GET /api/annotations/{id}) and as its Export
// button writes it under "annotations".
type hypothesisAnnotation struct {
	ID         string   `json:"id"`
	Created    string   `json:"created"`
	Updated    string   `json:"updated"`
	User       string   `json:"user"`
	URI        string   `json:"uri"`
	Text       string   `json:"text"`
	Tags       []string `json:"tags"`
	References []string `json:"references"`
	Target     []struct {
		Source   string            `json:"source"`
		Selector []json.RawMessage `json:"selector"`
	} `json:"target"`
}

type hypothesisSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	Start  *int   `json:"start"`
	End    *int   `json:"end"`
}

// readHypothesis reads Hypothesis's native JSON: {"rows": […]} from its
// search API, {"annotations": […]} from its export file, an array, or one
// annotation. text becomes the note, tags the tags, user the creator;
// created and updated are kept. TextPositionSelector offsets count UTF-16
// code units. Replies and page notes are not about a passage: skipped with
// a note.
func readHypothesis(data []byte) (*File, error) {
	var envelope struct {
		Rows        []hypothesisAnnotation `json:"rows"`
		Annotations []hypothesisAnnotation `json:"annotations"`
	}
	var anns []hypothesisAnnotation
	trimmed := bytes.TrimSpace(data)
	var err error
	switch {
	case len(trimmed) > 0 && trimmed[0] == '[':
		err = json.Unmarshal(trimmed, &anns)
	default:
		if err = json.Unmarshal(trimmed, &envelope); err == nil {
			anns = append(envelope.Rows, envelope.Annotations...)
			if envelope.Rows == nil && envelope.Annotations == nil {
				var one hypothesisAnnotation
				err = json.Unmarshal(trimmed, &one)
				anns = []hypothesisAnnotation{one}
			}
		}
	}
	if err != nil {
		return nil, &Error{Format: Hypothesis, Problems: []string{"not valid Hypothesis JSON: " + err.Error()}}
	}
	f := &File{Format: Hypothesis}
	var p problems
	for i, h := range anns {
		where := fmt.Sprintf("annotation %d (%s)", i+1, h.ID)
		if len(h.References) > 0 {
			f.Notes = append(f.Notes, where+": skipped: a reply to another annotation, not about a passage")
			continue
		}
		sel, ok := h.selector()
		if !ok {
			f.Notes = append(f.Notes, where+": skipped: a page note, not about a passage")
			continue
		}
		a := annotation.Annotation{
			Kind:    annotation.KindNote,
			Note:    h.Text,
			Creator: h.User,
			Target:  annotation.Target{Source: h.source(), Selector: sel},
		}
		if h.ID != "" {
			a.Via = "https://hypothes.is/a/" + h.ID
			a.ID = annotation.NameID("hypothesis", h.ID)
		} else {
			a.ID = annotation.NewID()
		}
		for _, t := range h.Tags {
			if k, _ := kindOf(t); k != annotation.KindNote && a.Kind == annotation.KindNote && len(a.Tags) == 0 {
				a.Kind = k // a tag naming a kind, as Redline's own tags do
				continue
			}
			addTag(&a, t)
		}
		var bad bool
		if a.Created, bad = hypothesisTime(h.Created); bad {
			p.add("%s: created %q is not a date-time", where, h.Created)
		}
		if a.Modified, bad = hypothesisTime(h.Updated); bad {
			p.add("%s: updated %q is not a date-time", where, h.Updated)
		}
		if a.Modified.Before(a.Created) {
			a.Modified = a.Created
		}
		f.Items = append(f.Items, Item{Annotation: a, Unit: UTF16, Where: where})
	}
	if err := p.err(Hypothesis); err != nil {
		return nil, err
	}
	return f, nil
}

// selector is the first target's TextQuoteSelector and TextPositionSelector
// (RangeSelector and others count from an element: ignored).
func (h hypothesisAnnotation) selector() (anchor.Selector, bool) {
	var sel anchor.Selector
	for _, t := range h.Target {
		for _, raw := range t.Selector {
			var s hypothesisSelector
			if json.Unmarshal(raw, &s) != nil {
				continue
			}
			switch {
			case s.Type == "TextQuoteSelector" && s.Exact != "" && sel.Quote == nil:
				sel.Quote = &anchor.TextQuote{Exact: s.Exact, Prefix: s.Prefix, Suffix: s.Suffix}
			case s.Type == "TextPositionSelector" && s.Start != nil && s.End != nil && sel.Position == nil:
				sel.Position = &anchor.TextPosition{Start: *s.Start, End: *s.End}
			}
		}
		if sel.Quote != nil || sel.Position != nil {
			break
		}
	}
	return sel, sel.Quote != nil
}

func (h hypothesisAnnotation) source() string {
	for _, t := range h.Target {
		if t.Source != "" {
			return t.Source
		}
	}
	return h.URI
}

// hypothesisTime reads Hypothesis's times ("2017-04-18T22:48:46.756821+00:00"),
// to the second in UTC; bad is set for a time that does not parse.
func hypothesisTime(s string) (t time.Time, bad bool) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, true
	}
	return t.UTC().Truncate(time.Second), false
}
