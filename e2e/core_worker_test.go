//go:build e2e

package e2e

import (
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
)

// coreCached is true once the service worker's cache holds the core's
// worker script and wasm.
const coreCached = `(async () => {
	for (const key of await caches.keys()) {
		const c = await caches.open(key);
		if (await c.match("/web/core-worker.js") && await c.match("/web/core.wasm")) return true;
	}
	return false;
})()`

// TestCoreWorksOfflineFromFirstVisit: the engines' worker (core.wasm) is
// pre-cached on the first visit like the page itself, so with the server
// gone a story is still parsed, a revision diffed and its quote carried.
func TestCoreWorksOfflineFromFirstVisit(t *testing.T) {
	srv := startServer(t)
	p := newBrowser(t)
	p.run(chromedp.Navigate(srv.URL + "/"))
	p.waitMounted()
	p.waitOfflineReady()
	p.waitJS("the core's worker and wasm in the service worker's cache", coreCached)
	enc := p.ResponseHeader(srv.URL+"/web/core.wasm", "Content-Encoding")
	if enc != "br" && enc != "gzip" {
		t.Errorf("core.wasm arrived with Content-Encoding %q, want br or gzip", enc)
	}

	srv.Stop()
	if res, err := http.Get(srv.URL); err == nil {
		res.Body.Close()
		t.Fatal("the server still answers after Stop")
	}
	p.run(chromedp.Reload())
	p.waitMounted()

	p.addFiles(sampleFile(t)) // parsed in the worker
	p.openStory("putin-prayed")
	p.selectText("#article", "super smart")
	p.press("q")
	p.waitCount(`#article mark[data-kind="quote"]`, 1)
	p.run(chromedp.SetUploadFiles(`#page input[type="file"]`, []string{laterRevision(t)}, chromedp.ByQuery))
	p.waitCount(`#diff ins`, 1) // diffed and migrated in the worker
	if got := p.text(`#diff ins`); got != "very" {
		t.Errorf("<ins> = %q, want \"very\"", got)
	}
	p.waitCount(`#article mark[data-status="changed"]`, 1)
}
