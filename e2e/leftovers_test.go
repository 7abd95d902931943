//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The leftovers of issue 16 and tester 3's minor findings.

// TestHelpOpensAtItsTop: the shortcuts dialog opened with ? shows its
// heading and first shortcuts, with the focus on its heading; it opened
// scrolled to Close, at its end, on a small screen.
func TestHelpOpensAtItsTop(t *testing.T) {
	_, p := openApp(t)
	p.run(chromedp.EmulateViewport(390, 500))
	p.openSample()
	p.run(chromedp.Focus("#article", chromedp.ByQuery))
	p.press("?")
	p.waitJS("the shortcuts dialog", `document.querySelector("#shortcuts")?.matches(":modal")`)
	p.waitJS("the focus in the dialog", `document.querySelector("#shortcuts").contains(document.activeElement)`)
	if !p.evalBool(`document.querySelector("#shortcuts").scrollHeight > document.querySelector("#shortcuts").clientHeight`) {
		t.Log("the dialog fits this screen: the test shows less than it should")
	}
	if id := p.evalString(`document.activeElement.id`); id != "shortcuts-title" {
		t.Errorf("the focus is on %q, want the dialog's heading", id)
	}
	if top := p.evalFloat(`document.querySelector("#shortcuts").scrollTop`); top != 0 {
		t.Errorf("the dialog opens scrolled %.0f px down, want at its top", top)
	}
}

// TestUndatedRevisionsAreToldApart: two undated revisions added the same
// day read "#1 (undated, added D) → #2 (undated, added D)", not the same
// words twice, and the timeline's labels are not cut at its edges, at a
// desktop's width and a phone's.
func TestUndatedRevisionsAreToldApart(t *testing.T) {
	_, p := openApp(t)
	p.addFiles(writeFile(t, "harbour.txt", "Harbour dredging approved\n\nThe port authority approved the plan on Tuesday after a long debate.\n\nWork starts in May.\n"))
	p.openStory("Harbour dredging")
	p.run(chromedp.SetUploadFiles(`#revision-file`, []string{writeFile(t, "harbour-2.txt", "Harbour dredging approved\n\nThe port authority approved the plan on Tuesday after a short debate.\n\nWork starts in June.\n")}, chromedp.ByQuery))
	p.waitCount(`#revisions button.revision`, 2)
	p.waitCount("#compare", 1)
	summary := p.text("#diff-summary")
	if !strings.HasPrefix(summary, "#1 (undated, added ") || !strings.Contains(summary, " → #2 (undated, added ") {
		t.Errorf("the comparison reads %q, want the revisions named by number", summary)
	}
	for _, w := range []int64{1280, 390} {
		p.run(chromedp.EmulateViewport(w, 800))
		p.waitCount("#timeline text", 2)
		var cut []string
		p.eval(`(() => { const box = document.querySelector("#timeline").getBoundingClientRect();
			return [...document.querySelectorAll("#timeline text")].filter(t => { const r = t.getBoundingClientRect();
				return r.left < box.left - 0.5 || r.right > box.right + 0.5; }).map(t => t.textContent); })()`, &cut)
		if len(cut) > 0 {
			t.Errorf("at %d px wide the timeline cuts its labels %q", w, cut)
		}
		var labels []string
		p.eval(`[...document.querySelectorAll("#timeline text")].map(t => t.textContent)`, &labels)
		if len(labels) == 2 && labels[0] == labels[1] {
			t.Errorf("the timeline's labels read alike: %q", labels)
		}
	}
}

func (p *page) evalString(js string) string {
	p.t.Helper()
	var s string
	p.eval(`String(`+js+`)`, &s)
	return s
}

func (p *page) evalFloat(js string) float64 {
	p.t.Helper()
	var f float64
	p.eval(`Number(`+js+`)`, &f)
	return f
}

// TestDeletePressedTwiceDeletesOnce is tester 4's bug 1: Delete in the
// editor pressed again before the deletion is done (a space typed on the
// still focused button) deleted a second time and showed a raw
// "annotation urn:uuid:…: not found".
func TestDeletePressedTwiceDeletesOnce(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	id := p.tag("super smart", "n")
	p.eval(`(() => { const b = document.querySelector("#edit-delete"); b.click(); b.click(); })()`, nil)
	p.waitCount(item(id), 0)
	p.waitJS("the deletion said", `document.querySelector("#status")?.textContent.includes("Deleted")`)
	p.run(chromedp.Sleep(800 * time.Millisecond)) // a second deletion would have failed by now
	if got := p.text("#status"); !strings.Contains(got, "Deleted") {
		t.Errorf("after Delete pressed twice the status reads %q", got)
	}
}
