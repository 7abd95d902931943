//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The bugs a new-user tester found in the app (issue 16), replayed.

// TestStrayKeyEventOnTheDocumentLeavesTheAppWorking: a keydown sent to
// the document itself (a script, an extension) once panicked the client,
// leaving a page that looks alive and does nothing.
func TestStrayKeyEventOnTheDocumentLeavesTheAppWorking(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	p.eval(`document.dispatchEvent(new KeyboardEvent("keydown", {key: "c", bubbles: true}))`, nil)
	p.eval(`document.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}))`, nil)
	p.press("?")
	p.run(chromedp.WaitVisible(`#shortcuts`, chromedp.ByQuery))
	p.checkClientRan(t)
}

// TestRenameTwiceAndEscape: Rename right after a rename holds the title
// now shown (a stale one, saved, renamed the story back), and Esc cancels.
func TestRenameTwiceAndEscape(t *testing.T) {
	_, p := openApp(t)
	p.addFiles(writeFile(t, "v1.txt", "Aid blocked in Rakhine.\n\nStaff were threatened."))
	p.waitCount("li.story", 1)
	for _, title := range []string{"Bangkok: MSF aid blocked", "Bangkok: MSF aid blocked again"} {
		p.click("li.story .rename-story")
		p.waitCount("li.story .rename-input", 1)
		if got, want := p.value("li.story .rename-input"), p.storyTitlesOr(""); want != "" && got != want {
			t.Errorf("Rename opens with %q, the title shown was %q", got, want)
		}
		p.setField("li.story .rename-input", title)
		p.click(`li.story form.rename button[type="submit"]`)
		p.waitJS("the new title", `document.querySelector("li.story a.title")?.textContent === `+jsString(title))
	}
	p.click("li.story .rename-story")
	p.waitCount("li.story .rename-input", 1)
	if got := p.value("li.story .rename-input"); got != "Bangkok: MSF aid blocked again" {
		t.Errorf("Rename after two renames opens with %q", got)
	}
	p.press("\x1b")
	p.waitCount("li.story .rename-input", 0)
}

// storyTitlesOr is the first title the library lists, or or when the
// first row shows its rename field instead.
func (p *page) storyTitlesOr(or string) string {
	p.t.Helper()
	if t := p.storyTitles(); len(t) > 0 {
		return t[0]
	}
	return or
}

// TestTwoTabsTypingKeepsBothTexts is issue 16's bug 4 and tester 2's bug
// 5: tab B saves a note while tab A types in the same note. A's text stays
// under the cursor while A types; whichever save comes second finds the
// other's text there and keeps both; that tab is told, and both tabs end
// showing what is stored.
func TestTwoTabsTypingKeepsBothTexts(t *testing.T) {
	_, a, id := sampleTagged(t, "c")
	b := a.storyInNewTab()
	b.waitCount(mark(id), 1)
	b.openEditor(id)

	a.click("#edit-note")
	a.press("typed in A")
	a.waitStored(id, "note", "typed in A")
	b.waitJS("A's note in B", `document.querySelector("#edit-note")?.value === "typed in A"`)
	a.press(" and more")
	b.setField("#edit-note", "saved in B")
	var note string
	deadline := time.Now().Add(20 * time.Second)
	for {
		note = fmt.Sprint(a.storedAnnotations()[id]["note"])
		if strings.Contains(note, "typed in A and more") && strings.Contains(note, "saved in B") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the stored note is %q, want both tabs' texts", note)
		}
		time.Sleep(100 * time.Millisecond)
	}
	for name, p := range map[string]*page{"A": a, "B": b} {
		p.waitJS("tab "+name+" to show the stored note", `document.querySelector("#edit-note")?.value === `+jsString(note))
	}
	told := `/both texts are kept/.test(document.querySelector("#edit-elsewhere")?.textContent ?? "")`
	if !a.evalBool(told) && !b.evalBool(told) {
		t.Error("neither tab says both texts were kept")
	}
}

