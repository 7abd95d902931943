//go:build e2e

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestEveryChangeIsStoredInIndexedDB reads the browser's IndexedDB after
// each change, with no save step in between, and checks the library shows
// the storage used.
func TestEveryChangeIsStoredInIndexedDB(t *testing.T) {
	_, p := openApp(t)
	p.click("#add-sample")
	p.waitCount("li.story", 1)
	p.waitJS("the storage figures", `/^Storage used: .+ of .+ available to this site\.$/.test(document.querySelector("#storage").textContent)`)

	p.openStory("Vladimir Putin prayed")
	id := p.tag("super smart", "q")
	p.waitStored(id, "kind", "quote")
	p.setField("#edit-speaker", "Steve Witkoff")
	p.waitStored(id, "speaker", "Steve Witkoff")
	p.setField("#edit-kind", "claim")
	p.waitStored(id, "kind", "claim")
	p.click("#edit-delete")
	p.waitStored(id, "kind", "<absent>")
}

// TestTwoTabsSeeEachOthersChanges: two tabs on one story show each
// other's changes as they are made.
func TestTwoTabsSeeEachOthersChanges(t *testing.T) {
	a, b, id := twoTabsOnTaggedQuote(t)
	b.setField("#edit-speaker", "Steve Witkoff")
	a.waitJS("tab B's speaker in tab A", `document.querySelector(`+jsString(item(id)+" .who")+`)?.textContent === "— Steve Witkoff"`)
	a.waitJS("tab A's editor to show tab B's speaker", `document.querySelector("#edit-speaker")?.value === "Steve Witkoff"`)
	b.click("#edit-delete")
	a.waitCount(mark(id), 0)
}

// TestStaleTabsEditKeepsBoth: a tab that missed another tab's change
// (here its BroadcastChannel is gone, as for a tab the browser froze) and
// then edits the same field finds it changed since it read it: neither
// text is lost (both are kept), it says so, and it shows what is stored;
// having caught up, it edits as usual.
func TestStaleTabsEditKeepsBoth(t *testing.T) {
	_, a, id := sampleTagged(t, "q")

	stale := a.newTab()
	stale.run(chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := cdppage.AddScriptToEvaluateOnNewDocument(`delete window.BroadcastChannel`).Do(ctx)
		return err
	}), chromedp.Navigate(a.location()), chromedp.WaitVisible("#article p", chromedp.ByQuery))
	stale.waitCount(mark(id), 1)

	a.setField("#edit-speaker", "Witkoff")
	a.waitStored(id, "speaker", "Witkoff")

	stale.openEditor(id)
	if v := stale.value("#edit-speaker"); v != "" {
		t.Fatalf("the stale tab already shows speaker %q: it is not stale", v)
	}
	stale.setField("#edit-speaker", "Vladimir Putin")
	const both = "Witkoff / Vladimir Putin"
	stale.waitStored(id, "speaker", both)
	stale.waitJS("the stale tab to say both are kept", `/both texts are kept/.test(document.querySelector("#edit-elsewhere")?.textContent ?? "")`)
	stale.waitJS("the stale tab's editor to show what is stored", `document.querySelector("#edit-speaker")?.value === `+jsString(both))
	// The stale tab cannot tell the first (it has no BroadcastChannel):
	// the first shows it once it reads the story again.
	a.reloadStory()
	a.waitJS("the first tab to show what is stored", `document.querySelector(`+jsString(item(id)+" .who")+`)?.textContent === `+jsString("— "+both))

	stale.setField("#edit-speaker", "Steve Witkoff")
	stale.waitStored(id, "speaker", "Steve Witkoff")
}

