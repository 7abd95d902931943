//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestTypingGoesOnWhileARevisionIsAdded is tester 5's first finding: with
// the editor open and the reader typing a note, adding a later version
// closed the editor, said "this annotation was deleted, in another tab",
// dropped what was typed, and the next keys went to the page as shortcuts
// (one opened another annotation). The editor now stays open on the copy
// the revision carried the annotation onto, keeps the focus, and every
// key lands in the note, stored on the new revision.
func TestTypingGoesOnWhileARevisionIsAdded(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	id := p.tag("super smart", "q")
	p.run(chromedp.Focus("#edit-note", chromedp.ByQuery))
	p.press("Typing a note:")
	p.waitStored(id, "note", "Typing a note:")

	p.run(chromedp.SetUploadFiles(`#page input[type="file"]`, []string{laterRevision(t)}, chromedp.ByQuery))
	// One key at a time, through the whole of the add and past it, on
	// whatever has the focus, as a person keeps typing.
	const more = " one two three four five six seven eight nine ten"
	typed := "Typing a note:"
	deadline := time.Now().Add(20 * time.Second)
	for k, after := 0, 0; after < 6; k++ {
		if time.Now().After(deadline) {
			t.Fatal("the revision was not added in 20 s")
		}
		key := string(more[k%len(more)])
		p.press(key)
		typed += key
		time.Sleep(25 * time.Millisecond)
		if p.count(`#revisions button.revision`) == 2 {
			after++
		}
	}
	p.waitCount(`#revisions button.revision`, 2)
	if got := p.text("#status"); strings.Contains(got, "deleted") {
		t.Errorf("status = %q", got)
	}
	var open, focused string
	p.eval(`document.querySelector("#editor")?.dataset.id ?? ""`, &open)
	p.eval(`document.activeElement?.id ?? ""`, &focused)
	if open == "" || open == id {
		t.Fatalf("editor open on %q, want the copy on the new revision (not %s)", open, id)
	}
	if focused != "edit-note" {
		t.Errorf("the focus is on %q, want the note", focused)
	}
	if got := p.value("#edit-note"); got != typed {
		t.Errorf("the note shows %q, want %q", got, typed)
	}
	p.waitStored(open, "note", strings.TrimSpace(typed)) // saving trims
	if n := p.count(`#article mark[data-id="` + open + `"]`); n == 0 {
		t.Error("the copy's words are not marked on the new revision")
	}
}