// TestTypingOnAnAnnotationDeletedElsewhereSaysSo: another tab deleted the
// annotation whose note this tab is typing (this tab missed the news: its
// BroadcastChannel is gone, as for a frozen tab); this tab does not say
// "Saved." but that the note was not saved, with its words.
func TestTypingOnAnAnnotationDeletedElsewhereSaysSo(t *testing.T) {
	_, b, id := sampleTagged(t, "c")
	a := b.newTab()
	a.run(chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := cdppage.AddScriptToEvaluateOnNewDocument(`delete window.BroadcastChannel`).Do(ctx)
		return err
	}), chromedp.Navigate(b.location()), chromedp.WaitVisible("#article p", chromedp.ByQuery))
	a.waitCount(mark(id), 1)
	a.openEditor(id)

	b.click("#edit-delete")
	b.waitStored(id, "kind", "<absent>")
	a.click("#edit-note")
	a.press("tab A note on deleted")
	a.waitJS("tab A to say the note was not saved", `/not saved: “tab A note on deleted”/.test(document.querySelector("#status[role=alert]")?.textContent ?? "")`)
}

// TestEditorInViewWhenTaggingFarDown is issue 16's bug 5 (the tester's 4
// and 5): tagging or stepping with j far down a long article leaves the
// editor and the words in view, on a desktop and on a phone.
func TestEditorInViewWhenTaggingFarDown(t *testing.T) {
	inEachViewport(t, func(t *testing.T, p *page, size viewport) {
		var b strings.Builder
		for i := range 60 {
			fmt.Fprintf(&b, "Paragraph %d of a long story says the council met again and argued about the bridge.\n\n", i+1)
		}
		b.WriteString("At the very end the mayor said the bridge would reopen in spring.")
		p.addFiles(writeFile(t, "long-story.txt", b.String()))
		p.openStory("Paragraph 1 of a long story")
		first := p.tag("Paragraph 3 of", "c")
		p.run(chromedp.ScrollIntoView(`#article p:last-child`, chromedp.ByQuery))
		p.tag("the bridge would reopen in spring", "c")
		inView := func(what, selector string) {
			t.Helper()
			var r []float64
			p.eval(`(() => { const r = document.querySelector(`+jsString(selector)+`).getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; })()`, &r)
			if r[0] < -2 || r[0] > r[2]-20 {
				t.Errorf("%s: %s is at %.0f px, the window is %.0f px high", size.name, what, r[0], r[2])
			}
		}
		inView("the editor", "#editor")
		inView("the words tagged", `#article mark.selected`)
		p.press("\x1b")
		p.press("j")
		p.waitCount(mark(first)+".selected", 1)
		// A smooth scroll takes a while on a loaded machine: wait for
		// the words to arrive, then check the editor stayed.
		p.waitJS("the words j went to in view", `(() => { const r = document.querySelector(`+jsString(mark(first))+`).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight - 20; })()`)
		inView("the words j went to", mark(first))
		inView("the editor after j", "#editor")
	})
}

// TestKeyboardSidebarEntryAndTimelinePoint is issue 16's bug 12 (its
// sidebar and timeline parts): Enter on a sidebar entry puts the focus in
// the editor; Enter on a timeline point opens the comparison that made
// that revision. Same-day revisions are told apart by their number.
func TestKeyboardSidebarEntryAndTimelinePoint(t *testing.T) {
	_, p := sampleFromFile(t)
	id := p.tag("super smart", "q")
	p.press("\x1b")
	p.waitCount("#editor", 0)
	p.run(chromedp.Focus(item(id)+" button", chromedp.ByQuery))
	p.press("\r")
	p.waitJS("the focus in the editor's speaker field", `document.activeElement?.id === "edit-speaker"`)

	p.run(chromedp.SetUploadFiles(`#revision-file`, []string{laterRevision(t)}, chromedp.ByQuery))
	p.waitCount(`#revisions button.revision`, 2)
	if got := p.text(`#revisions button.revision[data-index="1"]`); !strings.HasPrefix(got, "#2 · ") {
		t.Errorf("the second revision is labelled %q, want its number first", got)
	}
	p.waitJS("the revision stored", `document.querySelector("#status")?.textContent.startsWith("Added the revision")`)
	p.eval(`document.querySelector("#compare-close").click()`, nil) // (a mouse click there may land on the sticky status bar)
	p.waitCount("#compare", 0)
	p.run(chromedp.Focus(`#timeline g.point:nth-of-type(2)`, chromedp.ByQuery))
	p.press("\r")
	p.waitCount("#compare", 1)
	if got := p.text("#diff-summary"); !strings.HasPrefix(got, "#1 (2025-03-23) → #2 (2025-03-24)") {
		t.Errorf("Enter on the second timeline point opens %q", got)
	}
}

