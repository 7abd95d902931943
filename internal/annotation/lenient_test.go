package annotation

import (
	"errors"
	"strings"
	"testing"
)

func TestDecodeLenient(t *testing.T) {
	const source = "urn:redline:story:s"
	tests := []struct {
		name, file string
		wantVia    string
		notes      int
	}{
		{"fragment id, no source", `[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#abc", "type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}}]`, source + "#abc", 0},
		{"bare UUID", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "447D4BEA-08dc-4bd0-ae51-31f5ed7a95a0", "type": "Annotation", "target": {"source": "https://e.com", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}`, "urn:uuid:447d4bea-08dc-4bd0-ae51-31f5ed7a95a0", 0},
		{"no id, no context", `{"type": "Annotation", "target": {"source": "https://e.com", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}`, "", 0},
		{"linking skipped in a collection", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:c", "type": "AnnotationCollection", "total": 2, "first": {"id": "urn:p", "type": "AnnotationPage", "items": [
			{"id": "urn:a", "type": "Annotation", "target": {"source": "https://e.com", "selector": {"type": "TextQuoteSelector", "exact": "x"}}},
			{"id": "urn:l", "type": "Annotation", "motivation": "linking", "target": ["urn:a", "urn:b"]}]}}`, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			anns, notes, err := DecodeLenient([]byte(tt.file), source)
			if err != nil || len(anns) != 1 || len(notes) != tt.notes {
				t.Fatalf("anns %+v, notes %q, err %v", anns, notes, err)
			}
			a := anns[0]
			if a.Via != tt.wantVia || !isIRI(a.ID) || (tt.wantVia != "" && !strings.HasPrefix(a.ID, "urn:uuid:")) {
				t.Errorf("id %q via %q, want via %q", a.ID, a.Via, tt.wantVia)
			}
			again, _, _ := DecodeLenient([]byte(tt.file), source)
			if again[0].ID != a.ID {
				t.Errorf("a second read gives id %q, then %q", a.ID, again[0].ID)
			}
			if Validate([]byte(tt.file)) == nil && tt.notes == 0 {
				t.Errorf("Validate accepts what only DecodeLenient should")
			}
		})
	}
}

// TestDecodeLenientRepairsOnlyAnnotations: an object that does not say it
// is an Annotation gets no id or context, so every problem is still named.
func TestDecodeLenientRepairsOnlyAnnotations(t *testing.T) {
	_, _, err := DecodeLenient([]byte(`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Note", "target": 42}`), "urn:x")
	if err == nil || !strings.Contains(err.Error(), "needs exactly one IRI as its id") {
		t.Errorf("err %v, want the missing id named", err)
	}
	_, _, err = DecodeLenient([]byte(`[{}, {}]`), "urn:x")
	var de *DecodeError
	if !errors.As(err, &de) || de.Count() != len(Validate([]byte(`[{}, {}]`))) {
		t.Errorf("err %v: want the same problems as Validate", err)
	}
}
