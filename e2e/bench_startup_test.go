//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// wasmSize is the size in bytes of an app's app.wasm as built and as
// served compressed.
type wasmSize struct{ Raw, Gzip, Brotli int64 }

// wasmSizes reads the sizes of dir/web/app.wasm and its .gz and .br.
func wasmSizes(b *testing.B, dir string) wasmSize { return wasmSizesOf(b, dir, "app.wasm") }

// wasmSizesOf reads the sizes of dir/web/name and its .gz and .br.
func wasmSizesOf(b *testing.B, dir, name string) wasmSize {
	b.Helper()
	size := func(name string) int64 {
		fi, err := os.Stat(filepath.Join(dir, "web", name))
		if err != nil {
			b.Fatalf("%v: run `make bench`", err)
		}
		return fi.Size()
	}
	return wasmSize{Raw: size(name), Gzip: size(name + ".gz"), Brotli: size(name + ".br")}
}

// startBuilt starts a server binary that `make bench` built into dir,
// beside the web/ it serves.
func startBuilt(dir, bin string, args ...string) func(testing.TB) *server {
	return func(tb testing.TB) *server {
		return startProcess(tb, dir, "make bench", filepath.Join(dir, bin), args...)
	}
}

// startTimes are an app's times to a mounted first screen, in ms: on a
// first visit and on an offline reload.
type startTimes struct{ First, Offline timings }

// measureStart times start-up runs times: each run is a fresh
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