// TestLibraryRefusesAnAnnotationFileAsAStory: an annotation export dropped
// on the library (to import it) is refused with what to do, not added as a
// story of raw JSON.
func TestLibraryRefusesAnAnnotationFileAsAStory(t *testing.T) {
	_, p := openApp(t)
	p.eval(`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(['{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}'], "udell.jsonld", {type: "application/ld+json"}));
		document.querySelector("#page").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
	})()`, nil)
	p.waitJS("the refusal", `/annotation file/.test(document.querySelector("#status[role=alert]")?.textContent ?? "")`)
	if n := p.count("li.story"); n != 0 {
		t.Errorf("%d stories after dropping an annotation file", n)
	}
}

// TestWordCursorTagsFromTheKeyboard is issue 16's bug 12: with only the
// keyboard, the reader reaches the article, selects words a word at a
// time (Right, Shift+Right, Shift+Left), tags them with q, types the
// speaker in the editor that took the focus, goes back to the text with
// Esc and selects on from after the words just tagged.
func TestWordCursorTagsFromTheKeyboard(t *testing.T) {
	_, p := sampleFromFile(t)
	p.waitJS("the article", `document.querySelector("#article p")`)
	p.tabTo("#article")
	selected := func() string {
		var s string
		p.eval(`window.getSelection().toString()`, &s)
		return s
	}
	right, left := kb.ArrowRight, kb.ArrowLeft
	shift := chromedp.KeyModifiers(input.ModifierShift)
	p.run(chromedp.KeyEvent(right))
	if got := selected(); got != "Russian" {
		t.Fatalf("Right on the article selects %q, want its first word", got)
	}
	p.run(chromedp.KeyEvent(right), chromedp.KeyEvent(right))
	if got := selected(); got != "Vladimir" {
		t.Errorf("Right twice more selects %q, want the third word", got)
	}
	p.run(chromedp.KeyEvent(right, shift), chromedp.KeyEvent(right, shift), chromedp.KeyEvent(right, shift), chromedp.KeyEvent(left, shift))
	if got := selected(); got != "Vladimir Putin prayed" {
		t.Errorf("Shift+Right three times, Shift+Left once, selects %q", got)
	}
	p.run(chromedp.KeyEvent(kb.ArrowDown, shift))
	if got := selected(); !strings.HasPrefix(got, "Vladimir Putin prayed for Donald") || !strings.HasSuffix(got, "Steve Witkoff") {
		t.Errorf("Shift+Down selects %q, want to the paragraph's last word", got)
	}
	p.run(chromedp.KeyEvent(kb.ArrowUp, shift), chromedp.KeyEvent(kb.ArrowUp, shift))
	if got := selected(); got != "Russian President Vladimir" {
		t.Errorf("Shift+Up twice selects %q, want back to the paragraph's first word", got)
	}
	p.run(chromedp.KeyEvent(right), chromedp.KeyEvent(right, shift))
	p.press("q")
	p.waitCount("#annotations li", 1)
	id := p.sidebarIDs()[0]
	p.waitStored(id, "kind", "quote")
	p.waitJS("the focus in the new quote's speaker field", `document.activeElement?.id === "edit-speaker"`)
	if got := p.text(`#editor .exact`); got != "Putin prayed" {
		t.Errorf("the quote tagged from the keyboard is %q", got)
	}
	p.run(chromedp.KeyEvent("Witkoff"))
	p.waitStored(id, "speaker", "Witkoff")
	p.press("\x1b")
	p.waitJS("the focus back on the article", `document.activeElement?.id === "article"`)
	p.run(chromedp.KeyEvent(right))
	if got := selected(); got != "for" {
		t.Errorf("Right after tagging selects %q, want the word after the quote", got)
	}
}

