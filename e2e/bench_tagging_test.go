//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/redline-news/redline/bench/corpus"
)

// measureTagging times tagging in the real app (started by start) with many annotations on the
// page: it adds the pair's old text as a story through the file input,
// imports the annotations through the Import… dialog (pasting the JSON),
// then, runs times plus one warm-up, selects three words of a paragraph
// and presses q. A run is the time from the keydown event to the new
// annotation's <mark> in the DOM (MutationObserver, performance.now in the
// page), and to its mark no longer saying it is being saved (data-saving:
// the IndexedDB write committed and the paragraph was drawn again). It
// also returns how many annotations the page showed before the first run.
func measureTagging(b *testing.B, start func(testing.TB) *server, pair corpus.Pair, runs int) (tagTimes, int) {
	b.Helper()
	srv := start(b)
	defer srv.Stop()
	p := benchBrowser(b, srv)
	defer chromedp.Cancel(p.ctx)
	shown := p.storyWithAnnotations(b, pair, "bench-article")
	return p.timeTags(b, shown, runs), shown
}

// benchSession is how long a benchmark's browser may run: the runs at ten
// times the size take minutes.
const benchSession = 15 * time.Minute

// benchBrowser is a browser that may run for benchSession showing the
// library of the app srv serves; the caller cancels it (chromedp.Cancel)
// once done with it.
func benchBrowser(b *testing.B, srv *server) *page {
	b.Helper()
	p := newBrowserWithin(b, benchSession)
	p.run(chromedp.Navigate(srv.URL + "/"))
	p.waitMounted()
	return p
}

