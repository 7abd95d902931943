package annotation

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"errors"
	"fmt"
)

// The JSON-LD vocabulary Redline writes. See doc.go for why each piece is
// encoded the way it is.
const (
	annoContext     = "http://www.w3.org/ns/anno.jsonld"
	redlineVocab    = "https://github.com/redline-news/redline/ns#"
	redlineHome     = "https://github.com/redline-news/redline"
	suggesterPrefix = "urn:redline:suggester"
	keyStatus       = "redline:status"
	keyBefore       = "redline:before"
	keyRevision     = "redline:revision"
	keyMoved        = "redline:moved"
)

// The body purposes Redline uses, from the W3C motivation vocabulary.
const (
	purposeTagging     = "tagging"
	purposeIdentifying = "identifying"
	purposeAssessing   = "assessing"
	purposeCommenting  = "commenting"
)

type jsonAnnotation struct {
	Context    any        `json:"@context,omitempty"`
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Motivation string     `json:"motivation"`
	Created    string     `json:"created,omitempty"`
	Modified   string     `json:"modified,omitempty"`
	Creator    *jsonAgent `json:"creator,omitempty"`
	Via        string     `json:"via,omitempty"`
	Generator  jsonAgent  `json:"generator"`
	Body       []jsonBody `json:"body"`
	Target     jsonTarget `json:"target"`
	Status     Status     `json:"redline:status,omitempty"`
	Before     string     `json:"redline:before,omitempty"`
	Revision   string     `json:"redline:revision,omitempty"`
	Moved      bool       `json:"redline:moved,omitempty"`
}

type jsonAgent struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type"`
	Name string `json:"name"`
}

type jsonBody struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
	Format  string `json:"format,omitempty"`
}

type jsonTarget struct {
	Source   string         `json:"source"`
	State    *jsonTimeState `json:"state,omitempty"`
	Selector []any          `json:"selector"`
}

type jsonTimeState struct {
	Type       string `json:"type"`
	SourceDate string `json:"sourceDate"`
}

type jsonQuoteSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

type jsonPositionSelector struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

type jsonCollection struct {
	Context any      `json:"@context"`
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Label   string   `json:"label,omitempty"`
	Total   int      `json:"total"`
	First   jsonPage `json:"first"`
}

type jsonPage struct {
	ID         string           `json:"id"`
	Type       string           `json:"type"`
	StartIndex int              `json:"startIndex"`
	Items      []jsonAnnotation `json:"items"`
}

// MarshalAnnotation encodes one annotation as a standalone W3C Web
// Annotation (JSON-LD, indented, ending in a newline). It refuses an
// annotation that fails Validate, so everything it writes is valid.
func MarshalAnnotation(a Annotation) ([]byte, error) {
	j, err := toJSON(a)
	if err != nil {
		return nil, err
	}
	j.Context = contextFor(a.usesExtension())
	return encode(j)
}