// TestUndatedStoryAndByline: a story whose text gives no date is shown as
// undated with the day it was added, labelled so, never as if published
// that day; a dated one shows its date; the byline is shown.
func TestUndatedStoryAndByline(t *testing.T) {
	_, p := openApp(t)
	p.addFiles(writeFile(t, "harbour.txt", "title: Harbour dredging approved\nbyline: Ann Lee\n\nThe port authority approved the plan on Tuesday.\n"), sampleFile(t))
	p.waitCount("li.story", 2)
	var dates []string
	p.eval(`[...document.querySelectorAll("li.story .date")].map(d => d.textContent)`, &dates)
	undated := 0
	for _, d := range dates {
		switch {
		case strings.HasPrefix(d, "undated, added 20"):
			undated++
		case d != "2025-03-23":
			t.Errorf("a story's date reads %q", d)
		}
	}
	if undated != 1 {
		t.Errorf("library dates %q, want one undated", dates)
	}
	p.openStory("Harbour dredging")
	if got := p.text("#story-date"); !strings.HasPrefix(got, "undated, added ") {
		t.Errorf("the undated story's date reads %q", got)
	}
	if got := p.text("#story-byline"); !strings.HasPrefix(got, "By Ann Lee") {
		t.Errorf("the byline reads %q", got)
	}
	if got := p.text(`#revisions button.revision[data-index="0"]`); !strings.HasPrefix(got, "#1 · undated, added ") {
		t.Errorf("the revision is labelled %q", got)
	}
}

// TestDeleteStoryUndoIsInViewAndFocused is tester 2's bugs 3 and 4: a
// story deleted far down the library leaves its Undo in view with the
// focus on it, Undo brings the focus back to the story; Rename selects
// the old title, so typing replaces it, and says it renamed.
func TestDeleteStoryUndoIsInViewAndFocused(t *testing.T) {
	_, p := openApp(t)
	p.run(chromedp.EmulateViewport(1000, 500))
	var files []string
	for i := range 6 {
		files = append(files, writeFile(t, fmt.Sprintf("story-%d.txt", i), fmt.Sprintf("Story number %d\n\nThe council met again on day %d.\n", i, i)))
	}
	p.addFiles(files...)
	p.waitCount("li.story", 6)
	last := `li.story:last-child`
	var id string
	p.eval(`document.querySelector("`+last+`").dataset.id`, &id)
	p.eval(`document.querySelector("`+last+` .delete-story").scrollIntoView({block: "end"})`, nil)
	p.click(last + " .delete-story")
	p.waitCount("li.story", 5)
	p.waitJS("the focus on Undo", `document.activeElement?.id === "undo-delete"`)
	if !p.evalBool(`(() => { const r = document.querySelector("#undo-delete").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`) {
		t.Error("the Undo of the deleted story is off screen")
	}
	p.press("\r")
	p.waitCount("li.story", 6)
	p.waitJS("the focus back on the restored story", `document.activeElement?.closest("li.story")?.dataset.id === `+jsString(id))

	p.click(`li.story:first-child .rename-story`)
	p.waitJS("the old title selected", `(() => { const el = document.activeElement; return el?.classList.contains("rename-input") && el.selectionStart === 0 && el.selectionEnd === el.value.length && el.value.length > 0; })()`)
	p.press("Renamed story\r")
	p.waitJS("the new title", `document.querySelector("li.story:first-child a.title")?.textContent === "Renamed story"`)
	if got := p.text("#status"); !strings.Contains(got, "Renamed to “Renamed story”") {
		t.Errorf("after a rename the status says %q", got)
	}
}

