package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// probe is a request that must be refused with status, changing nothing.
type probe struct {
	name, user, method, path, body string
	headers                        []string
	status                         int
}

func TestSecurityProbes(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		res := e.do("bob", "POST", desk, minimalAnnotation, "Slug: kept").expect(t, http.StatusCreated)
		ann, tag := res.Header.Get("Location"), res.Header.Get("ETag")
		story := `{"id": "s1", "title": "A story"}`
		e.do("bob", "POST", "/api/projects/desk/stories", story).expect(t, http.StatusCreated)
		cookie := e.signIn("bob")
		huge := `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": "http://x.example/", "bodyValue": "` + strings.Repeat("x", 2<<20) + `"}`
		push := `{"changes": [{"changeId": "c1", "kind": "annotation", "op": "put", "id": "p1", "annotation": ` + minimalAnnotation + `}]}`
		probes := []probe{
			{"no token", "", "GET", desk, "", nil, 401},
			{"no token POST", "", "POST", desk, minimalAnnotation, nil, 401},
			{"no token API", "", "GET", "/api/projects/desk/stories", "", nil, 401},
			{"no token feed", "", "GET", "/api/projects/desk/changes", "", nil, 401},
			{"wrong token", "", "GET", desk, "", []string{"Authorization: Bearer not-a-token"}, 401},
			{"wrong scheme", "", "GET", desk, "", []string{"Authorization: Basic Ym9iOnB3LWJvYg=="}, 401},
			{"wrong token POST", "", "POST", desk, minimalAnnotation, []string{"Authorization: Bearer " + strings.Repeat("A", 43)}, 401},
			{"other project's member reads", "mallory", "GET", desk, "", nil, 404},
			{"other project's member reads one", "mallory", "GET", ann, "", nil, 404},
			{"other project's member writes", "mallory", "POST", desk, minimalAnnotation, nil, 404},
			{"other project's member deletes", "mallory", "DELETE", ann, "", nil, 404},
			{"other project's member, API", "mallory", "GET", "/api/projects/desk/stories/s1", "", nil, 404},
			{"other project's member pushes", "mallory", "POST", "/api/projects/desk/push", push, nil, 404},
			{"no such project", "mallory", "GET", "/annotations/nowhere/", "", nil, 404},
			{"viewer POSTs", "vera", "POST", desk, minimalAnnotation, nil, 403},
			{"viewer PUTs", "vera", "PUT", ann, minimalAnnotation, []string{"If-Match: " + tag}, 403},
			{"viewer DELETEs", "vera", "DELETE", ann, "", []string{"If-Match: " + tag}, 403},
			{"viewer pushes", "vera", "POST", "/api/projects/desk/push", push, nil, 403},
			{"viewer adds a story", "vera", "POST", "/api/projects/desk/stories", `{"title": "x"}`, nil, 403},
			{"viewer deletes a story", "vera", "DELETE", "/api/projects/desk/stories/s1", "", nil, 403},
			{"editor manages members", "bob", "PUT", "/api/projects/desk/members/mallory", `{"role": "admin"}`, nil, 403},
			{"cross-site POST with cookie", "", "POST", desk, minimalAnnotation,
				[]string{"Cookie: " + cookie, "Origin: https://evil.example", "Sec-Fetch-Site: cross-site"}, 403},
			{"cross-site POST with cookie, Origin only", "", "POST", desk, minimalAnnotation,
				[]string{"Cookie: " + cookie, "Origin: https://evil.example"}, 403},
			{"cookie write without Origin or Sec-Fetch-Site", "", "POST", desk, minimalAnnotation,
				[]string{"Cookie: " + cookie}, 403},
			{"cross-site push with cookie", "", "POST", "/api/projects/desk/push", push,
				[]string{"Cookie: " + cookie, "Origin: https://evil.example", "Sec-Fetch-Site: cross-site"}, 403},
			{"cross-site DELETE with cookie", "", "DELETE", ann, "",
				[]string{"Cookie: " + cookie, "Origin: https://evil.example", "Sec-Fetch-Site: cross-site"}, 403},
			{"cross-site sign-out with cookie", "", "DELETE", "/api/session", "",
				[]string{"Cookie: " + cookie, "Origin: https://evil.example", "Sec-Fetch-Site: cross-site"}, 403},
			{"dot-dot to another project", "mallory", "POST", "/annotations/other/../desk/", minimalAnnotation, nil, 404},
			{"dot-dot in the API", "mallory", "GET", "/api/projects/other/../desk/stories", "", nil, 404},
			{"double slash", "bob", "POST", "/annotations//desk/", minimalAnnotation, nil, 404},
			{"dot segment", "bob", "POST", "/annotations/./desk/", minimalAnnotation, nil, 404},
			{"dot-dot project", "bob", "GET", "/annotations/%2e%2e/", "", nil, 404},
			{"encoded slash in project", "bob", "GET", "/annotations/desk%2fx/", "", nil, 404},
			{"encoded slash in id", "bob", "GET", desk + "..%2f..%2fapi", "", nil, 404},
			{"dots in id", "bob", "DELETE", desk + "..", "", nil, 404},
			{"upper-case slug", "bob", "GET", "/annotations/DESK/", "", nil, 404},
			{"NUL in id", "bob", "GET", desk + "a%00b", "", nil, 404},
			{"long id", "bob", "GET", desk + strings.Repeat("a", 64), "", nil, 404},
			{"dot-dot story", "bob", "DELETE", "/api/projects/desk/stories/%2e%2e", "", nil, 404},
			{"unknown route", "bob", "GET", "/api/nothing", "", nil, 404},
			{"unknown route under annotations", "bob", "GET", "/annotations/", "", nil, 404},
			{"oversized annotation", "bob", "POST", desk, huge, nil, 413},
			{"oversized push", "bob", "POST", "/api/projects/desk/push", strings.Repeat(" ", 17<<20) + "{}", nil, 413},
			{"malformed JSON", "bob", "POST", desk, `{"@context": "http://www.w3.org/ns/anno.jsonld",`, nil, 400},
			{"not an object", "bob", "POST", desk, `[1, 2]`, nil, 400},
			{"not an annotation", "bob", "POST", desk, `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}`, nil, 400},
			{"invalid annotation", "bob", "POST", desk, `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}`, nil, 400},
			{"trailing data", "bob", "POST", desk, minimalAnnotation + `{}`, nil, 400},
			{"wrong media type", "bob", "POST", desk, minimalAnnotation, []string{"Content-Type: text/plain"}, 415},
			{"malformed push", "bob", "POST", "/api/projects/desk/push", `{"changes": [{"kind": "annotation"}]}`, nil, 400},
			{"unknown field in push", "bob", "POST", "/api/projects/desk/push", `{"changez": []}`, nil, 400},
			{"PUT without If-Match", "bob", "PUT", ann, minimalAnnotation, nil, 428},
			{"method not allowed", "bob", "PATCH", ann, minimalAnnotation, nil, 405},
		}
		for _, p := range probes {
			before := e.state("desk")
			res := e.do(p.user, p.method, p.path, p.body, p.headers...)
			if res.StatusCode != p.status {
				t.Errorf("%s: %s %s: status %d, want %d\n%.300s", p.name, p.method, p.path, res.StatusCode, p.status, res.body)
			}
			if after := e.state("desk"); after != before {
				t.Errorf("%s: the desk changed", p.name)
			}
		}
		// A project you are not in looks exactly like one that does not exist.
		a := e.do("mallory", "GET", desk, "")
		b := e.do("mallory", "GET", "/annotations/nowhere/", "")
		if string(a.body) != string(b.body) {
			t.Errorf("not a member: %s; no such project: %s", a.body, b.body)
		}
		// The same-origin write with the cookie works.
		e.do("", "POST", desk, minimalAnnotation, "Cookie: "+cookie, "Origin: "+e.srv.URL, "Sec-Fetch-Site: same-origin").expect(t, http.StatusCreated)
	})
}

