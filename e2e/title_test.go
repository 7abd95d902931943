//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTabTitleNamesTheStory is tester 5's finding: a story's tab kept the
// app's title, so several tabs of stories (which the app encourages) could
// not be told apart, nor by a screen reader. A story's tab is named after
// it; the library's is the app's again.
func TestTabTitleNamesTheStory(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	p.waitJS("the story's title on its tab", `document.title.includes("Vladimir Putin prayed") && document.title.endsWith(" — Redline")`)
	p.run(chromedp.NavigateBack())
	p.waitMounted()
	p.waitJS("the app's title on the library's tab", `document.title === "Redline — annotate the news"`)
}
