//go:build e2e

package e2e

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"
)

// wasmSize is the size in bytes of an app's app.wasm as built and as
// served compressed.
type wasmSize struct{ Raw, Gzip, Brotli int64 }

// wasmSizes reads the sizes of dir/web/app.wasm and its .gz and .br.
func wasmSizes(b *testing.B, dir string) wasmSize {
	b.Helper()
	size := func(name string) int64 {
		fi, err := os.Stat(filepath.Join(dir, "web", name))
		if err != nil {
			b.Fatalf("%v: run `make bench`", err)
		}
		return fi.Size()
	}
	return wasmSize{Raw: size("app.wasm"), Gzip: size("app.wasm.gz"), Brotli: size("app.wasm.br")}
}

// snapshot copies a built server binary and the web/ directory it serves
// into a private directory and returns a function that starts it there,
// with args, plus the directory. The checkout is shared: a rebuild during
// the run must not change the app halfway through its measurements.
func snapshot(b *testing.B, bin, web string, args ...string) (func(testing.TB) *server, string) {
	b.Helper()
	dir := b.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "web"), os.DirFS(web)); err != nil {
		b.Fatalf("%v: run `make bench`", err)
	}
	checkCompressed(b, filepath.Join(dir, "web", "app.wasm"), web)
	data, err := os.ReadFile(bin)
	if err != nil {
		b.Fatalf("%v: run `make bench`", err)
	}
	copied := filepath.Join(dir, filepath.Base(bin))
	if err := os.WriteFile(copied, data, 0o755); err != nil {
		b.Fatal(err)
	}
	return func(tb testing.TB) *server { return startProcess(tb, dir, "make bench", copied, args...) }, dir
}

// startTimes are an app's times to a mounted first screen, in ms: on a
// first visit and on an offline reload.
type startTimes struct{ First, Offline timings }

// measureStart is BenchmarkStart's probe, runs times: each run is a fresh
// server and a fresh browser profile (download, compile, run), then, once
// the service worker holds the app, a reload with the server stopped.
func measureStart(b *testing.B, start func(testing.TB) *server, runs int) startTimes {
	b.Helper()
	var st startTimes
	for range runs {
		srv := start(b)
		p := newBrowser(b)
		p.run(chromedp.Navigate(srv.URL + "/"))
		st.First = append(st.First, p.waitMounted())
		p.waitOfflineReady()
		srv.Stop()
		p.run(chromedp.Reload())
		st.Offline = append(st.Offline, p.waitMounted())
		chromedp.Cancel(p.ctx)
	}
	return st
}

// checkCompressed fails unless wasm.br and wasm.gz decompress to wasm, a
// copy of the app built in web: two builds racing in one checkout can leave
// them out of step, and the browser then fails to load the app at all.
func checkCompressed(b *testing.B, wasm, web string) {
	b.Helper()
	raw, err := os.ReadFile(wasm)
	if err != nil {
		b.Fatal(err)
	}
	for ext, open := range map[string]func(io.Reader) (io.Reader, error){
		".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
	} {
		f, err := os.Open(wasm + ext)
		if err != nil {
			b.Fatalf("%v: run `make bench`", err)
		}
		r, err := open(f)
		var got []byte
		if err == nil {
			got, err = io.ReadAll(r)
		}
		f.Close()
		if err != nil || !bytes.Equal(got, raw) {
			b.Fatalf("%s: app.wasm%s is not app.wasm compressed (%v): another build raced this one; compress it again (`go run ./cmd/precompress %s`)", web, ext, err, filepath.Join(web, "app.wasm"))
		}
	}
}