// TestStoryDeletedInAnotherTabStopsEdits is tester 2's bug 11: a story
// deleted in another tab says so here, in words, and its editor stops
// taking edits (its text stays to copy); Undo there brings it back here.
func TestStoryDeletedInAnotherTabStopsEdits(t *testing.T) {
	srv, a, id := sampleTagged(t, "c")
	b := a.newTab()
	b.run(chromedp.Navigate(srv.URL + "/"))
	b.waitMounted()
	b.waitCount("li.story", 1)
	b.click("li.story .delete-story")
	b.waitCount("li.story", 0)

	a.waitJS("the story page to say it was deleted elsewhere", `/deleted in another tab/.test(document.querySelector("#status[role=alert]")?.textContent ?? "")`)
	if !a.evalBool(`document.querySelector("#edit-note").readOnly && document.querySelector("#edit-delete").disabled`) {
		t.Error("the editor of a deleted story still takes edits")
	}
	// Tester 4's bug 10: its fields looked as if they took typing.
	if a.evalBool(`getComputedStyle(document.querySelector("#edit-note")).backgroundColor === "rgb(255, 255, 255)"`) {
		t.Error("the read-only note looks like a field that takes typing")
	}
	a.selectText("#article", "friend")
	a.press("q") // a tag is refused with the same words, not an error
	if got := a.text("#status"); !strings.Contains(got, "deleted in another tab") {
		t.Errorf("tagging on a deleted story says %q", got)
	}

	b.click("#undo-delete")
	b.waitCount("li.story", 1)
	a.waitJS("the story page to say it is back", `/is back/.test(document.querySelector("#status")?.textContent ?? "")`)
	a.waitJS("the editor to take edits again", `!document.querySelector("#edit-note").readOnly`)
	a.setField("#edit-note", "after the undo")
	a.waitStored(id, "note", "after the undo")
}

// TestDialogsAreModal is tester 2's bug 15: the import and shortcuts
// dialogs take the focus, keep Tab inside them, and give the focus back
// to what opened them when they close.
func TestDialogsAreModal(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	for _, d := range []struct{ opener, dialog string }{{"#import", "#import-dialog"}, {"#help", "#shortcuts"}} {
		p.run(chromedp.Focus(d.opener, chromedp.ByQuery))
		p.press("\r")
		p.waitJS(d.dialog+" open as a modal dialog", `document.querySelector(`+jsString(d.dialog)+`)?.matches(":modal")`)
		p.waitJS("the focus in "+d.dialog, `document.querySelector(`+jsString(d.dialog)+`).contains(document.activeElement)`)
		for range 8 {
			p.press("\t")
			if !p.evalBool(`document.querySelector(` + jsString(d.dialog) + `).contains(document.activeElement)`) {
				t.Fatalf("Tab left %s", d.dialog)
			}
		}
		p.press("\x1b")
		p.waitCount(d.dialog, 0)
		p.waitJS("the focus back on "+d.opener, `document.activeElement?.matches(`+jsString(d.opener)+`)`)
	}
}

// TestSelectionToolbarFollowsOnScroll is tester 1's bug 10: the toolbar
// by a selection moves with it when the page scrolls.
func TestSelectionToolbarFollowsOnScroll(t *testing.T) {
	_, p := openApp(t)
	p.run(chromedp.EmulateViewport(1000, 500))
	p.openSample()
	p.selectText("#article", "super smart")
	p.waitJS("the toolbar", `!document.querySelector("#tagbar").hidden`)
	gap := func() float64 {
		var g float64
		p.eval(`document.querySelector("#tagbar").getBoundingClientRect().top - window.getSelection().getRangeAt(0).getBoundingClientRect().bottom`, &g)
		return g
	}
	before := gap()
	p.eval(`window.scrollBy(0, 120)`, nil)
	p.waitJS("the toolbar to follow", `(() => { const g = document.querySelector("#tagbar").getBoundingClientRect().top - window.getSelection().getRangeAt(0).getBoundingClientRect().bottom; return Math.abs(g - `+fmt.Sprint(before)+`) < 2 || g < -8; })()`)
	if after := gap(); after > before+2 {
		t.Errorf("after a scroll the toolbar is %.0f px from the selection, was %.0f", after, before)
	}
}
