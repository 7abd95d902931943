//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
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
	p.openStory("Vladimir Putin prayed")
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
	p.openStory("Vladimir Putin prayed")
	p.assertNoSidewaysScroll("the story")
	p.tag("super smart", "q")
	p.tag("prayed for the US president", "c")
	p.assertNoSidewaysScroll("the story with the editor open")
	p.press("?")
	p.waitCount("#shortcuts", 1)
	p.assertNoSidewaysScroll("the shortcuts dialog")
	p.press("\x1b")
	// On a phone the editor is a sheet over the bottom of the page: close
	// it (Esc deselects), as a reader would, before reaching for Import.
	p.press("\x1b")
	p.waitCount("#editor", 0)
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

// TestAxeFindsNoViolations runs axe-core, the accessibility engine of
// browsers' developer tools, on every screen a user meets (library, story,
// editor, suggestions, import dialog, revision diff), at desktop and phone
// sizes: it must find nothing. axe-core is the version pinned in
// e2e/axe/package-lock.json (make e2e installs it).
func TestAxeFindsNoViolations(t *testing.T) {
	script := axeScript(t)
	// Two walks through the screens, each in its own browser so that each
	// stays within the browser's time limit.
	walks := []struct {
		name string
		walk func(t *testing.T, p *page)
	}{
		{"library, story, editor, suggestions", func(t *testing.T, p *page) {
			p.assertAxeClean(script, "the empty library")
			p.addFiles(sampleFile(t))
			p.waitCount("li.story", 1)
			p.assertAxeClean(script, "the library")
			p.openStory("Vladimir Putin prayed")
			p.assertAxeClean(script, "the story")
			p.tag("super smart", "q")
			p.assertAxeClean(script, "the editor")
			p.press("\x1b")
			p.press("\x1b")
			// Pressed from script: on a phone a pointer click on it was
			// once missed in a clean-clone run (what covered it is unknown).
			p.eval(`document.querySelector("#suggest").click()`, nil)
			p.waitJS("suggestions shown", `document.querySelectorAll("#article mark[data-suggestion]").length > 0`)
			p.assertAxeClean(script, "suggestions")
		}},
		{"import dialog, revision diff", func(t *testing.T, p *page) {
			p.addFiles(sampleFile(t))
			p.openStory("Vladimir Putin prayed")
			p.click("#import")
			p.waitCount("#import-dialog", 1)
			p.assertAxeClean(script, "the import dialog")
			p.press("\x1b")
			p.waitCount("#import-dialog", 0)
			p.run(chromedp.SetUploadFiles(`#page input[type="file"]`, []string{laterRevision(t)}, chromedp.ByQuery))
			p.waitCount(`#diff ins`, 1)
			p.assertAxeClean(script, "the revision diff")
			p.click("#diff-whole")
			p.waitJS("the whole text shown", `document.querySelector("#diff-whole").textContent === "Fold unchanged text"`)
			p.assertAxeClean(script, "the revision diff, whole text")
			p.click("#diff-mode")
			p.waitCount("#diff.side-by-side", 1)
			p.assertAxeClean(script, "the revision diff, side by side")
		}},
	}
	for _, size := range []struct {
		name          string
		width, height int64
	}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
		for _, w := range walks {
			t.Run(size.name+": "+w.name, func(t *testing.T) {
				_, p := openApp(t)
				p.run(chromedp.EmulateViewport(size.width, size.height))
				w.walk(t, p)
			})
		}
	}
}

// axeScript reads axe-core from e2e/axe/node_modules, skipping the test
// (failing it under CI=true) when it is not installed.
func axeScript(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("axe", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		msg := fmt.Sprintf("axe-core is not installed (%v): run npm ci --prefix e2e/axe", err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return string(data)
}

// assertAxeClean injects axe-core into the page unless it is there (as
// Runtime.evaluate, which the page's Content-Security-Policy does not
// govern) and fails with every violation it finds on what is shown.
func (p *page) assertAxeClean(script, screen string) {
	p.t.Helper()
	if !p.evalBool(`typeof axe === "object"`) {
		p.eval(script+"\n;true", nil)
	}
	var result struct {
		Passes     int
		Violations []struct {
			ID, Impact, Help string
			Nodes            []string
		}
	}
	p.eval(`axe.run(document, {resultTypes: ["violations"]}).then(r => ({
		passes: r.passes.length,
		violations: r.violations.map(v => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 200)),
		})),
	}))`, &result)
	if result.Passes == 0 {
		p.t.Errorf("%s: axe checked nothing", screen)
	}
	violations := result.Violations
	for _, v := range violations {
		p.t.Errorf("%s: axe %s (%s): %s\n\t%s", screen, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}
