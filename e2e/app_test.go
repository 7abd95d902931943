//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Helpers that drive the app as a person would.

// sampleFile is the sample article as a user would have it on disk.
func sampleFile(t testing.TB) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "testdata", "putin-prayed-2025-03-23.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// addFiles adds stories through the library's file input.
func (p *page) addFiles(files ...string) {
	p.t.Helper()
	p.run(chromedp.SetUploadFiles("#story-files", files, chromedp.ByQuery))
}

// openStory clicks the library entry whose title contains title and waits
// for the article to render.
func (p *page) openStory(title string) {
	p.t.Helper()
	sel := `//li[contains(@class,"story")]//a[contains(., "` + title + `")]`
	p.run(
		chromedp.WaitVisible(sel, chromedp.BySearch),
		chromedp.Click(sel, chromedp.BySearch),
		chromedp.WaitVisible(`#article p`, chromedp.ByQuery),
	)
}

// selectText selects the first occurrence of text inside the element
// matching root, as a mouse drag would.
func (p *page) selectText(root, text string) {
	p.t.Helper()
	// Let the page finish drawing first: a paragraph drawn again after the
	// selection is made loses it, as it would under a reader's mouse.
	// (A background tab draws nothing and runs no animation frames.)
	p.run(chromedp.Evaluate(`new Promise((r) => document.hidden ? r(true) : requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, nil, awaitPromise))
	var ok bool
	p.run(chromedp.Evaluate(`(() => {
		const root = document.querySelector(`+jsString(root)+`);
		const want = `+jsString(text)+`;
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		const nodes = [];
		let all = "";
		while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
		const at = all.indexOf(want);
		if (at < 0) return false;
		const point = (i) => { for (const [n, o] of nodes) if (i <= o + n.data.length) return [n, i - o]; };
		const range = document.createRange();
		range.setStart(...point(at));
		range.setEnd(...point(at + want.length));
		range.startContainer.parentElement.scrollIntoView({block: "center"}); // a reader selects what is on screen
		const sel = window.getSelection();
		sel.removeAllRanges();
		sel.addRange(range);
		return true;
	})()`, &ok))
	if !ok {
		p.t.Fatalf("%q is not in %s", text, root)
	}
}

// press types keys on the focused element (the page body by default).
func (p *page) press(keys string) {
	p.t.Helper()
	p.run(chromedp.KeyEvent(keys))
}

// count returns how many elements match a CSS selector.
func (p *page) count(selector string) int {
	p.t.Helper()
	var n int
	p.run(chromedp.Evaluate(`document.querySelectorAll(`+jsString(selector)+`).length`, &n))
	return n
}

// waitCount waits until exactly n elements match a CSS selector.
func (p *page) waitCount(selector string, n int) {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for p.count(selector) != n {
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: %d elements, want %d; errors: %v", selector, p.count(selector), n, p.Errors())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (p *page) text(selector string) string {
	p.t.Helper()
	var s string
	p.run(chromedp.Text(selector, &s, chromedp.ByQuery))
	return s
}

func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "$", `\$`)
	return "`" + r.Replace(s) + "`"
}

// downloads makes the browser save downloads into a fresh directory and
// returns a function that waits for the next file to appear there.
func (p *page) downloads() func() []byte {
	p.t.Helper()
	dir := p.t.TempDir()
	p.run(browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir))
	seen := map[string]bool{}
	return func() []byte {
		p.t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if seen[e.Name()] || strings.HasSuffix(e.Name(), ".crdownload") {
					continue
				}
				data, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil {
					p.t.Fatal(err)
				}
				if len(data) == 0 {
					continue // Chromium creates the file before it writes it
				}
				seen[e.Name()] = true
				return data
			}
			time.Sleep(100 * time.Millisecond)
		}
		p.t.Fatal("no download arrived")
		return nil
	}
}

// newTab opens a second tab in the same browser (same profile, same
// storage), as a reader with two windows on one story would.
func (p *page) newTab() *page {
	p.t.Helper()
	ctx, cancel := chromedp.NewContext(p.ctx)
	p.t.Cleanup(cancel)
	q := &page{ctx: ctx, t: p.t, headers: map[string]network.Headers{}}
	chromedp.ListenTarget(ctx, q.observe)
	if err := chromedp.Run(ctx); err != nil {
		p.t.Fatal(err)
	}
	return q
}
