package ui

import (
	"io"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestHandlerServesOnlySameOriginAssets renders the page, manifest and
// service worker and checks that nothing they load or pre-cache points
// outside the origin: one bad URL leaves the offline cache empty.
func TestHandlerServesOnlySameOriginAssets(t *testing.T) {
	Routes()
	h := Handler(t.TempDir(), "v1", 1234)
	external := regexp.MustCompile(`(src|href)="(https?:)?//|"https?://[^"]+\.(png|svg|js|css|wasm)"`)
	for _, path := range []string{"/", "/manifest.webmanifest", "/app-worker.js", "/app.js"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		body, _ := io.ReadAll(rec.Result().Body)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", path, rec.Code)
		}
		if m := external.Find(body); m != nil {
			t.Errorf("%s refers to an external resource: %s", path, m)
		}
		if strings.Contains(string(body), "./web/") {
			t.Errorf("%s has a relative ./web/ URL, which breaks below /", path)
		}
	}
}

func TestServiceWorkerFallsBackToShell(t *testing.T) {
	w := serviceWorker()
	if !strings.Contains(w, `request.mode === "navigate"`) {
		t.Error("service worker lacks the offline navigation fallback")
	}
	for _, want := range []string{"/web/app.wasm", "/web/icon-192.png", "/web/redline.css", "/web/redline.js"} {
		rec := httptest.NewRecorder()
		Handler(t.TempDir(), "v1", 1).ServeHTTP(rec, httptest.NewRequest("GET", "/app-worker.js", nil))
		if !strings.Contains(rec.Body.String(), `"`+want+`"`) {
			t.Errorf("service worker does not pre-cache %s", want)
		}
	}
}

func TestResourcesResolve(t *testing.T) {
	tests := map[string]string{
		"":                      "/",
		"/":                     "/",
		"/web/app.wasm":         "/web/app.wasm",
		"web/icon.svg":          "/web/icon.svg",
		"/app.js":               "/app.js",
		"https://example.com/a": "https://example.com/a",
	}
	for in, want := range tests {
		if got := (resources{}).Resolve(in); got != want {
			t.Errorf("Resolve(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLoaderChanges: the app.js served has every change of
// loaderChanges made (the compiler gets the fetched Response, the service
// worker registers after the first screen), and the page preloads
// app.wasm. It fails when a go-app upgrade changes its loader, rather
// than lose them unnoticed.
func TestLoaderChanges(t *testing.T) {
	h := Handler(t.TempDir(), "v1", 1)
	for _, path := range []string{"/app.js", "/goapp.js"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		js := rec.Body.String()
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", path, rec.Code)
		}
		for _, c := range loaderChanges {
			if !strings.Contains(js, c.new) || strings.Count(js, c.old) != strings.Count(c.new, c.old) {
				t.Errorf("%s lacks the change to %q:\n%s", path, c.new, js)
			}
		}
		if n := rec.Result().Header.Get("Content-Length"); n != strconv.Itoa(len(js)) {
			t.Errorf("%s: Content-Length %s for %d bytes", path, n, len(js))
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !strings.Contains(rec.Body.String(), `<link rel="preload" href="/web/app.wasm" as="fetch" crossorigin="anonymous">`) {
		t.Error("the page does not preload app.wasm")
	}
	// A revalidation still gets go-app's 304, with no body.
	etag := rec.Result().Header.Get("ETag")
	req := httptest.NewRequest("GET", "/app.js", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 304 || rec.Body.Len() != 0 {
		t.Errorf("revalidating app.js: status %d, %d bytes; want 304 and none", rec.Code, rec.Body.Len())
	}
}
