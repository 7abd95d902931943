//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestConcurrentRevisionsKeepTheReadersOwn: alice and bob each add a
// different later version offline; alice's syncs first, so bob's becomes
// #3. Bob's page stays on his own revision (by its id), and the
// comparison he had open follows it as #1 → #3 (tester 5's bug 8: his
// view jumped to alice's #2 and "What changed" kept the old numbers).
func TestConcurrentRevisionsKeepTheReadersOwn(t *testing.T) {
	_, alice, bob, _ := deskWithAQuote(t)
	data, err := os.ReadFile(sampleFile(t))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "date 2025-03-23", "date 2025-03-24", 1)
	for _, v := range []struct {
		p    *page
		edit string
	}{{alice, "went to a cathedral"}, {bob, "went to a chapel"}} {
		file := filepath.Join(t.TempDir(), "later.txt")
		if err := os.WriteFile(file, []byte(strings.Replace(text, "went to a church", v.edit, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		v.p.setOffline(true)
		v.p.run(chromedp.SetUploadFiles(`#revision-file`, []string{file}, chromedp.ByQuery))
		v.p.waitCount(".revision-list li", 2)
		v.p.waitSync(20*time.Second, "offline", "pending")
		time.Sleep(1100 * time.Millisecond) // bob's is added a second later
	}
	bob.click("#compare-open")
	bob.waitCount("#compare", 1)
	alice.setOffline(false)
	alice.waitSync(20*time.Second, "synced")
	bob.setOffline(false)
	bob.waitSync(20*time.Second, "synced")
	bob.waitWithin("alice's revision on bob's page", 15*time.Second, `document.querySelectorAll(".revision-list li").length === 3`)
	time.Sleep(time.Second) // the reload after the last change
	if got := bob.evalString(`document.querySelector(".revision-list button.current")?.dataset.index || ""`); got != "2" {
		t.Errorf("bob's page shows revision index %q, want 2 (#3, his own)", got)
	}
	if !strings.Contains(bob.text("#article"), "went to a chapel") {
		t.Error("bob's article is not his own revision's text")
	}
	if n := bob.count("#old-revision"); n != 0 {
		t.Errorf("bob is told he reads an earlier revision: %q", bob.text("#old-revision"))
	}
	if got := bob.selectedText("#compare-to"); !strings.Contains(got, "(#3)") {
		t.Errorf("bob's comparison goes to %q, want his revision, now #3", got)
	}
}