// signIn signs a user in with their password and returns the cookie
// ("name=value").
func (e *env) signIn(user string) string {
	e.t.Helper()
	form := url.Values{"username": {user}, "password": {"pw-" + user}}.Encode()
	res := e.do("", "POST", "/api/session", form, "Content-Type: application/x-www-form-urlencoded").expect(e.t, http.StatusOK)
	for _, c := range res.Cookies() {
		if c.Name == "redline_session" {
			return c.Name + "=" + c.Value
		}
	}
	e.t.Fatalf("no session cookie: %v", res.Header)
	return ""
}

// Ids are per project: another project's records are neither visible nor
// in the way, and nothing tells they exist.
func TestProjectsAreApart(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.do("mallory", "POST", "/api/projects/other/stories", `{"id": "shared", "title": "Mallory's"}`).expect(t, http.StatusCreated)
		e.do("mallory", "POST", "/api/projects/other/stories/shared/revisions", `{"id": "rev-shared", "text": "secret"}`).expect(t, http.StatusCreated)
		e.do("mallory", "POST", "/annotations/other/", minimalAnnotation, "Slug: shared").expect(t, http.StatusCreated)

		e.do("bob", "GET", "/api/projects/desk/stories/shared", "").expect(t, http.StatusNotFound)
		e.do("bob", "GET", desk+"shared", "").expect(t, http.StatusNotFound)
		e.do("bob", "POST", "/api/projects/desk/stories", `{"id": "shared", "title": "Bob's"}`).expect(t, http.StatusCreated)
		e.do("bob", "POST", "/api/projects/desk/stories/shared/revisions", `{"id": "rev-shared", "text": "mine"}`).expect(t, http.StatusCreated)
		if loc := e.do("bob", "POST", desk, minimalAnnotation, "Slug: shared").expect(t, http.StatusCreated).Header.Get("Location"); loc != e.srv.URL+desk+"shared" {
			t.Errorf("Slug taken in another project was refused here: %s", loc)
		}
		got := e.do("bob", "GET", "/api/projects/desk/stories/shared", "").expect(t, http.StatusOK).json(t)
		if got["story"].(map[string]any)["title"] != "Bob's" || got["revisions"].([]any)[0].(map[string]any)["text"] != "mine" {
			t.Errorf("desk sees %v", got)
		}
		feed := e.do("bob", "GET", "/api/projects/desk/changes", "").expect(t, http.StatusOK)
		if strings.Contains(string(feed.body), "Mallory") || strings.Contains(string(feed.body), "secret") {
			t.Errorf("desk's feed shows the other project: %s", feed.body)
		}
	})
}
