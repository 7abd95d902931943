package server_test

import (
	"fmt"
	"net/http"
	"testing"
)

// pushOne pushes one change and answers its result.
func pushOne(t *testing.T, e *env, user, change string) map[string]any {
	t.Helper()
	res := e.do(user, "POST", "/api/projects/desk/push", `{"device": "laptop", "changes": [`+change+`]}`).expect(t, http.StatusOK).json(t)
	return res["results"].([]any)[0].(map[string]any)
}

// The latest revision of a story can be deleted through push (and
// DELETE …/revisions/ID), with the annotations made on it, as tombstones in
// the change feed; an earlier or the only revision cannot.
func TestDeleteLatestRevision(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.do("bob", "POST", "/api/projects/desk/stories", storyBundle).expect(t, http.StatusCreated)
		onR2 := `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "redline:revision": "r2",
			"body": {"type": "TextualBody", "value": "on r2"}, "target": "urn:redline:story:s1"}`
		e.do("bob", "POST", desk, onR2, "Slug: on-r2").expect(t, http.StatusCreated)

		if r := pushOne(t, e, "bob", `{"changeId": "d1", "kind": "revision", "op": "delete", "id": "r1", "storyId": "s1"}`); r["status"] != "invalid" {
			t.Errorf("deleting an earlier revision: %v, want invalid", r)
		}
		if r := pushOne(t, e, "bob", `{"changeId": "d2", "kind": "revision", "op": "delete", "id": "r2", "storyId": "s1", "baseSeq": 1}`); r["status"] != "conflict" ||
			r["current"] == nil || r["current"].(map[string]any)["revision"].(map[string]any)["id"] != "r2" {
			t.Errorf("deleting at a stale seq: %v, want conflict with the revision as current", r)
		}
		e.do("vera", "POST", "/api/projects/desk/push", `{"changes": [{"changeId": "d3", "kind": "revision", "op": "delete", "id": "r2", "storyId": "s1"}]}`).expect(t, http.StatusForbidden)
		before := fmt.Sprint(e.do("bob", "GET", "/api/projects/desk/changes", "").json(t)["last"])
		del := `{"changeId": "d4", "kind": "revision", "op": "delete", "id": "r2", "storyId": "s1"}`
		first := pushOne(t, e, "bob", del)
		if first["status"] != "applied" {
			t.Fatalf("deleting the latest revision: %v", first)
		}
		if again := pushOne(t, e, "bob", del); again["status"] != "replayed" || again["seq"] != first["seq"] {
			t.Errorf("the same delete again: %v, want replayed at %v", again, first["seq"])
		}
		got := e.do("vera", "GET", "/api/projects/desk/stories/s1", "").expect(t, http.StatusOK).json(t)
		if revs, anns := got["revisions"].([]any), got["annotations"].([]any); len(revs) != 1 || len(anns) != 2 {
			t.Errorf("after the delete: %d revisions, %d annotations, want 1 and 2 (on-r2 gone)", len(revs), len(anns))
		}
		e.do("vera", "GET", desk+"on-r2", "").expect(t, http.StatusGone)
		feed := e.do("vera", "GET", "/api/projects/desk/changes?since="+before, "").json(t)["changes"].([]any)
		gone := map[string]bool{}
		for _, c := range feed {
			c := c.(map[string]any)
			if c["deleted"] == true {
				gone[c["kind"].(string)+" "+c["id"].(string)] = true
			}
		}
		if !gone["revision r2"] || !gone["annotation on-r2"] || len(gone) != 2 {
			t.Errorf("tombstones in the feed: %v, want revision r2 and annotation on-r2", gone)
		}

		e.do("bob", "DELETE", "/api/projects/desk/stories/s1/revisions/r1", "").expect(t, http.StatusBadRequest) // the only one
		e.do("bob", "DELETE", "/api/projects/desk/stories/s1/revisions/r9", "").expect(t, http.StatusNotFound)
		e.do("bob", "POST", "/api/projects/desk/stories/s1/revisions", `{"id": "r3", "text": "third"}`).expect(t, http.StatusCreated)
		e.do("bob", "DELETE", "/api/projects/desk/stories/s1/revisions/r3", "", `If-Match: "1"`).expect(t, http.StatusPreconditionFailed)
		e.do("bob", "DELETE", "/api/projects/desk/stories/s1/revisions/r3", "").expect(t, http.StatusNoContent)
	})
}

// With keepAnnotations, a pushed revision delete takes the revision
// only: an annotation on it that the deleting replica did not know stays
// (the replicas move it onto the revision left).
func TestDeleteRevisionKeepingAnnotations(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.do("bob", "POST", "/api/projects/desk/stories", storyBundle).expect(t, http.StatusCreated)
		onR2 := `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "redline:revision": "r2",
			"body": {"type": "TextualBody", "value": "made elsewhere"}, "target": "urn:redline:story:s1"}`
		e.do("bob", "POST", desk, onR2, "Slug: elsewhere").expect(t, http.StatusCreated)
		del := `{"changeId": "k1", "kind": "revision", "op": "delete", "id": "r2", "storyId": "s1", "keepAnnotations": true}`
		if r := pushOne(t, e, "bob", del); r["status"] != "applied" {
			t.Fatalf("deleting the latest revision: %v", r)
		}
		got := e.do("vera", "GET", "/api/projects/desk/stories/s1", "").expect(t, http.StatusOK).json(t)
		if revs := got["revisions"].([]any); len(revs) != 1 {
			t.Errorf("after the delete: %d revisions, want 1", len(revs))
		}
		e.do("vera", "GET", desk+"elsewhere", "").expect(t, http.StatusOK)
	})
}