// TestStorageSelfTest runs the IndexedDB conformance suite at
// /selftest/storage and requires it to pass.
func TestStorageSelfTest(t *testing.T) {
	srv, p := openApp(t)
	p.run(chromedp.Navigate(srv.URL + "/selftest/storage"))
	deadline := time.Now().Add(60 * time.Second)
	for p.count(`#selftest[data-done="true"]`) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the self-test did not finish; errors: %v", p.Errors())
		}
		time.Sleep(200 * time.Millisecond)
	}
	got := p.text("#selftest")
	if !strings.HasPrefix(got, "storage self-test: 0 failures") {
		t.Errorf("%s", got)
	}
}

// TestTwoTabsEachShowsItsOwnAcceptedWrite is issue 16's bug 4: tab A
// saves a speaker, tab B then saves another; B's value is stored and both
// tabs show B's at once, without a reload.
func TestTwoTabsEachShowsItsOwnAcceptedWrite(t *testing.T) {
	_, a, id := sampleTagged(t, "q")
	b := a.storyInNewTab()
	b.waitCount(mark(id), 1)
	b.openEditor(id)

	a.setField("#edit-speaker", "Alice Adams")
	a.waitStored(id, "speaker", "Alice Adams")
	b.waitJS("tab A's speaker in tab B's editor", `document.querySelector("#edit-speaker")?.value === "Alice Adams"`)

	// B types over A's value with the keyboard and leaves the field.
	b.click("#edit-speaker")
	b.eval(`document.querySelector("#edit-speaker").select()`, nil)
	b.press("Bob Brown\t")
	b.waitStored(id, "speaker", "Bob Brown")
	b.waitJS("tab B's own speaker in its sidebar", `document.querySelector(`+jsString(item(id)+" .who")+`)?.textContent === "— Bob Brown"`)
	time.Sleep(time.Second) // a late reload must not put A's value back
	if v := b.value("#edit-speaker"); v != "Bob Brown" {
		t.Errorf("tab B's editor shows %q after B saved %q", v, "Bob Brown")
	}
	if got := b.text(item(id) + " .who"); got != "— Bob Brown" {
		t.Errorf("tab B's sidebar shows %q after B saved Bob Brown", got)
	}
	a.waitJS("tab B's speaker in tab A", `document.querySelector("#edit-speaker")?.value === "Bob Brown"`)
}

// TestTypedTextIsStoredWithoutLeavingTheField is issue 16's bug 3: a note
// and a speaker typed and never left (no change event) are stored as they
// are typed, and are there after a reload, even one right after the last
// keystroke.
func TestTypedTextIsStoredWithoutLeavingTheField(t *testing.T) {
	_, p, id := sampleTagged(t, "q")
	p.click("#edit-note")
	p.press("typed, never left")
	p.waitStored(id, "note", "typed, never left")
	p.reloadStory()
	p.openEditor(id)
	if v := p.value("#edit-note"); v != "typed, never left" {
		t.Errorf("after a reload the note reads %q", v)
	}

	// Reload at once after typing: what was on screen is stored.
	p.click("#edit-speaker")
	p.press("Steve Witkoff")
	p.reloadStory()
	p.waitStored(id, "speaker", "Steve Witkoff")
	p.openEditor(id)
	p.waitJS("the speaker typed before the reload", `document.querySelector("#edit-speaker")?.value === "Steve Witkoff"`)
}

// TestUndoRefusesWhatAnotherTabEditedSince is tester2's bug 3: tab A tags
// a quote, tab B writes a note on it, then Undo in tab A is refused with
// a message instead of deleting the quote and B's note with it.
func TestUndoRefusesWhatAnotherTabEditedSince(t *testing.T) {
	a, b, id := twoTabsOnTaggedQuote(t)
	b.setField("#edit-note", "B's note")
	a.waitJS("tab B's note in tab A", `document.querySelector("#edit-note")?.value === "B's note"`)
	a.click("#undo")
	a.waitJS("the undo to be refused", `document.querySelector("#status.error")?.textContent.includes("another tab")`)
	a.waitStored(id, "note", "B's note")
	a.waitCount(mark(id), 1)
}
