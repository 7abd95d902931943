//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestPrintShowsTheStoryWithItsAnnotations is issue 16's print view: the
// story printed (or saved as PDF) is its article with the highlights,
// each numbered after its words, the numbered notes with speaker,
// verdict, tags and note, and the changed-quotes report; no buttons.
func TestPrintShowsTheStoryWithItsAnnotations(t *testing.T) {
	_, p := openApp(t)
	p.addFiles(sampleFile(t))
	p.openStory("Vladimir Putin prayed")
	quote := p.tag("super smart", "q")
	p.setField("#edit-speaker", "Steve Witkoff")
	p.waitStored(quote, "speaker", "Steve Witkoff")
	claim := p.tag("friend", "c")
	p.setField("#edit-tags", "Relations")
	p.setField("#edit-note", "Check the podcast transcript.")
	p.waitStored(claim, "note", "Check the podcast transcript.")
	p.run(chromedp.SetUploadFiles(`#revision-file`, []string{laterRevision(t)}, chromedp.ByQuery))
	p.waitCount(`#revisions button.revision`, 2)
	p.waitJS("the revision stored", `document.querySelector("#status")?.textContent.startsWith("Added the revision")`)

	// The test stands in for the print dialog, and looks at the page as
	// it prints.
	p.eval(`window.print = () => { window.printed = (window.printed ?? 0) + 1; }`, nil)
	p.eval(`document.querySelector("#print").click()`, nil)
	p.waitJS("the print dialog", `window.printed === 1`)
	p.run(emulation.SetEmulatedMedia().WithMedia("print"))
	if n := p.count("#print-notes li"); n != 2 {
		var html string
		p.eval(`document.querySelector("#print-view")?.outerHTML ?? "no print view"`, &html)
		t.Fatalf("%d printed notes, want 2: %s", n, html)
	}
	notes := p.text("#print-notes")
	for _, want := range []string{"quote · said by Steve Witkoff · changed by this revision", "very smart", "claim · verdict: unverified · #Relations", "friend", "Check the podcast transcript."} {
		if !strings.Contains(notes, want) {
			t.Errorf("the printed notes lack %q:\n%s", want, notes)
		}
	}
	if !p.evalBool(`getComputedStyle(document.querySelector('#article mark[data-note="1"]'), "::after").content === '"1"'`) {
		t.Error("the first annotation's words carry no printed note number")
	}
	if !strings.Contains(p.text("#print-view #changed-report"), "super smart") {
		t.Error("the printed changed-quotes report does not show the words before")
	}
	var shown []string
	p.eval(`[...document.querySelectorAll("button, select, input, textarea, nav, #sidebar, #revisions")].filter(el => el.getClientRects().length > 0).map(el => el.id || el.tagName)`, &shown)
	if len(shown) > 0 {
		t.Errorf("printing shows controls: %v", shown)
	}
	if !p.evalBool(`document.querySelector("#print-view").getClientRects().length > 0 && document.querySelector("#article").getClientRects().length > 0`) {
		t.Error("the print shows no article or no notes")
	}
	var pdf []byte
	p.run(chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = cdppage.PrintToPDF().Do(ctx)
		return err
	}))
	pages := bytes.Count(pdf, []byte("/Type /Page\n")) + bytes.Count(pdf, []byte("/Type /Page/")) + bytes.Count(pdf, []byte("/Type /Page "))
	t.Logf("the story as PDF: %d bytes, about %d pages", len(pdf), pages)
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Error("Save as PDF gave no PDF")
	}
	p.run(emulation.SetEmulatedMedia().WithMedia(""))
	if p.evalBool(`document.querySelector("#print-view").getClientRects().length > 0`) {
		t.Error("the print view shows on screen")
	}
}
