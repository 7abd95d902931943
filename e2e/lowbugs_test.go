//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Tester 4's last low bugs (issue 16, bugs 12 and 18), replayed.

// TestEnterOnAClaimOpensTheEditorWithoutItsList: Enter on a claim's
// sidebar entry puts the focus in the editor's verdict without popping its
// native drop-down open, so the first Esc goes back to the text.
func TestEnterOnAClaimOpensTheEditorWithoutItsList(t *testing.T) {
	_, p := sampleFromFile(t)
	id := p.tag("super smart", "c")
	p.press("\x1b")
	p.waitCount("#editor", 0)
	for _, reach := range []struct {
		how string
		do  func()
	}{
		{"j from the text", func() {
			p.run(chromedp.Focus("#article", chromedp.ByQuery))
			p.press("j")
			p.waitCount(editor(id), 1)
		}},
		{"the sidebar entry's button", func() {
			p.run(chromedp.Focus(item(id)+" button", chromedp.ByQuery))
		}},
	} {
		reach.do()
		p.press("\r")
		p.waitJS("the focus in the editor's verdict", `document.activeElement?.id === "edit-verdict"`)
		time.Sleep(300 * time.Millisecond) // the key's last events reach the field
		if p.evalBool(`document.querySelector("#edit-verdict").matches(":open")`) {
			t.Fatalf("Enter (after %s) popped the verdict list open", reach.how)
		}
		p.press("\x1b")
		p.waitJS("one Esc back to the text", `document.activeElement?.id === "article"`)
		p.press("\x1b")
		p.waitCount("#editor", 0)
	}
}

// TestShiftArrowsSelectOneWordLessOrMore: in the word cursor, Shift+Right
// selects one word more and Shift+Left one word less, as the help says,
// also after Shift+Up made the selection run backwards.
func TestShiftArrowsSelectOneWordLessOrMore(t *testing.T) {
	_, p := sampleFromFile(t)
	p.waitJS("the article", `document.querySelector("#article p")`)
	p.tabTo("#article")
	shift := chromedp.KeyModifiers(input.ModifierShift)
	p.run(chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight))
	p.run(chromedp.KeyEvent(kb.ArrowUp, shift))
	for _, step := range []struct {
		key, want string
	}{
		{kb.ArrowRight, "Russian President Vladimir Putin"},
		{kb.ArrowLeft, "Russian President Vladimir"},
		{kb.ArrowLeft, "Russian President"},
		{kb.ArrowLeft, "Russian"},
		{kb.ArrowLeft, "Russian"},
	} {
		p.run(chromedp.KeyEvent(step.key, shift))
		if got := p.evalString(`window.getSelection().toString()`); got != step.want {
			t.Fatalf("after Shift+Up, Shift+%s selects %q, want %q", step.key, got, step.want)
		}
	}
}

// TestTaggingTheSameWordsAgainSelectsTheTagThere: the same kind on exactly
// the same words again makes no copy: the one there is selected and the
// status says so; another kind on them is a new tag.
func TestTaggingTheSameWordsAgainSelectsTheTagThere(t *testing.T) {
	_, p := sampleFromFile(t)
	id := p.tag("super smart", "n")
	p.press("\x1b")
	p.waitCount("#editor", 0)
	for range 2 {
		p.selectText("#article", "super smart")
		p.press("n")
		p.waitCount(editor(id), 1)
		p.waitJS("the status saying so", `/Already tagged as a note/.test(document.querySelector("#status")?.textContent ?? "")`)
		p.press("\x1b")
		p.waitCount("#editor", 0)
	}
	if n := p.count("#annotations li"); n != 1 {
		t.Errorf("%d sidebar entries after tagging the same words three times, want 1", n)
	}
	p.tag("super smart", "c")
	if n := p.count("#annotations li"); n != 2 {
		t.Errorf("%d sidebar entries after a claim on the note's words, want 2", n)
	}
}

// TestPhoneSheetLeavesTheTaggedWordsInView: on a phone the editor sheet
// opens over the bottom of the text; the words just tagged (low on the
// screen, where the sheet comes) are scrolled into the part it leaves.
func TestPhoneSheetLeavesTheTaggedWordsInView(t *testing.T) {
	_, p := openApp(t)
	p.run(chromedp.EmulateViewport(390, 844))
	var b strings.Builder
	for i := range 30 {
		fmt.Fprintf(&b, "Paragraph %d of a long story says the council met again and argued about the bridge.\n\n", i+1)
	}
	p.addFiles(writeFile(t, "long-story.txt", b.String()))
	p.openStory("Paragraph 1 of a long story")
	p.eval(`document.querySelector("#article p:nth-child(12)").scrollIntoView({block: "end"})`, nil)
	id := p.tag("Paragraph 12 of", "c")
	p.waitJS("the words tagged above the editor sheet", `(() => {
		const m = document.querySelector(`+jsString(mark(id))+`).getBoundingClientRect();
		const e = document.querySelector("#editor").getBoundingClientRect();
		return m.top >= 0 && m.bottom <= e.top;
	})()`)
}

// statusCoversJS lists the controls the status message covers.
const statusCoversJS = `(() => {
	const s = document.querySelector("#status").getBoundingClientRect();
	return [...document.querySelectorAll("button, a[href], input, select, textarea, summary")]
		.filter(c => !c.closest("#status"))
		.filter(c => { const r = c.getBoundingClientRect(); return r.width > 0 && r.left < s.right && r.right > s.left && r.top < s.bottom && r.bottom > s.top; })
		.map(c => c.id || c.textContent.trim());
})()`

// TestStatusCoversNoControl: the floating status message is put where it
// covers no control: not the library's export buttons on a desktop, not
// the story's toolbar on a phone.
func TestStatusCoversNoControl(t *testing.T) {
	inEachViewport(t, func(t *testing.T, p *page, size viewport) {
		p.addFiles(sampleFile(t))
		p.waitJS("the library's message", `document.querySelector("#status")?.textContent.startsWith("Added")`)
		var covered []string
		time.Sleep(300 * time.Millisecond) // placed at the next frame
		p.eval(statusCoversJS, &covered)
		if len(covered) > 0 {
			t.Errorf("on the library the message covers %q", covered)
		}
		p.openStory("Vladimir Putin prayed")
		p.tag("super smart", "c")
		p.waitJS("the story's message", `document.querySelector("#status")?.textContent.startsWith("Tagged")`)
		time.Sleep(300 * time.Millisecond)
		p.eval(statusCoversJS, &covered)
		if len(covered) > 0 {
			t.Errorf("on the story the message covers %q", covered)
		}
	})
}
