package server_test

import (
	"net/http"
	"strings"
	"testing"
)

const (
	preferMinimal      = `return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"`
	preferIRIs         = `return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"`
	preferDescriptions = `return=representation;include="http://www.w3.org/ns/oa#PreferContainedDescriptions"`
)

func TestProtocolLifecycle(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		body := strings.Replace(minimalAnnotation, `"type"`, `"canonical": "urn:uuid:2ef1c6ea-0000-4000-8000-000000000001", "id": "urn:x:client", "type"`, 1)
		res := e.do("bob", "POST", desk, body, "Slug: my-note").expect(t, http.StatusCreated)
		iri := e.srv.URL + desk + "my-note"
		if res.Header.Get("Location") != iri {
			t.Fatalf("Slug not honoured: Location %q", res.Header.Get("Location"))
		}
		got := res.json(t)
		if got["canonical"] != "urn:uuid:2ef1c6ea-0000-4000-8000-000000000001" || got["via"] != "urn:x:client" {
			t.Errorf("canonical %v via %v", got["canonical"], got["via"])
		}
		tag1 := res.Header.Get("ETag")

		// The same Slug again gets a fresh id.
		again := e.do("bob", "POST", desk, minimalAnnotation, "Slug: my-note").expect(t, http.StatusCreated)
		if again.Header.Get("Location") == iri {
			t.Error("a taken Slug was reused")
		}
		// An unsafe Slug is ignored.
		odd := e.do("bob", "POST", desk, minimalAnnotation, "Slug: ../../etc").expect(t, http.StatusCreated)
		if loc := odd.Header.Get("Location"); !strings.HasPrefix(loc, e.srv.URL+desk) || strings.Contains(loc[len(e.srv.URL+desk):], ".") {
			t.Errorf("unsafe Slug gave %q", loc)
		}

		// Conditional GET.
		e.do("vera", "GET", iri, "", "If-None-Match: "+tag1).expect(t, http.StatusNotModified)

		// PUT: none → 428, stale → 412, right → 200 with a new ETag.
		edited := strings.Replace(minimalAnnotation, "http://www.example.com/index.html", "http://other.example/", 1)
		e.do("bob", "PUT", iri, edited).expect(t, http.StatusPreconditionRequired)
		e.do("bob", "PUT", iri, edited, `If-Match: "999999"`).expect(t, http.StatusPreconditionFailed)
		e.do("bob", "PUT", iri, edited, "If-Match: W/"+tag1).expect(t, http.StatusPreconditionFailed)
		put := e.do("alice", "PUT", iri, edited, "If-Match: "+tag1).expect(t, http.StatusOK)
		tag2 := put.Header.Get("ETag")
		if tag2 == tag1 || tag2 == "" {
			t.Errorf("ETag after PUT %q (before %q)", tag2, tag1)
		}
		after := put.json(t)
		if after["target"] != "http://other.example/" || after["id"] != iri {
			t.Errorf("PUT result target %v id %v", after["target"], after["id"])
		}
		if c, _ := after["creator"].(map[string]any); c["name"] != "bob" {
			t.Errorf("creator after alice's PUT: %v, want bob (who created it)", after["creator"])
		}
		// A body naming another IRI is refused.
		other := strings.Replace(edited, `"type"`, `"id": "http://elsewhere.example/1", "type"`, 1)
		e.do("bob", "PUT", iri, other, "If-Match: "+tag2).expect(t, http.StatusBadRequest)

		// DELETE with the ETag from before the PUT: 412; then 204, then 410 for good.
		e.do("bob", "DELETE", iri, "", "If-Match: "+tag1).expect(t, http.StatusPreconditionFailed)
		e.do("bob", "DELETE", iri, "", "If-Match: "+tag2).expect(t, http.StatusNoContent)
		e.do("vera", "GET", iri, "").expect(t, http.StatusGone)
		e.do("bob", "PUT", iri, edited, "If-Match: "+tag2).expect(t, http.StatusGone)
		e.do("bob", "DELETE", iri, "").expect(t, http.StatusGone)
		reused := e.do("bob", "POST", desk, minimalAnnotation, "Slug: my-note").expect(t, http.StatusCreated)
		if reused.Header.Get("Location") == iri {
			t.Error("a deleted id was reused")
		}
		e.do("vera", "GET", desk+"no-such-id", "").expect(t, http.StatusNotFound)
		walk(t, e, 3, nil)
	})
}

func TestProtocolPrefer(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		empty := e.do("vera", "GET", desk, "").expect(t, http.StatusOK).json(t)
		if empty["total"] != 0.0 || empty["first"] != nil {
			t.Errorf("empty container: total %v first %v", empty["total"], empty["first"])
		}
		for range 7 {
			e.do("bob", "POST", desk, minimalAnnotation).expect(t, http.StatusCreated)
		}
		tags := map[string]bool{}
		for _, tc := range []struct {
			prefer   string
			embedded bool
			iris     bool
		}{
			{"", false, false},
			{preferMinimal, false, false},
			{preferIRIs, true, true},
			{preferDescriptions, true, false},
		} {
			res := e.do("vera", "GET", desk, "", "Prefer: "+tc.prefer).expect(t, http.StatusOK)
			if !strings.Contains(res.Header.Get("Vary"), "Prefer") || res.Header.Get("Prefer") != "" {
				t.Errorf("%q: Vary %q, Prefer %q", tc.prefer, res.Header.Get("Vary"), res.Header.Get("Prefer"))
			}
			tags[res.Header.Get("ETag")] = true
			c := res.json(t)
			if c["total"] != 7.0 || c["last"] == nil || c["items"] != nil || c["ldp:contains"] != nil {
				t.Errorf("%q: total %v last %v items %v", tc.prefer, c["total"], c["last"], c["items"])
			}
			first, isPage := c["first"].(map[string]any)
			if isPage != tc.embedded {
				t.Fatalf("%q: first %v, want embedded=%v", tc.prefer, c["first"], tc.embedded)
			}
			if !isPage {
				continue
			}
			items, _ := first["items"].([]any)
			if len(items) != pageSize || first["next"] == nil {
				t.Errorf("%q: embedded page has %d items, next %v", tc.prefer, len(items), first["next"])
			}
			_, isIRI := items[0].(string)
			if isIRI != tc.iris {
				t.Errorf("%q: item %v", tc.prefer, items[0])
			}
			if tc.iris {
				// The IRI pages list IRIs all the way.
				next := e.do("vera", "GET", first["next"].(string), "").expect(t, http.StatusOK).json(t)
				if _, ok := next["items"].([]any)[0].(string); !ok {
					t.Errorf("second IRI page: %v", next["items"])
				}
			}
		}
		if len(tags) != 3 { // no Prefer and PreferMinimalContainer give the same document
			t.Errorf("3 representations, ETags: %v", tags)
		}
		e.do("vera", "GET", desk+"?page=99", "").expect(t, http.StatusNotFound)
		e.do("vera", "GET", desk+"?page=-1", "").expect(t, http.StatusNotFound)
		e.do("vera", "GET", desk, "", "Accept: text/turtle").expect(t, http.StatusNotAcceptable)
		e.do("vera", "GET", desk, "", "Accept: application/json").expect(t, http.StatusOK)
		e.do("vera", "GET", "/annotations/desk", "").expect(t, http.StatusOK) // redirected to the container
	})
}
