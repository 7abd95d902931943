package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/store"
)

// FuzzBundle: whatever a client sends as a bundle is either refused with
// a 400 or becomes records that all belong to its story.
func FuzzBundle(f *testing.F) {
	f.Add(`{"story": {"id": "s1"}, "revisions": [{"text": "t"}], "annotations": [{"annotation": {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": "urn:redline:story:s1"}}]}`)
	f.Add(`{"story": {"id": "s1"}, "revisions": [{"id": "r1", "storyId": "s2", "text": " "}], "annotations": [{"id": "A", "annotation": {"type": "Note"}}, {"annotation": []}]}`)
	f.Add(`{"title": "x", "story": {}}`)
	f.Add(`{"annotations": null}`)
	h := &Handler{opt: Options{Now: func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }}}
	r := httptest.NewRequest("POST", "http://redline.example/api/projects/desk/stories", nil)
	f.Fuzz(func(t *testing.T, body string) {
		var in createIn
		if json.Unmarshal([]byte(body), &in) != nil || !in.isBundle() {
			return
		}
		s, revs, docs, err := h.bundle(r, "desk", store.Actor{User: "bob", ChangeID: "k"}, in)
		if err != nil {
			if httperr.Status(err) != http.StatusBadRequest {
				t.Fatalf("refused with %d: %v", httperr.Status(err), err)
			}
			return
		}
		if s.ID == "" || s.Project != "desk" {
			t.Fatalf("story %+v", s)
		}
		for _, v := range revs {
			if v.StoryID != s.ID || v.Project != "desk" || v.ID == "" {
				t.Fatalf("revision %+v of story %q", v, s.ID)
			}
		}
		for _, d := range docs {
			if d.StoryID != s.ID || d.Project != "desk" || d.ID == "" || len(d.JSON) == 0 {
				t.Fatalf("annotation %+v of story %q", d, s.ID)
			}
		}
	})
}
