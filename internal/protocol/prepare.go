package protocol

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/httperr"
)

// Prepared is a client's annotation made ready to store.
type Prepared struct {
	JSON    []byte // without "id": the IRI is added when it is served
	StoryID string // the Redline story it targets, "" if none
}

// Prepare checks and normalises an annotation a client sent, for the IRI
// it will have. creator is what the server records as its creator (the
// signed-in user for a new annotation, the stored creator for a
// replacement), never what the client claims. A client's own id (when
// creating) is kept as via. created is set to now when absent. The
// result is validated with annotation.Validate; bad input is an
// *httperr.Error (400) listing every problem.
func Prepare(body []byte, iri string, creator any, replacing bool, now time.Time) (Prepared, error) {
	obj, err := decodeObject(body)
	if err != nil {
		return Prepared{}, err
	}
	if !hasType(obj, "Annotation") {
		return Prepared{}, invalid(annotation.Problem{Path: "$.type", Message: `must be "Annotation" (send one annotation per request)`})
	}
	if id, present := obj["id"]; present {
		s, ok := id.(string)
		switch {
		case !ok:
			return Prepared{}, invalid(annotation.Problem{Path: "$.id", Message: "must be an IRI (a string)"})
		case s == iri:
		case replacing:
			return Prepared{}, invalid(annotation.Problem{Path: "$.id", Message: "must be " + iri + " (the IRI the annotation is put to) or absent"})
		default:
			obj["via"] = addVia(obj["via"], resolve(iri, s))
		}
	}
	obj["id"] = iri
	if creator == nil {
		delete(obj, "creator")
	} else {
		obj["creator"] = creator
	}
	if _, ok := obj["created"]; !ok {
		obj["created"] = now.UTC().Format(time.RFC3339)
	}
	full, err := marshal(obj)
	if err != nil {
		return Prepared{}, err
	}
	if problems := annotation.Validate(full); len(problems) > 0 {
		return Prepared{}, invalid(problems...)
	}
	delete(obj, "id")
	stored, err := marshal(obj)
	if err != nil {
		return Prepared{}, err
	}
	return Prepared{JSON: stored, StoryID: storyOf(obj["target"])}, nil
}

// Person is the creator the server records for a user.
func Person(user string) map[string]any {
	return map[string]any{"type": "Person", "name": user}
}

// CreatorOf returns the creator stored in an annotation's JSON (nil if
// none), so that a replacement keeps it.
func CreatorOf(stored []byte) any {
	var obj struct {
		Creator any `json:"creator"`
	}
	json.Unmarshal(stored, &obj)
	return obj.Creator
}

func invalid(problems ...annotation.Problem) error {
	return httperr.New(http.StatusBadRequest, "invalid annotation", problems...)
}

// decodeObject parses a JSON object, keeping numbers exactly as written.
// Anything else gets the problems annotation.Validate finds in it.
func decodeObject(body []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var obj map[string]any
	err := dec.Decode(&obj)
	if err == nil && dec.More() {
		err = errTrailing
	}
	if err == nil && obj != nil {
		return obj, nil
	}
	problems := annotation.Validate(body)
	if len(problems) == 0 {
		problems = []annotation.Problem{{Path: "$", Message: "must be a JSON object (one annotation)"}}
	}
	return nil, httperr.New(http.StatusBadRequest, "malformed JSON", problems...)
}

var errTrailing = httperr.New(http.StatusBadRequest, "trailing data after the JSON object")

func hasType(obj map[string]any, name string) bool {
	switch t := obj["type"].(type) {
	case string:
		return t == name
	case []any:
		return slices.Contains(t, any(name))
	}
	return false
}

// resolve makes a relative IRI absolute against the IRI of the document
// it was sent for, as JSON-LD does; anything unparsable is left for
// annotation.Validate to report.
func resolve(base, ref string) string {
	b, err1 := url.Parse(base)
	r, err2 := url.Parse(ref)
	if err1 != nil || err2 != nil || r.IsAbs() {
		return ref
	}
	return b.ResolveReference(r).String()
}

// addVia adds a client's id to via (a string or a list), once.
func addVia(via any, id string) any {
	switch v := via.(type) {
	case nil:
		return id
	case string:
		if v == id {
			return v
		}
		return []any{v, id}
	case []any:
		if slices.Contains(v, any(id)) {
			return v
		}
		return append(v, id)
	}
	return via // not a string or list: annotation.Validate reports it
}

// storyOf finds the Redline story a target names (its source is
// "urn:redline:story:<id>", see annotation.StorySource).
func storyOf(target any) string {
	const prefix = "urn:redline:story:"
	switch t := target.(type) {
	case string:
		if id, ok := strings.CutPrefix(t, prefix); ok {
			if id, err := url.PathUnescape(id); err == nil {
				return id
			}
		}
	case map[string]any:
		if s, ok := t["source"].(string); ok {
			return storyOf(s)
		}
	case []any:
		for _, one := range t {
			if id := storyOf(one); id != "" {
				return id
			}
		}
	}
	return ""
}

// marshal writes JSON without HTML escaping (the documents are data, not
// markup) and without a trailing newline.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// WithID returns a stored annotation with its IRI as "id", first.
func WithID(stored []byte, iri string) []byte {
	q, _ := marshal(iri)
	rest := bytes.TrimPrefix(bytes.TrimSpace(stored), []byte("{"))
	out := make([]byte, 0, len(q)+len(rest)+8)
	out = append(out, `{"id":`...)
	out = append(out, q...)
	if len(bytes.TrimSpace(rest)) > 1 { // more than the closing brace
		out = append(out, ',')
	}
	return append(out, rest...)
}
