package protocol

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/httperr"
)

func TestPreferredView(t *testing.T) {
	for _, tc := range []struct {
		prefer    string
		want      view
		preferred bool
	}{
		{"", viewDescriptions, false},
		{`return=representation;include="` + preferMinimal + `"`, viewMinimal, true},
		{`return=representation; include="` + preferIRIs + `"`, viewIRIs, true},
		{`return=representation;include="` + preferDescriptions + `"`, viewDescriptions, true},
		{`return=representation;include="` + preferIRIs + ` ` + preferMinimal + `"`, viewMinimal, true},
		{`respond-async, return=representation;include="` + preferIRIs + `"`, viewIRIs, true},
		{`return=minimal`, viewDescriptions, false},
		{`return=representation;include="http://example.org/other"`, viewDescriptions, false},
		{`return=representation;include=`, viewDescriptions, false},
	} {
		r, _ := http.NewRequest("GET", "/", nil)
		if tc.prefer != "" {
			r.Header.Set("Prefer", tc.prefer)
		}
		got, ok := preferredView(r)
		if got != tc.want || ok != tc.preferred {
			t.Errorf("Prefer %q: view %d (preferred %v), want %d (%v)", tc.prefer, got, ok, tc.want, tc.preferred)
		}
	}
}

func TestMatches(t *testing.T) {
	cur := etag(12, "")
	for _, tc := range []struct {
		header       string
		strong, weak bool
	}{
		{`"12"`, true, true},
		{`"11", "12"`, true, true},
		{`*`, true, true},
		{`W/"12"`, false, true},
		{`"13"`, false, false},
		{`12`, false, false},
		{``, false, false},
	} {
		r, _ := http.NewRequest("GET", "/", nil)
		r.Header.Set("If-Match", tc.header)
		if got := matches(tags(r, "If-Match"), cur, false); got != tc.strong {
			t.Errorf("If-Match %q: %v", tc.header, got)
		}
		if got := matches(tags(r, "If-Match"), cur, true); got != tc.weak {
			t.Errorf("If-None-Match %q: %v", tc.header, got)
		}
	}
}

func TestAcceptable(t *testing.T) {
	for accept, want := range map[string]bool{
		"":                    true,
		"application/ld+json": true,
		`application/ld+json; profile="` + Profile + `"`: true,
		"application/json":                 true,
		"text/html, */*;q=0.8":             true,
		"text/turtle":                      false,
		"application/ld+json;q=0, text/n3": false,
		"garbage;;;":                       false,
	} {
		r, _ := http.NewRequest("GET", "/", nil)
		if accept != "" {
			r.Header.Set("Accept", accept)
		}
		if got := acceptable(r); got != want {
			t.Errorf("Accept %q: %v, want %v", accept, got, want)
		}
	}
}

const iri = "http://h/annotations/desk/a1"

