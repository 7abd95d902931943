package server_test

import (
	"bufio"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

const desk = "/annotations/desk/"

// fixtures are the W3C protocol suite's sample annotations.
func fixtures(t *testing.T) map[string]string {
	dir := sharedDir(t, "w3c-annotation-protocol/files/annotations")
	names, err := filepath.Glob(dir + "/anno*.json")
	must(t, err)
	if len(names) == 0 {
		t.Fatalf("no anno*.json in %s", dir)
	}
	out := map[string]string{}
	for _, n := range names {
		data, err := os.ReadFile(n)
		must(t, err)
		out[filepath.Base(n)] = string(data)
	}
	return out
}

// The suite's .jsonld files are its reference server's stored copies, with
// relative IRIs and an impossible date: each is either stored or refused
// with every problem, and a refusal stores nothing.
func TestProtocolStoredCopies(t *testing.T) {
	dir := sharedDir(t, "w3c-annotation-protocol/files/annotations")
	names, err := filepath.Glob(dir + "/anno*.jsonld")
	must(t, err)
	e := newEnv(t, "sqlite")
	for _, n := range names {
		data, err := os.ReadFile(n)
		must(t, err)
		before := e.state("desk")
		res := e.do("bob", "POST", desk, string(data))
		switch {
		case res.StatusCode == http.StatusCreated:
		case res.StatusCode == http.StatusBadRequest && strings.Contains(string(res.body), `"problems"`):
			if e.state("desk") != before {
				t.Errorf("%s: refused, yet the desk changed", filepath.Base(n))
			}
		default:
			t.Errorf("%s: status %d\n%s", filepath.Base(n), res.StatusCode, res.body)
		}
	}
}

// expectedHeaders reads one of the suite's *.headers files.
func expectedHeaders(t *testing.T, name string) http.Header {
	f, err := os.Open(sharedDir(t, "w3c-annotation-protocol/files/annotations") + "/" + name)
	must(t, err)
	defer f.Close()
	h := http.Header{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ": "); ok {
			h.Add(k, v)
		}
	}
	return h
}

// tokens splits comma-separated header values.
func tokens(values []string) []string {
	var out []string
	for _, v := range values {
		for _, t := range strings.Split(v, ",") {
			out = append(out, strings.TrimSpace(t))
		}
	}
	sort.Strings(out)
	return out
}

// checkHeaders compares a response with the suite's reference headers:
// Content-Type exactly, every Link, the Vary tokens, and the Allow
// methods (the reference server's OPTIONS lists extra methods a
// container does not support; wantAllow are the ones that count).
func checkHeaders(t *testing.T, r response, want http.Header, wantAllow string) {
	t.Helper()
	what := r.Request.Method + " " + r.Request.URL.String()
	if ct := want.Get("Content-Type"); ct != "" && r.Header.Get("Content-Type") != ct {
		t.Errorf("%s: Content-Type %q, want %q", what, r.Header.Get("Content-Type"), ct)
	}
	for _, link := range want.Values("Link") {
		if !slices.Contains(r.Header.Values("Link"), link) {
			t.Errorf("%s: no Link %s (got %q)", what, link, r.Header.Values("Link"))
		}
	}
	for _, v := range tokens(want.Values("Vary")) {
		if !slices.Contains(tokens(r.Header.Values("Vary")), v) {
			t.Errorf("%s: Vary %q lacks %s", what, r.Header.Values("Vary"), v)
		}
	}
	if got, want := tokens(r.Header.Values("Allow")), tokens([]string{wantAllow}); !slices.Equal(got, want) {
		t.Errorf("%s: Allow %v, want %v", what, got, want)
	}
	if et := r.Header.Get("ETag"); r.StatusCode < 300 && (!strings.HasPrefix(et, `"`) || !strings.HasSuffix(et, `"`)) {
		t.Errorf("%s: ETag %q is not a strong entity tag", what, et)
	}
}

func TestProtocolFixtures(t *testing.T) {
	anns := fixtures(t)
	engines(t, func(t *testing.T, e *env) {
		created := map[string]bool{}
		for name, body := range anns {
			res := e.do("bob", "POST", desk, body)
			if res.StatusCode != http.StatusCreated {
				t.Errorf("%s: POST status %d\n%s", name, res.StatusCode, res.body)
				continue
			}
			loc := res.Header.Get("Location")
			got := res.json(t)
			if got["id"] != loc || !strings.HasPrefix(loc, e.srv.URL+desk) {
				t.Errorf("%s: id %v, Location %q: want the same IRI, under the container", name, got["id"], loc)
			}
			if created[loc] {
				t.Errorf("%s: IRI %s given twice", name, loc)
			}
			created[loc] = true
			if via := fmt.Sprint(got["via"]); !strings.Contains(via, "http://example.org/anno") {
				t.Errorf("%s: the client's id is not kept as via: %v", name, got["via"])
			}
			if c, _ := got["creator"].(map[string]any); c["name"] != "bob" {
				t.Errorf("%s: creator %v, want the signed-in user bob", name, got["creator"])
			}
			checkHeaders(t, res, expectedHeaders(t, "annotation.headers"), "GET, HEAD, OPTIONS, PUT, DELETE")
			for _, m := range []string{"GET", "HEAD", "OPTIONS"} {
				r := e.do("vera", m, loc, "").expect(t, http.StatusOK)
				checkHeaders(t, r, expectedHeaders(t, "annotation.headers"), "GET, HEAD, OPTIONS, PUT, DELETE")
				if m != "GET" && len(r.body) > 0 {
					t.Errorf("%s %s: has a body", m, loc)
				}
			}
		}
		walk(t, e, len(created), created)
	})
}

