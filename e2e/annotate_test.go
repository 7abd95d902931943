//go:build e2e

package e2e

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/redline-news/redline/internal/annotation"
)

// TestTagQuoteKeepsItThroughReloadOfflineAndExport is the annotator's
// promise, as a new user meets it: add the sample article through the file
// input, select "super smart", press q; the quote is there after a reload,
// after the server is gone, and in the export.
func TestTagQuoteKeepsItThroughReloadOfflineAndExport(t *testing.T) {
	srv, p := openApp(t)

	p.addFiles(sampleFile(t))
	p.openStory("Vladimir Putin prayed")
	p.selectText("#article", "super smart")
	p.press("q")

	const quote = `#article mark[data-kind="quote"]`
	p.waitCount(quote, 1)
	var id string
	p.run(chromedp.Evaluate(`document.querySelector('`+quote+`').dataset.id`, &id))
	if !strings.HasPrefix(id, "urn:uuid:") {
		t.Errorf("mark data-id = %q, want the annotation's urn:uuid id", id)
	}
	// Read in one step: the page may draw the paragraph again between a
	// query and a read (the new mark becomes the selected one).
	var got string
	p.eval(`document.querySelector('`+quote+`').textContent`, &got)
	if got != "super smart" {
		t.Errorf("mark text = %q, want \"super smart\"", got)
	}

	p.run(chromedp.Reload())
	p.waitCount(quote, 1)
	// One read in the page: the article is drawn in chunks after a reload,
	// and a node found by one query can be drawn again before the next.
	p.waitJS("the mark holds super smart after the reload", `document.querySelector('`+quote+`')?.textContent === "super smart"`)

	p.waitOfflineReady()
	srv.Stop()
	if res, err := http.Get(srv.URL); err == nil {
		res.Body.Close()
		t.Fatal("server still up")
	}
	p.run(chromedp.Reload())
	p.waitCount(quote, 1)
	var offlineID string
	p.run(chromedp.Evaluate(`document.querySelector('`+quote+`').dataset.id`, &offlineID))
	if offlineID != id {
		t.Errorf("offline the mark has id %q, want %q", offlineID, id)
	}

	next := p.downloads()
	p.run(chromedp.Click("#export-json", chromedp.ByQuery))
	data := next()
	if problems := annotation.Validate(data); len(problems) > 0 {
		t.Fatalf("the export fails W3C validation: %v", problems)
	}
	anns, err := annotation.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(anns) != 1 || anns[0].ID != id || anns[0].Kind != annotation.KindQuote || anns[0].Target.Selector.Quote.Exact != "super smart" {
		t.Errorf("export holds %+v", anns)
	}
	var raw map[string]any
	json.Unmarshal(data, &raw)
	if raw["type"] != "AnnotationCollection" {
		t.Errorf("export type = %v, want AnnotationCollection", raw["type"])
	}
	if errs := p.Errors(); len(errs) > 0 {
		t.Logf("browser errors (offline fetch failures are expected after the server stops):\n%s", strings.Join(errs, "\n"))
	}
}
