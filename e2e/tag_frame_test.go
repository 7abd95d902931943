//go:build e2e

package e2e

import (
	"testing"
)

// savingJS is the text of the article's marks that say they are being
// saved, joined: the tags drawn before their writes commit.
const savingJS = `[...document.querySelectorAll("#article mark[data-saving]")].map(m => m.textContent).join("|")`

// armFrameJS records, in the same dispatch of the next keydown (after the
// app's own listener, before the browser can paint), which marks say they
// are being saved.
const armFrameJS = `(() => {
	window.tagFrame = null;
	addEventListener("keydown", () => { window.tagFrame = ` + savingJS + `; }, { once: true });
})()`

// TestTagIsDrawnInTheFrameOfItsKeypress: the new mark is in the DOM when the
// keydown's dispatch ends, saying it is being saved (data-saving) until its
// IndexedDB write commits; a reload right after the keypress finds it.
func TestTagIsDrawnInTheFrameOfItsKeypress(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	p.selectText("#article", "super smart")
	p.eval(armFrameJS, nil)
	p.press("q")
	var drawn string
	p.eval(`window.tagFrame`, &drawn)
	if drawn != "super smart" {
		t.Errorf("in the keypress's dispatch the saving marks read %q, want %q", drawn, "super smart")
	}
	p.waitCount("#annotations li", 1)
	p.waitCount("#article mark[data-saving]", 0)
	id := p.sidebarIDs()[0]
	p.waitStored(id, "kind", "quote")
	if got := p.markText(id); got != "super smart" {
		t.Errorf("the stored tag highlights %q", got)
	}

	// Reload at once: the write may not have committed, the tag is kept.
	p.selectText("#article", "a bad guy")
	p.press("c")
	p.reloadStory()
	p.waitCount("#annotations li", 2)
	p.waitJS("the claim on its words", `[...document.querySelectorAll("#article mark[data-kind=claim]")].map(m => m.textContent).join("") === "a bad guy"`)
	p.waitCount("#article mark[data-saving]", 0)
}

// TestRefusedTagGoesAndSaysWhy: when the IndexedDB write fails, the mark
// drawn at the keypress goes and the reason shows.
func TestRefusedTagGoesAndSaysWhy(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	p.eval(`(() => {
		window.realPut = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function () { throw new DOMException("the disk is full (test)", "QuotaExceededError"); };
	})()`, nil)
	p.selectText("#article", "super smart")
	p.eval(armFrameJS, nil)
	p.press("q")
	var drawn string
	p.eval(`window.tagFrame`, &drawn)
	if drawn != "super smart" {
		t.Errorf("in the keypress's dispatch the saving marks read %q, want %q", drawn, "super smart")
	}
	p.waitJS("the reason", `document.querySelector("#status[role=alert]")?.textContent.includes("disk is full")`)
	p.waitCount("#article mark", 0)
	if n := p.count("#annotations li"); n != 0 {
		t.Errorf("%d annotations listed after a refused tag", n)
	}
	p.eval(`IDBObjectStore.prototype.put = window.realPut`, nil)
	p.reloadStory()
	p.waitJS("the story", `document.querySelector("#count")?.textContent.startsWith("0 annotations")`)
	if n := p.count("#article mark"); n != 0 {
		t.Errorf("a refused tag came back after a reload: %d marks", n)
	}
}