// walk checks the container and follows next from its first page to the
// end, and prev back, expecting each created annotation exactly once.
func walk(t *testing.T, e *env, total int, want map[string]bool) {
	t.Helper()
	for _, m := range []string{"GET", "HEAD", "OPTIONS"} {
		res := e.do("vera", m, desk, "", "Accept: application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"").expect(t, http.StatusOK)
		checkHeaders(t, res, expectedHeaders(t, "collection.headers"), "GET, HEAD, OPTIONS, POST")
		if res.Header.Get("Accept-Post") == "" {
			t.Errorf("%s container: no Accept-Post", m)
		}
	}
	res := e.do("vera", "GET", desk, "")
	checkCORS(t, res)
	c := res.json(t)
	if c["id"] != res.Header.Get("Content-Location") || c["id"] != e.srv.URL+desk {
		t.Errorf("container id %v, Content-Location %q", c["id"], res.Header.Get("Content-Location"))
	}
	if types := fmt.Sprint(c["type"]); !strings.Contains(types, "BasicContainer") || !strings.Contains(types, "AnnotationCollection") {
		t.Errorf("container type %v", c["type"])
	}
	if ctx := fmt.Sprint(c["@context"]); !strings.Contains(ctx, "http://www.w3.org/ns/anno.jsonld") {
		t.Errorf("container @context %v", c["@context"])
	}
	if c["total"] != float64(total) {
		t.Fatalf("total %v, want %d", c["total"], total)
	}
	seen := map[string]bool{}
	url, _ := c["first"].(string)
	var pages []string
	for i := 0; url != ""; i++ {
		r := e.do("vera", "GET", url, "").expect(t, http.StatusOK)
		checkHeaders(t, r, expectedHeaders(t, "page.headers"), "GET, HEAD, OPTIONS")
		p := r.json(t)
		pages = append(pages, url)
		if p["type"] != "AnnotationPage" || p["startIndex"] != float64(i*pageSize) {
			t.Errorf("page %d: type %v startIndex %v", i, p["type"], p["startIndex"])
		}
		if part, _ := p["partOf"].(map[string]any); part["id"] != e.srv.URL+desk || part["total"] != float64(total) {
			t.Errorf("page %d: partOf %v", i, p["partOf"])
		}
		if _, hasPrev := p["prev"]; hasPrev != (i > 0) {
			t.Errorf("page %d: prev %v", i, p["prev"])
		} else if i > 0 && p["prev"] != pages[i-1] {
			t.Errorf("page %d: prev %v, want %s", i, p["prev"], pages[i-1])
		}
		items, _ := p["items"].([]any)
		for _, it := range items {
			a, _ := it.(map[string]any)
			id, _ := a["id"].(string)
			if _, ok := a["@context"]; !ok {
				t.Errorf("page %d: item %s has no @context", i, id)
			}
			if seen[id] {
				t.Errorf("page %d: %s listed twice", i, id)
			}
			seen[id] = true
		}
		url, _ = p["next"].(string)
		if url == "" && p["id"] != c["last"] {
			t.Errorf("last page %v, container says %v", p["id"], c["last"])
		}
	}
	if len(seen) != total || len(want) > 0 && !mapsEqual(seen, want) {
		t.Errorf("walked %d annotations, want %d", len(seen), total)
	}
}

// checkCORS compares a response's CORS headers with the suite's
// cors.headers: the same origin rule, and at least its request and
// exposed headers.
func checkCORS(t *testing.T, r response) {
	t.Helper()
	want := expectedHeaders(t, "cors.headers")
	if got := r.Header.Get("Access-Control-Allow-Origin"); got != want.Get("Access-Control-Allow-Origin") {
		t.Errorf("Access-Control-Allow-Origin %q, want %q", got, want.Get("Access-Control-Allow-Origin"))
	}
	for _, h := range []string{"Access-Control-Allow-Headers", "Access-Control-Expose-Headers"} {
		got := strings.ToLower(r.Header.Get(h))
		for _, name := range tokens(want.Values(h)) {
			if name == "Prefer" && h == "Access-Control-Expose-Headers" {
				continue // a response never carries Prefer (the suite checks that too); Preference-Applied is exposed
			}
			if !slices.Contains(tokens([]string{got}), strings.ToLower(name)) {
				t.Errorf("%s %q lacks %s", h, got, name)
			}
		}
	}
}

func mapsEqual(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}
