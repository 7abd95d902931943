//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestViewerReadsAProjectStoryAndKeepsSyncing: a project's viewer (carol)
// gets a story page that offers nothing that changes the story (no tag
// bar, tagging keys, editable fields, revision or import tools) and says
// so; colleagues' changes keep arriving (tester 5: the page offered
// everything, the first tag stopped all sync for good).
func TestViewerReadsAProjectStoryAndKeepsSyncing(t *testing.T) {
	_, a, c, q := carolOnASharedQuote(t, "viewer")
	if words := c.text("#read-only"); !strings.Contains(words, "only its editors can change them") {
		t.Errorf("#read-only says %q", words)
	}
	for _, sel := range []string{"#tagbar", "#import", "#undo", "#suggest", "#revision-delete"} {
		if n := c.count(sel); n != 0 {
			t.Errorf("a viewer's page has %s", sel)
		}
	}
	if c.evalBool(`!document.querySelector('label[for="revision-file"]').hidden || !document.querySelector("#revision-file").disabled`) {
		t.Error("a viewer's page offers to add a later version")
	}
	c.selectText("#article", "a bad guy")
	c.press("q")
	time.Sleep(time.Second) // a tag is drawn in the keypress's frame: a second is plenty
	if n := c.count("#annotations li"); n != 1 {
		t.Errorf("a viewer's q tagged: %d annotations, want 1", n)
	}
	c.selectEntry(q)
	if !c.evalBool(`document.querySelector("#edit-note").readOnly && document.querySelector("#edit-delete").disabled`) {
		t.Error("a viewer's editor can be typed in or delete")
	}

	a.selectEntry(q)
	a.setField("#edit-speaker", "Donald Trump")
	a.waitSync(10*time.Second, "synced")
	c.waitWithin("alice's speaker at carol's", 20*time.Second, c.entryHas(q, ".who", "Donald Trump"))
	c.waitSync(10*time.Second, "synced")
}

// TestRefusedEditIsKeptAsideAndDiscarded: carol tags offline as an
// editor and is made a viewer meanwhile; back online the server refuses
// her tag. Sync goes on ("refused", not "Not syncing"), the tag is kept
// aside until she discards it, and then she is synced again.
func TestRefusedEditIsKeptAsideAndDiscarded(t *testing.T) {
	d, _, c, _ := carolOnASharedQuote(t, "editor")
	c.waitOfflineReady()
	c.waitSync(10*time.Second, "synced")
	c.setOffline(true)
	c.tagHere("a bad guy", "q")
	d.admin("", "member", "add", "desk", "carol", "--role", "viewer")
	c.setOffline(false)
	c.waitSync(30*time.Second, "refused")
	words := c.text("#sync-status")
	if strings.Contains(words, "no longer") || !strings.Contains(words, "kept aside") {
		t.Errorf("#sync-status says %q", words)
	}
	c.click("#sync-discard")
	c.waitWithin("the refused tag discarded", 15*time.Second, `document.querySelectorAll("#annotations li").length === 1`)
	c.waitSync(15*time.Second, "synced")
}

// carolOnASharedQuote is the desk with carol a member in role, alice's
// sample shared into it with a quote tagged and synced, and carol's
// browser on the project's story showing that quote.
func carolOnASharedQuote(t *testing.T, role string) (d *desk, alice, carol *page, quote string) {
	t.Helper()
	d = newDesk(t)
	d.admin(deskPasswords["carol"]+"\n", "user", "add", "carol")
	d.admin("", "member", "add", "desk", "carol", "--role", role)
	alice = d.signedIn("alice")
	alice.click("#add-sample")
	alice.waitCount("#stories li.story", 1)
	alice.shareIntoDesk(1)
	quote = alice.tagHere("super smart", "q")
	alice.waitSync(10*time.Second, "synced")
	carol = d.signedIn("carol")
	carol.openProjectStory()
	carol.waitCount(item(quote), 1)
	return d, alice, carol, quote
}
