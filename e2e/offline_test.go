//go:build e2e

package e2e

import (
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
	if enc != "br" && enc != "gzip" {
		t.Errorf("app.wasm arrived with Content-Encoding %q, want br or gzip", enc)
	}
	if errs := p.Errors(); len(errs) > 0 {
		t.Errorf("the page reported errors online:\n%s", strings.Join(errs, "\n"))
	}

	srv.Stop()
	p.run(chromedp.Reload())
	p.waitMounted()
	var text string
	p.run(chromedp.Text("#library", &text, chromedp.ByQuery))
	if !strings.Contains(text, "No stories yet") {
		t.Errorf("offline start shows %q, want the empty library", text)
	}
}