var now = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func TestPrepare(t *testing.T) {
	for _, tc := range []struct {
		name, in  string
		replacing bool
		want      map[string]any // top-level values expected in the stored JSON (nil = absent)
		story     string
		status    int
	}{
		{name: "minimal", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": "http://x/"}`,
			want: map[string]any{"id": nil, "created": "2026-12-01T09:00:00Z", "via": nil}},
		{name: "client id to via", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation", "target": "http://x/"}`,
			want: map[string]any{"id": nil, "via": "urn:x:1"}},
		{name: "via list grows once", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "via": ["urn:x:0", "urn:x:1"], "type": "Annotation", "target": "http://x/"}`,
			want: map[string]any{"via": []any{"urn:x:0", "urn:x:1"}}},
		{name: "relative client id resolved", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "/annotations/anno1.jsonld", "type": "Annotation", "target": "http://x/"}`,
			want: map[string]any{"via": "http://h/annotations/anno1.jsonld"}},
		{name: "own IRI is no via", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "` + iri + `", "type": "Annotation", "target": "http://x/"}`,
			want: map[string]any{"via": nil}},
		{name: "client creator replaced", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "creator": "http://evil/", "created": "2020-01-01T00:00:00Z", "type": "Annotation", "target": "http://x/"}`,
			want: map[string]any{"creator": map[string]any{"type": "Person", "name": "bob"}, "created": "2020-01-01T00:00:00Z"}},
		{name: "story", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": {"source": "urn:redline:story:s%2D1", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}`,
			story: "s-1"},
		{name: "story among targets", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": ["http://x/", "urn:redline:story:s2"]}`,
			story: "s2"},
		{name: "offset past MaxOffset", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": {"source": "http://x/", "selector": {"type": "TextPositionSelector", "start": 12345678901234, "end": 12345678901235}}}`,
			status: 400},
		{name: "other IRI on replace", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation", "target": "http://x/"}`,
			replacing: true, status: 400},
		{name: "no target", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}`, status: 400},
		{name: "no context", in: `{"type": "Annotation", "target": "http://x/"}`, status: 400},
		{name: "collection", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}`, status: 400},
		{name: "array", in: `[]`, status: 400},
		{name: "null", in: `null`, status: 400},
		{name: "syntax", in: `{"type": "Annotation",}`, status: 400},
		{name: "id not a string", in: `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": 7, "type": "Annotation", "target": "http://x/"}`, status: 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Prepare([]byte(tc.in), iri, Person("bob"), tc.replacing, now)
			if tc.status != 0 {
				var e *httperr.Error
				if !errors.As(err, &e) || e.Status != tc.status || len(e.Problems) == 0 {
					t.Fatalf("got %v (%+v), want %d with problems", err, e, tc.status)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			if err := json.Unmarshal(p.JSON, &got); err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.want {
				if g, _ := json.Marshal(got[k]); string(g) != mustJSON(v) {
					t.Errorf("%s = %s, want %s", k, g, mustJSON(v))
				}
			}
			if p.StoryID != tc.story {
				t.Errorf("story %q, want %q", p.StoryID, tc.story)
			}
			served := WithID(p.JSON, iri)
			var back map[string]any
			if err := json.Unmarshal(served, &back); err != nil || back["id"] != iri {
				t.Errorf("served %s: id %v, %v", served, back["id"], err)
			}
		})
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestWithID(t *testing.T) {
	for in, want := range map[string]string{
		`{"a":1}`:   `{"id":"` + iri + `","a":1}`,
		`{}`:        `{"id":"` + iri + `"}`,
		` { "a":1}`: `{"id":"` + iri + `", "a":1}`,
	} {
		if got := string(WithID([]byte(in), iri)); got != want {
			t.Errorf("WithID(%s) = %s, want %s", in, got, want)
		}
	}
}

// FuzzPrepare: whatever a client sends, Prepare either refuses it with a
// 400 listing problems, or stores JSON that, served with its IRI, is a
// valid annotation again with that IRI as its id.
func FuzzPrepare(f *testing.F) {
	f.Add(`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": "http://x/"}`)
	f.Add(`{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x", "via": "urn:y", "type": ["Annotation"], "body": {"type": "TextualBody", "value": "v"}, "target": {"source": "urn:redline:story:s", "selector": {"type": "TextPositionSelector", "start": 1, "end": 2}}}`)
	f.Add(`{"type": "Annotation",}`)
	f.Add(`[{"a": 1}]`)
	f.Fuzz(func(t *testing.T, in string) {
		p, err := Prepare([]byte(in), iri, Person("bob"), false, now)
		if err != nil {
			var e *httperr.Error
			if !errors.As(err, &e) || e.Status != 400 || len(e.Problems) == 0 {
				t.Fatalf("error %v is not a 400 with problems", err)
			}
			return
		}
		served := WithID(p.JSON, iri)
		again, err := Prepare(served, iri, Person("bob"), true, now)
		if err != nil {
			t.Fatalf("served annotation %s does not prepare again: %v", served, err)
		}
		if !strings.Contains(string(WithID(again.JSON, iri)), `"id":"`+iri+`"`) || again.StoryID != p.StoryID {
			t.Fatalf("second preparation differs: %s", again.JSON)
		}
	})
}

// FuzzPreferredView: no Prefer header makes it panic or pick a view it
// does not know.
func FuzzPreferredView(f *testing.F) {
	f.Add(`return=representation;include="` + preferIRIs + `"`)
	f.Add(`return=representation;;include=";"`)
	f.Fuzz(func(t *testing.T, prefer string) {
		r, _ := http.NewRequest("GET", "/", nil)
		r.Header["Prefer"] = []string{prefer}
		if v, _ := preferredView(r); v < viewDescriptions || v > viewMinimal {
			t.Fatalf("view %d", v)
		}
	})
}

func TestOnRevision(t *testing.T) {
	on := OnRevision("r2")
	for doc, want := range map[string]bool{
		`{"type":"Annotation","redline:revision":"r2"}`:        true,
		`{"type":"Annotation","redline:revision":["r1","r2"]}`: true,
		`{"type":"Annotation","redline:revision":"r1"}`:        false,
		`{"type":"Annotation"}`:                                false,
		`{"redline:revision":2}`:                               false,
		`not json`:                                             false,
	} {
		if got := on([]byte(doc)); got != want {
			t.Errorf("OnRevision(r2)(%s) = %v, want %v", doc, got, want)
		}
	}
}
