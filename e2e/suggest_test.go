//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSuggestAcceptRejectReload: Suggest shows dashed suggestions apart
// from the reader's annotations; a accepts one (it becomes an ordinary
// annotation), x rejects the next, Tab moves on; after a reload the
// accepted one is an annotation and the rejected one is not suggested
// again.
func TestSuggestAcceptRejectReload(t *testing.T) {
	_, p := openApp(t)
	p.addFiles(sampleFile(t))
	p.openStory("Vladimir Putin prayed")

	p.run(chromedp.Click("#suggest", chromedp.ByQuery))
	p.run(chromedp.WaitVisible(`#article mark[data-suggestion]`, chromedp.ByQuery))
	offered := p.count(`#article mark[data-suggestion]:not(mark[data-suggestion] mark)`)
	if offered < 3 {
		t.Fatalf("only %d suggestions on the sample article", offered)
	}
	if n := p.count(`#article mark[data-id]`); n != 0 {
		t.Errorf("%d annotations before accepting anything", n)
	}
	var first string
	p.run(chromedp.Evaluate(`document.querySelector('#article mark[data-suggestion].selected').dataset.suggestion`, &first))

	p.press("a") // accept the first
	p.waitCount(`#article mark[data-id]`, 1)
	var kind string
	p.run(chromedp.Evaluate(`document.querySelector('#article mark[data-id]').dataset.kind`, &kind))
	if !strings.HasPrefix(first, kind+":") {
		t.Errorf("accepted %s became a %s", first, kind)
	}
	p.waitCount(`#article mark[data-suggestion="`+first+`"]`, 0)

	current := func() string {
		var key string
		p.run(chromedp.Evaluate(`(document.querySelector('#article mark[data-suggestion].selected') || {dataset: {}}).dataset.suggestion || ""`, &key))
		return key
	}
	before := current()
	p.press("\t") // move on, then reject
	rejected := current()
	for deadline := time.Now().Add(10 * time.Second); rejected == before || rejected == ""; rejected = current() {
		if time.Now().After(deadline) {
			t.Fatal("Tab did not move to the next suggestion")
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.press("x")
	p.waitCount(`#article mark[data-suggestion="`+rejected+`"]`, 0)

	p.run(chromedp.Reload())
	p.waitCount(`#article mark[data-id]`, 1)
	p.run(chromedp.Click("#suggest", chromedp.ByQuery))
	p.run(chromedp.WaitVisible(`#article mark[data-suggestion]`, chromedp.ByQuery))
	if n := p.count(`#article mark[data-suggestion="` + rejected + `"]`); n != 0 {
		t.Errorf("the rejected suggestion %s came back after a reload", rejected)
	}
	if n := p.count(`#article mark[data-suggestion="` + first + `"]`); n != 0 {
		t.Errorf("the accepted suggestion %s is still offered", first)
	}
	// The accepted one is an ordinary annotation: listed and editable.
	p.press("\x1b") // Esc
	p.run(chromedp.WaitNotPresent("#suggestions", chromedp.ByQuery))
	p.run(chromedp.Click(`#sidebar li[data-id] button`, chromedp.ByQuery))
	p.run(chromedp.WaitVisible(`#editor`, chromedp.ByQuery))
}

// TestEnterRightAfterSuggestAcceptsTheFirst is issue 16's bug 11: pressing
// Suggest with the keyboard puts the focus on the first suggestion, so
// that Enter accepts it.
func TestEnterRightAfterSuggestAcceptsTheFirst(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	p.run(chromedp.Focus("#suggest", chromedp.ByQuery))
	p.press("\r")
	p.run(chromedp.WaitVisible(`#article mark[data-suggestion].selected`, chromedp.ByQuery))
	p.waitJS("the focus to leave the Suggest button", `document.activeElement?.id === "suggestions"`)
	p.press("\r")
	p.waitCount(`#article mark[data-id]`, 1)
}