// MarshalCollection encodes annotations as an AnnotationCollection whose
// embedded first (and only) page holds them all; the items inherit the
// collection's @context. The collection and page ids are name-based UUIDs
// of the label and the annotation ids, so the same input always gives the
// same bytes. Duplicate annotation ids are refused.
func MarshalCollection(label string, anns []Annotation) ([]byte, error) {
	items := make([]jsonAnnotation, 0, len(anns))
	seen := make(map[string]bool, len(anns))
	ids := []string{"collection", label}
	extended := false
	var errs []error
	for _, a := range anns {
		if seen[a.ID] {
			errs = append(errs, fmt.Errorf("annotation id %s appears twice", a.ID))
			continue
		}
		seen[a.ID] = true
		j, err := toJSON(a)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		extended = extended || a.usesExtension()
		items = append(items, j)
		ids = append(ids, a.ID)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	id := nameUUID(ids...)
	return encode(jsonCollection{
		Context: contextFor(extended),
		ID:      id,
		Type:    "AnnotationCollection",
		Label:   label,
		Total:   len(items),
		First:   jsonPage{ID: nameUUID("page", id, "0"), Type: "AnnotationPage", Items: items},
	})
}

func toJSON(a Annotation) (jsonAnnotation, error) {
	if err := a.Validate(); err != nil {
		return jsonAnnotation{}, err
	}
	j := jsonAnnotation{
		ID:         a.ID,
		Type:       "Annotation",
		Motivation: a.motivation(),
		Generator:  a.generator(),
		Body:       a.bodies(),
		Target:     a.Target.toJSON(),
		Status:     a.Status,
		Before:     a.Before,
		Revision:   a.Revision,
		Via:        a.Via,
		Moved:      a.Moved,
	}
	if !a.Created.IsZero() {
		j.Created = formatTime(a.Created)
	}
	if !a.Modified.IsZero() {
		j.Modified = formatTime(a.Modified)
	}
	if a.Creator != "" {
		j.Creator = &jsonAgent{Type: "Person", Name: a.Creator}
	}
	return j, nil
}

// motivation is the annotation's main intent in the W3C vocabulary: a
// claim with a verdict assesses, a note comments, and marking a passage as
// a quote or claim classifies it with a tag.
func (a Annotation) motivation() string {
	switch {
	case a.Verdict != VerdictNone:
		return purposeAssessing
	case a.Kind == KindNote:
		return purposeCommenting
	}
	return purposeTagging
}

// bodies lists the kind first (Decode relies on that), then the user tags,
// speaker, verdict and note.
func (a Annotation) bodies() []jsonBody {
	text := func(purpose, value string) jsonBody {
		return jsonBody{Type: "TextualBody", Purpose: purpose, Value: value}
	}
	b := []jsonBody{text(purposeTagging, string(a.Kind))}
	for _, t := range a.Tags {
		b = append(b, text(purposeTagging, t))
	}
	if a.Speaker != "" {
		b = append(b, text(purposeIdentifying, a.Speaker))
	}
	if a.Verdict != VerdictNone {
		b = append(b, text(purposeAssessing, string(a.Verdict)))
	}
	if a.Note != "" {
		note := text(purposeCommenting, a.Note)
		note.Format = "text/plain"
		b = append(b, note)
	}
	return b
}

func (a Annotation) generator() jsonAgent {
	if !a.Suggested {
		return jsonAgent{ID: redlineHome, Type: "Software", Name: "Redline"}
	}
	if a.Suggester == "" {
		return jsonAgent{ID: suggesterPrefix, Type: "Software", Name: "Redline suggester"}
	}
	return jsonAgent{ID: suggesterPrefix + ":" + a.Suggester, Type: "Software", Name: "Redline suggester: " + a.Suggester}
}

func (a Annotation) usesExtension() bool {
	return a.Status != StatusNone || a.Before != "" || a.Revision != "" || a.Moved
}

func (t Target) toJSON() jsonTarget {
	j := jsonTarget{Source: t.Source}
	if t.SourceDate != "" {
		j.State = &jsonTimeState{Type: "TimeState", SourceDate: sourceDateTime(t.SourceDate)}
	}
	if q := t.Selector.Quote; q != nil {
		j.Selector = append(j.Selector, jsonQuoteSelector{Type: "TextQuoteSelector", Exact: q.Exact, Prefix: q.Prefix, Suffix: q.Suffix})
	}
	if p := t.Selector.Position; p != nil {
		j.Selector = append(j.Selector, jsonPositionSelector{Type: "TextPositionSelector", Start: p.Start, End: p.End})
	}
	return j
}

// contextFor is the W3C context, plus the "redline:" prefix when an
// annotation carries Redline's migration fields.
func contextFor(extended bool) any {
	if !extended {
		return annoContext
	}
	return []any{annoContext, map[string]string{"redline": redlineVocab}}
}

// nameUUID is a name-based (version 5, SHA-1) UUID of the parts, in a
// Redline namespace, as a urn:uuid IRI.
// NameID is a name-based (version 5) "urn:uuid:" IRI of parts: the same
// parts always give the same id, so a file imported twice finds the
// annotations it made the first time.
func NameID(parts ...string) string { return nameUUID(parts...) }

func nameUUID(parts ...string) string {
	h := sha1.New()
	h.Write([]byte(redlineVocab))
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	var b [16]byte
	copy(b[:], h.Sum(nil))
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return formatUUID(b)
}

// encode writes v indented by two spaces, ending in a newline, as a
// json.Encoder with SetIndent("", "  ") would (appendIndented).
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep quotes with & < > readable
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	compact := buf.Bytes()
	return appendIndented(make([]byte, 0, 2*len(compact)), compact), nil
}
