package webserver

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
)

// WasmPath is where go-app's loader fetches the client binary.
const WasmPath = "/web/app.wasm"

// encodings are the pre-compressed variants, best first: the file suffix
// and the Content-Encoding it is served with.
var encodings = []struct{ suffix, name string }{
	{".br", "br"},
	{".gz", "gzip"},
}

// CoreName is the core's wasm (cmd/redline-core), which the page's
// worker fetches from /web/ beside app.wasm.
const CoreName = "core.wasm"

// Wasm is a built wasm binary and its pre-compressed variants.
type Wasm struct {
	dir, name string
	Size      int64  // uncompressed size in bytes (go-app's WasmContentLength)
	Version   string // content hash: the same build always has the same version
}

// ErrNoWasm means the client has not been built.
var ErrNoWasm = errors.New("web/app.wasm not found: build the client first (make build)")

// LoadWasm finds dir/app.wasm, measures it and derives the version from its
// content. Compressed variants (app.wasm.br, app.wasm.gz) are optional.
func LoadWasm(dir string) (*Wasm, error) {
	w, err := LoadNamed(dir, "app.wasm")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNoWasm
	}
	return w, err
}

// LoadNamed is LoadWasm for another wasm of dir, served at /web/name; a
// missing file is an fs.ErrNotExist.
func LoadNamed(dir, name string) (*Wasm, error) {
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return &Wasm{dir: dir, name: name, Size: n, Version: hex.EncodeToString(h.Sum(nil))[:16]}, nil
}

// Path is where the wasm is served.
func (w *Wasm) Path() string { return "/web/" + w.name }

// ServeHTTP sends the best variant the client accepts. The uncompressed
// size travels in X-Uncompressed-Length too, for tools that want it.
func (w *Wasm) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	h := rw.Header()
	h.Set("Content-Type", "application/wasm")
	h.Add("Vary", "Accept-Encoding")
	h.Set("X-Uncompressed-Length", strconv.FormatInt(w.Size, 10))
	name := w.name
	for _, enc := range encodings {
		if !accepts(r.Header.Get("Accept-Encoding"), enc.name) {
			continue
		}
		if _, err := os.Stat(filepath.Join(w.dir, name+enc.suffix)); err == nil {
			name += enc.suffix
			h.Set("Content-Encoding", enc.name)
			break
		}
	}
	f, err := os.Open(filepath.Join(w.dir, name))
	if err != nil {
		http.Error(rw, w.name+" is missing", http.StatusNotFound)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		http.Error(rw, w.name+" is unreadable", http.StatusInternalServerError)
		return
	}
	// ServeContent handles ranges and conditional requests; the ETag makes
	// each variant of each build distinct.
	h.Set("ETag", strconv.Quote(w.Version+"-"+h.Get("Content-Encoding")))
	http.ServeContent(rw, r, "", info.ModTime(), f)
}
