//go:build e2e

package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAppStartsOffline is the promise to classrooms with poor connectivity:
// load once, then the app starts with the server gone.
func TestAppStartsOffline(t *testing.T) {
	srv := startServer(t)
	p := newBrowser(t)

	p.run(chromedp.Navigate(srv.URL + "/"))
	p.waitMounted()
	p.waitOfflineReady()

	if foreign := sameOrigin(srv.URL, p.Requests()); len(foreign) > 0 {
		t.Errorf("the page loaded resources from outside its origin: %v", foreign)
	}
	enc := p.ResponseHeader(srv.URL+"/web/app.wasm", "Content-Encoding")
	t.Logf("app.wasm arrived with Content-Encoding %q", enc)
	if enc != "br" && enc != "gzip" {
		t.Errorf("app.wasm arrived with Content-Encoding %q, want br or gzip", enc)
	}
	if errs := p.Errors(); len(errs) > 0 {
		t.Errorf("the page reported errors online:\n%s", strings.Join(errs, "\n"))
	}

	srv.Stop()
	if res, err := http.Get(srv.URL); err == nil {
		res.Body.Close()
		t.Fatal("the server still answers after Stop")
	}
	p.run(chromedp.Reload())
	p.waitMounted()
	var fromWorker bool
	p.run(chromedp.Evaluate(`performance.getEntriesByType("navigation")[0].workerStart > 0`, &fromWorker))
	if !fromWorker {
		t.Error("the offline reload was not served by the service worker")
	}
	// The library reads IndexedDB after mounting: wait for its answer.
	p.run(chromedp.WaitVisible(`#library section.empty`, chromedp.ByQuery))
	if text := p.text("#library"); !strings.Contains(text, "No stories yet") {
		t.Errorf("offline start shows %q, want the empty library", text)
	}
}
