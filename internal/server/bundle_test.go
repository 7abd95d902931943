package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

const storyBundle = `{"story": {"id": "s1", "title": "Minister resigns", "source": "https://news.example/a"},
	"revisions": [
		{"id": "r1", "date": "2026-11-30", "title": "Minister resigns", "text": "The minister said “I am done.”"},
		{"id": "r2", "date": "2026-12-01", "title": "Minister resigns", "text": "The minister said “I am done, finally.”"}],
	"annotations": [
		{"id": "q1", "annotation": {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "tagging",
			"body": {"type": "TextualBody", "purpose": "tagging", "value": "quote"},
			"target": {"source": "urn:redline:story:s1", "selector": {"type": "TextQuoteSelector", "exact": "I am done."}}}},
		{"annotation": {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "body": {"type": "TextualBody", "value": "check"}, "target": "urn:redline:story:s1"}}]}`

// A story with its revisions and annotations is created in one request,
// all or nothing, and what GET answers can be sent as it is to another
// project.
func TestStoryBundle(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		created := e.do("bob", "POST", "/api/projects/desk/stories", storyBundle, "Idempotency-Key: share-1").expect(t, http.StatusCreated)
		if loc := created.Header.Get("Location"); loc != "/api/projects/desk/stories/s1" {
			t.Errorf("Location %q", loc)
		}
		first := created.json(t)
		if len(first["revisions"].([]any)) != 2 || len(first["annotations"].([]any)) != 2 {
			t.Fatalf("created bundle %v", first)
		}
		state := e.state("desk")
		again := e.do("bob", "POST", "/api/projects/desk/stories", storyBundle, "Idempotency-Key: share-1").expect(t, http.StatusOK).json(t)
		if again["story"].(map[string]any)["seq"] != first["story"].(map[string]any)["seq"] || len(again["annotations"].([]any)) != 2 {
			t.Errorf("a retried bundle answered %v, want what the first stored %v", again, first)
		}
		if e.state("desk") != state {
			t.Error("a retried bundle changed the desk")
		}
		e.do("bob", "POST", "/api/projects/desk/stories", storyBundle).expect(t, http.StatusConflict)
		if e.state("desk") != state {
			t.Error("a bundle with taken ids changed the desk")
		}

		got := e.do("vera", "GET", "/api/projects/desk/stories/s1", "").expect(t, http.StatusOK)
		copied := e.do("mallory", "POST", "/api/projects/other/stories", string(got.body)).expect(t, http.StatusCreated).json(t)
		anns := copied["annotations"].([]any)
		if len(copied["revisions"].([]any)) != 2 || len(anns) != 2 {
			t.Fatalf("bundle copied from GET: %v", copied)
		}
		a := anns[0].(map[string]any)
		if a["createdBy"] != "mallory" || !strings.Contains(string(mustJSON(t, a["annotation"])), e.srv.URL+desk+"q1") {
			t.Errorf("a copied annotation should keep where it came from in via: %v", a)
		}
	})
}

// A bad bundle is one 400 listing every problem of every part, and
// stores nothing.
func TestStoryBundleRefused(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		state := e.state("desk")
		bad := `{"story": {"id": "s2", "title": "Bad"},
			"revisions": [{"id": "r1", "text": "fine"}, {"id": "r2", "storyId": "s9", "text": "  "}],
			"annotations": [
				{"id": "a1", "annotation": {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "body": {"type": "TextualBody", "value": "ok"}, "target": "urn:redline:story:s2"}},
				{"id": "a2", "annotation": {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": {"selector": {"type": "TextPositionSelector", "start": 9, "end": 2}}}},
				{"id": "a3", "annotation": {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "body": {"type": "TextualBody", "value": "elsewhere"}, "target": "urn:redline:story:s7"}},
				{"id": "a1", "annotation": {"type": "Note"}}]}`
		res := e.do("bob", "POST", "/api/projects/desk/stories", bad).expect(t, http.StatusBadRequest).json(t)
		var paths []string
		for _, p := range res["problems"].([]any) {
			paths = append(paths, p.(map[string]any)["path"].(string))
		}
		all := strings.Join(paths, " ")
		for _, want := range []string{"$.revisions[1].storyId", "$.revisions[1]", "$.annotations[1].annotation", "$.annotations[2].annotation.target", "$.annotations[3].id", "$.annotations[3].annotation.type"} {
			if !strings.Contains(all, want) {
				t.Errorf("problems %v: none at %s", paths, want)
			}
		}
		if strings.Contains(all, "$.annotations[0]") || strings.Contains(all, "$.revisions[0]") {
			t.Errorf("problems %v name a good part", paths)
		}
		e.do("bob", "GET", "/api/projects/desk/stories/s2", "").expect(t, http.StatusNotFound)
		if e.state("desk") != state {
			t.Error("a refused bundle changed the desk")
		}
		e.do("bob", "POST", "/api/projects/desk/stories", `{"title": "top", "story": {"id": "s3"}}`).expect(t, http.StatusBadRequest)
		e.do("vera", "POST", "/api/projects/desk/stories", storyBundle).expect(t, http.StatusForbidden)
	})
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	must(t, err)
	return b
}