// timeTags tags runs times (after one warm-up) in the story open, which
// shows shown annotations, as measureTagging describes.
func (p *page) timeTags(b *testing.B, shown, runs int) tagTimes {
	b.Helper()
	var ms tagTimes
	for k := range runs + 1 {
		// Let the previous run's updates finish first: a paragraph drawn
		// again while words in it are selected loses the selection.
		p.run(chromedp.Evaluate(`new Promise((r) => document.hidden ? r(true) : requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, nil, awaitPromise))
		var armed bool
		p.run(chromedp.Evaluate(fmt.Sprintf(armTagJS, k, runs+1), &armed))
		if armed {
			p.run(chromedp.Evaluate(`redlineSelection("article") !== null`, &armed))
		}
		if !armed {
			b.Fatalf("run %d: no paragraph of four words to select", k)
		}
		var took struct{ Shown, Stored float64 }
		p.run(chromedp.KeyEvent("q"))
		p.evalWithin(fmt.Sprintf("run %d: the tag's mark", k), 2*time.Minute, `benchTagged`, &took)
		if k > 0 {
			ms.Shown = append(ms.Shown, took.Shown)
			ms.Stored = append(ms.Stored, took.Stored)
		}
		p.waitMarks(shown + k + 1)
		p.waitSaved()
	}
	return ms
}

// storyWithAnnotations adds the pair's old text as a story named name
// through the library's file input, opens it and imports the pair's
// annotations through the Import… dialog (pasting the JSON); it returns
// how many annotations the article then shows.
func (p *page) storyWithAnnotations(b *testing.B, pair corpus.Pair, name string) int {
	b.Helper()
	collection, err := pair.Collection()
	if err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(b.TempDir(), name+".txt")
	if err := os.WriteFile(file, []byte(pair.Old), 0o644); err != nil {
		b.Fatal(err)
	}
	p.run(chromedp.Navigate(strings.TrimSuffix(p.url(), "/") + "/"))
	p.waitMounted()
	// Every run's story has the same text, so the same title: the one to
	// open is the entry that was not listed before the file was added.
	const ids = `[...document.querySelectorAll("li.story")].map(li => li.dataset.id)`
	var before []string
	p.run(chromedp.Evaluate(ids, &before))
	p.addFiles(file)
	var added string
	p.run(chromedp.Poll(`(() => { const before = new Set(`+jsString(strings.Join(before, "\n"))+`.split("\n")); return `+ids+`.find(id => !before.has(id)); })()`, &added,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second)))
	p.run(
		chromedp.Click(`li.story[data-id="`+added+`"] a.title`, chromedp.ByQuery),
		chromedp.WaitVisible(`#article p`, chromedp.ByQuery),
	)
	p.run(
		chromedp.Click("#import", chromedp.ByQuery),
		chromedp.WaitVisible("#import-paste", chromedp.ByQuery),
		chromedp.Evaluate(`(() => {
			const box = document.querySelector("#import-paste");
			box.value = `+jsString(string(collection))+`;
			box.dispatchEvent(new Event("input", {bubbles: true}));
		})()`, nil),
		chromedp.WaitEnabled("#import-go", chromedp.ByQuery),
		chromedp.Click("#import-go", chromedp.ByQuery),
	)
	p.waitMarks(len(pair.Annotations))
	return len(pair.Annotations)
}

// url is the page's address, without query or fragment.
func (p *page) url() string {
	var u string
	p.run(chromedp.Evaluate(`location.origin + "/"`, &u))
	return u
}

// waitSaved waits until no mark in the article says it is being saved:
// the next run starts once the last one is stored and drawn.
func (p *page) waitSaved() {
	p.t.Helper()
	err := chromedp.Run(p.ctx, chromedp.Poll(`!document.querySelector("#article mark[data-saving]")`, nil, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		p.t.Fatalf("waiting for the tags to be stored: %v; errors: %v", err, p.Errors())
	}
}

// waitMarks waits until the article shows n distinct annotations.
func (p *page) waitMarks(n int) {
	p.t.Helper()
	js := `new Set([...document.querySelectorAll("#article mark[data-id]")].map(m => m.dataset.id)).size`
	// Evaluated afresh each time rather than with chromedp.Poll, which
	// keeps the execution context it started in: the app replacing it
	// (a reload, the service worker taking over) failed a whole
	// `make bench` with "Cannot find context with specified id".
	deadline := time.Now().Add(60 * time.Second)
	for {
		var got int
		err := chromedp.Run(p.ctx, chromedp.Evaluate(js, &got))
		if err == nil && got == n {
			return
		}
		if time.Now().After(deadline) {
			var status string
			_ = chromedp.Run(p.ctx, chromedp.Evaluate(`document.querySelector("#status")?.textContent || ""`, &status))
			p.t.Fatalf("waiting for %d annotations in the article (%d shown; status %q): %v; errors: %v", n, got, status, err, p.Errors())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// tagTimes are the runs' ms from the keydown to the new mark in the DOM,
// and to its mark drawn once stored.
type tagTimes struct{ Shown, Stored timings }

// armTagJS (run k of n) selects three words (the second to fourth, or the
// next three no quote holds exactly) of a paragraph
// k+1 n+1ths of the way down the article and sets window.benchTagged to a
// promise of the ms from the next keydown to a <mark> of a new annotation
// (Shown) and to one of its marks without data-saving (Stored).
const armTagJS = `((k, n) => {
	const paras = document.querySelectorAll("#article p");
	const para = paras[Math.floor((k + 1) * paras.length / (n + 1))];
	const spaces = [...para.textContent.matchAll(/ /g)].map((m) => m.index);
	// Three words that no quote already holds exactly: q on a quote's own
	// words selects that quote instead of tagging them again.
	const quoted = new Set([...para.querySelectorAll('mark[data-kind="quote"]')].map((m) => m.textContent));
	let o = 0;
	while (o + 3 < spaces.length && quoted.has(para.textContent.slice(spaces[o] + 1, spaces[o + 3]))) o++;
	if (o + 3 >= spaces.length) return false;
	const from = spaces[o] + 1, to = spaces[o + 3];
	const range = document.createRange();
	const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
	for (let at = 0, started = false; walker.nextNode(); ) {
		const node = walker.currentNode, end = at + node.data.length;
		if (!started && from <= end) { range.setStart(node, from - at); started = true; }
		if (to <= end) { range.setEnd(node, to - at); break; }
		at = end;
	}
	const before = new Set([...document.querySelectorAll("#article mark[data-id]")].map((m) => m.dataset.id));
	const isNew = (el) => el.nodeType === Node.ELEMENT_NODE &&
		[el, ...el.querySelectorAll("mark[data-id]")].some((m) => m.matches("mark[data-id]") && !before.has(m.dataset.id));
	window.benchTagged = new Promise((resolve) => {
		let pressed = -1, shown = -1;
		addEventListener("keydown", (e) => { pressed = e.timeStamp; }, { capture: true, once: true });
		const stored = () => [...document.querySelectorAll("#article mark[data-id]:not([data-saving])")].some((m) => !before.has(m.dataset.id));
		const watch = new MutationObserver((records) => {
			const now = performance.now();
			if (shown < 0 && records.some((r) => r.type === "attributes" ? isNew(r.target) : [...r.addedNodes].some(isNew))) shown = now;
			if (shown >= 0 && stored()) {
				watch.disconnect();
				resolve({ Shown: shown - pressed, Stored: now - pressed });
			}
		});
		watch.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-id", "data-saving"] });
	});
	const sel = getSelection();
	sel.removeAllRanges();
	sel.addRange(range);
	return !sel.isCollapsed;
})(%d, %d)`
