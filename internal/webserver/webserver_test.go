package webserver

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/andybalholm/brotli"
)

// writeWasm writes a fake app.wasm and its compressed variants into a
// temporary directory, as the build does.
func writeWasm(t *testing.T, content []byte, variants ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), content, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, v := range variants {
		var buf bytes.Buffer
		var w io.WriteCloser
		switch v {
		case ".br":
			w = brotli.NewWriter(&buf)
		case ".gz":
			w = gzip.NewWriter(&buf)
		}
		w.Write(content)
		w.Close()
		if err := os.WriteFile(filepath.Join(dir, "app.wasm"+v), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestWasmServedByAcceptEncoding(t *testing.T) {
	content := bytes.Repeat([]byte("\x00asm fake module "), 1000)
	dir := writeWasm(t, content, ".br", ".gz")
	wasm, err := LoadWasm(dir)
	if err != nil {
		t.Fatal(err)
	}
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "page") })
	srv := Handler(wasm, next)

	tests := []struct {
		accept, wantEncoding string
	}{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"", ""},
		{"identity", ""},
		{"*", "br"},
		{"*;q=0", ""},
	}
	for _, tt := range tests {
		t.Run(tt.accept, func(t *testing.T) {
			req := httptest.NewRequest("GET", WasmPath, nil)
			req.Header.Set("Accept-Encoding", tt.accept)
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			res := rec.Result()
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			if got := res.Header.Get("Content-Encoding"); got != tt.wantEncoding {
				t.Errorf("Content-Encoding = %q, want %q", got, tt.wantEncoding)
			}
			if got := res.Header.Get("Content-Type"); got != "application/wasm" {
				t.Errorf("Content-Type = %q", got)
			}
			if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary = %q", got)
			}
			if got := res.Header.Get("X-Uncompressed-Length"); got != strconv.Itoa(len(content)) {
				t.Errorf("X-Uncompressed-Length = %q", got)
			}
			if got := decode(t, res); !bytes.Equal(got, content) {
				t.Errorf("body does not decode to the wasm (%d bytes)", len(got))
			}
		})
	}
}

func decode(t *testing.T, res *http.Response) []byte {
	t.Helper()
	var r io.Reader = res.Body
	switch res.Header.Get("Content-Encoding") {
	case "br":
		r = brotli.NewReader(r)
	case "gzip":
		gz, err := gzip.NewReader(r)
		if err != nil {
			t.Fatal(err)
		}
		r = gz
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestMissingVariantFallsBack(t *testing.T) {
	content := []byte("wasm")
	wasm, err := LoadWasm(writeWasm(t, content, ".gz"))
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", WasmPath, nil)
	req.Header.Set("Accept-Encoding", "br, gzip")
	rec := httptest.NewRecorder()
	wasm.ServeHTTP(rec, req)
	if got := rec.Result().Header.Get("Content-Encoding"); got != "gzip" {
		t.Errorf("Content-Encoding = %q, want gzip when no .br exists", got)
	}
}

func TestVersionIsContentHash(t *testing.T) {
	a1, _ := LoadWasm(writeWasm(t, []byte("build one")))
	a2, _ := LoadWasm(writeWasm(t, []byte("build one")))
	b, _ := LoadWasm(writeWasm(t, []byte("build two")))
	if a1.Version != a2.Version {
		t.Errorf("same content, different versions %q %q", a1.Version, a2.Version)
	}
	if a1.Version == b.Version {
		t.Errorf("different content, same version %q", a1.Version)
	}
	if a1.Size != int64(len("build one")) {
		t.Errorf("Size = %d", a1.Size)
	}
}

func TestLoadWasmMissing(t *testing.T) {
	if _, err := LoadWasm(t.TempDir()); err != ErrNoWasm {
		t.Errorf("err = %v, want ErrNoWasm", err)
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	wasm, _ := LoadWasm(writeWasm(t, []byte("w")))
	srv := Handler(wasm, http.NotFoundHandler())
	for _, path := range []string{"/", WasmPath, "/web/icon.svg"} {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if got := rec.Result().Header.Get("Content-Security-Policy"); got != ContentSecurityPolicy {
			t.Errorf("%s: CSP = %q", path, got)
		}
	}
}

// The core's wasm is served at its own path, pre-compressed like app.wasm,
// and the page's wasm is not mistaken for it.
func TestCoreWasmServedBeside(t *testing.T) {
	dir := writeWasm(t, []byte("page"))
	if err := os.WriteFile(filepath.Join(dir, CoreName), []byte("core"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, CoreName+".br"), []byte("core.br"), 0o644); err != nil {
		t.Fatal(err)
	}
	page, _ := LoadWasm(dir)
	core, err := LoadNamed(dir, CoreName)
	if err != nil {
		t.Fatal(err)
	}
	srv := Handler(page, http.NotFoundHandler(), core)
	for path, want := range map[string]string{"/web/core.wasm": "core.br", WasmPath: "page"} {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept-Encoding", "br")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if got := rec.Body.String(); rec.Code != http.StatusOK || got != want {
			t.Errorf("%s: %d %q, want %q", path, rec.Code, got, want)
		}
	}
	if _, err := LoadNamed(t.TempDir(), CoreName); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing core: err = %v, want fs.ErrNotExist", err)
	}
}
