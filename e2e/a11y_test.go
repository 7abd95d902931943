//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/redline-news/redline/internal/annotation"
)

// TestKeyboardOnlyMainFlow adds the sample, opens it, tags, edits and
// exports with the keyboard alone (only the text selection is made by
// script: selecting text from the keyboard needs caret browsing), and
// checks every control reached with Tab shows where the focus is.
func TestKeyboardOnlyMainFlow(t *testing.T) {
	_, p := openApp(t)
	next := p.downloads()

	p.tabTo("#add-sample")
	p.press("\r")
	p.waitCount("li.story", 1)
	p.tabTo("li.story a.title")
	p.press("\r")
	p.waitCount("#article p", 0) // the wait below needs the story page
	p.run(chromedp.WaitVisible("#article p", chromedp.ByQuery))

	p.selectText("#article", "super smart")
	p.press("q")
	p.waitCount(`#editor`, 1)
	p.press("\r") // Enter: edit the current annotation
	p.waitJS("the focus in the speaker field", `document.activeElement?.id === "edit-speaker"`)
	p.press("Steve Witkoff")
	p.press("\t") // leaving the field saves it
	p.waitJS("the speaker saved", `document.querySelector("#annotations li .who")?.textContent === "— Steve Witkoff"`)
	p.press("\x1b") // leave the field
	p.press("\x1b") // deselect
	p.waitCount("#editor", 0)

	p.tabTo("#export-json")
	p.press("\r")
	anns := decodeExport(t, next())
	if len(anns) != 1 || anns[0].Speaker != "Steve Witkoff" || anns[0].Kind != annotation.KindQuote {
		t.Errorf("the keyboard-made export holds %+v", anns)
	}
}

// TestEnterActivatesButtonsWhileAnAnnotationIsSelected: with an
// annotation selected, Enter on a focused button must still press it.
func TestEnterActivatesButtonsWhileAnAnnotationIsSelected(t *testing.T) {
	_, p := openApp(t)
	next := p.downloads()
	p.openSample()
	p.tag("super smart", "q")
	p.tabTo("#export-json")
	p.press("\r")
	decodeExport(t, next())
}

// TestControlsHaveLabelsAndFocusShows: every form control on every screen
// has a label, and every control Tab reaches is visibly focused.
func TestControlsHaveLabelsAndFocusShows(t *testing.T) {
	_, p := openApp(t)
	p.click("#add-sample")
	p.waitCount("li.story", 1)
	p.click("li.story .rename-story")
	p.waitCount("li.story .rename-input", 1)
	p.assertLabelled("the library")
	p.assertFocusVisible("the library")

	p.reloadLibrary()
	p.openStory("putin-prayed")
	p.tag("super smart", "q")
	p.assertLabelled("a quote's editor")
	p.tag("a bad guy", "c")
	p.assertLabelled("a claim's editor")
	p.assertFocusVisible("the story")
	p.click("#import")
	p.waitCount("#import-dialog", 1)
	p.assertLabelled("the import dialog")
}

// TestUsableOnAPhone: at 390×844 nothing scrolls sideways, on any screen,
// and tagging works.
func TestUsableOnAPhone(t *testing.T) {
	_, p := openApp(t)
	p.run(chromedp.EmulateViewport(390, 844))
	p.assertNoSidewaysScroll("the empty library")
	p.click("#add-sample")
	p.waitCount("li.story", 1)
	p.assertNoSidewaysScroll("the library")
	p.openStory("putin-prayed")
	p.assertNoSidewaysScroll("the story")
	p.tag("super smart", "q")
	p.tag("prayed for the US president", "c")
	p.assertNoSidewaysScroll("the story with the editor open")
	p.press("?")
	p.waitCount("#shortcuts", 1)
	p.assertNoSidewaysScroll("the shortcuts dialog")
	p.press("\x1b")
	p.click("#import")
	p.waitCount("#import-dialog", 1)
	p.assertNoSidewaysScroll("the import dialog")
}

// tabTo presses Tab until the element matching selector has the focus,
// checking on the way that every control reached shows its focus.
func (p *page) tabTo(selector string) {
	p.t.Helper()
	for range 60 {
		p.press("\t")
		if p.evalBool(`document.activeElement?.matches(` + jsString(selector) + `)`) {
			if what := p.focusInvisible(); what != "" {
				p.t.Errorf("no visible focus on %s", what)
			}
			return
		}
	}
	p.t.Fatalf("Tab never reached %s", selector)
}

// focusInvisible describes the focused element if nothing shows the focus
// (an outline on it, or on the label of a visually hidden input); "" if
// the focus shows.
func (p *page) focusInvisible() string {
	p.t.Helper()
	var s string
	p.eval(`(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return "";
		const shows = e => { const s = getComputedStyle(e); return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none"; };
		const label = el.id && document.querySelector('label[for="' + el.id + '"]');
		if (el.classList.contains("visually-hidden")) return label && shows(label) ? "" : el.outerHTML.slice(0, 120) + " (hidden; its label shows no focus)";
		if (shows(el)) return "";
		return el.outerHTML.slice(0, 120);
	})()`, &s)
	return s
}

// assertFocusVisible tabs through every control of the page and fails for
// each one that does not show its focus.
func (p *page) assertFocusVisible(screen string) {
	p.t.Helper()
	p.eval(`window.getSelection().removeAllRanges(); document.querySelector("a.home").focus()`, nil) // Tab from the top
	seen := map[string]bool{}
	for range 80 {
		p.press("\t")
		var id string
		p.eval(`(() => { const el = document.activeElement; return el === document.body ? "" : el.tagName + "#" + el.id + "." + el.className + ":" + el.textContent.slice(0, 30); })()`, &id)
		if id == "" || seen[id] {
			p.t.Logf("%s: %d controls reached with Tab", screen, len(seen))
			return
		}
		seen[id] = true
		if what := p.focusInvisible(); what != "" {
			p.t.Errorf("%s: no visible focus on %s", screen, what)
		}
	}
}

// assertLabelled fails for every input, select and textarea without a
// label.
func (p *page) assertLabelled(screen string) {
	p.t.Helper()
	var bare []string
	p.eval(`[...document.querySelectorAll("input, select, textarea")].filter(el =>
		!(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.closest("label") ||
		  (el.id && document.querySelector('label[for="' + el.id + '"]')))).map(el => el.outerHTML.slice(0, 120))`, &bare)
	if len(bare) > 0 {
		p.t.Errorf("%s: controls without a label: %s", screen, strings.Join(bare, ", "))
	}
}

func (p *page) assertNoSidewaysScroll(screen string) {
	p.t.Helper()
	var widths []int
	p.eval(`[document.documentElement.scrollWidth, innerWidth]`, &widths)
	if widths[0] > widths[1] {
		var wide []string
		p.eval(`[...document.querySelectorAll("body *")].filter(el => el.getBoundingClientRect().right > innerWidth + 1).slice(0, 5).map(el => el.outerHTML.slice(0, 100))`, &wide)
		p.t.Errorf("%s scrolls sideways at 390 px (%d px wide): %q", screen, widths[0], wide)
	}
}
