//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots saves what a reader sees, on a desktop and a phone-sized
// screen, into $SCREENSHOTS (skipped when unset): `SCREENSHOTS=docs make e2e`
// refreshes the README's pictures.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("set SCREENSHOTS=dir to save screenshots")
	}
	srv := startServer(t)
	p := newBrowser(t)
	p.run(chromedp.Navigate(srv.URL + "/"))
	p.waitMounted()
	p.addFiles(sampleFile(t))
	p.waitCount("li.story", 1)
	shot(t, p, filepath.Join(dir, "library.png"))

	p.openStory("Vladimir Putin prayed")
	for i, tag := range []struct{ text, key string }{
		{"super smart", "q"}, {"a bad guy", "q"}, {"prayed for the US president", "c"}, {"Butler, Pennsylvania", "n"},
	} {
		p.selectText("#article", tag.text)
		p.press(tag.key)
		p.waitCount(`#sidebar li[data-id]`, i+1)
	}
	shot(t, p, filepath.Join(dir, "story.png"))

	p.run(chromedp.EmulateViewport(390, 844))
	shot(t, p, filepath.Join(dir, "story-phone.png"))
}

func shot(t *testing.T, p *page, path string) {
	t.Helper()
	var png []byte
	p.run(chromedp.CaptureScreenshot(&png))
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
