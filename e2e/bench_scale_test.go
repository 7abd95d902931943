//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/redline-news/redline/bench/corpus"
)

// scaleResults are the app's figures at ten times the size: one story of
// 1 MB with 10,000 annotations, and a library of 500 stories.
type scaleResults struct {
	Bytes, Annotations int
	Open               float64 // ms from navigation to the story with every mark drawn
	OpenLongest        float64 // the longest task meanwhile, ms
	WasmMB, HeapMB     float64 // the wasm memory and the JS heap in use after opening, MB
	ScrollLongest      float64 // the longest task while scrolling through the article, ms
	ScrollFrame        float64 // the longest frame meanwhile, ms
	Search             float64 // ms from typing a word in the sidebar's search to its count
	Export             float64 // ms from the Export click to the file handed to the browser
	Tag                tagTimes
	Revision           revisionRuns
	Stories            int
	LibraryStart       float64 // ms from navigation to the 500 stories listed
	LibraryLongest     float64 // the longest task meanwhile, ms
}

// scaleStories is the library's size at ten times the size.
const scaleStories = 500

// measureScale measures the app (started by start) at ten times the
// size: the pair (1 MB, 10,000 annotations) added and opened as in
// measureTagging, then opened again, scrolled through, searched, tagged
// tagRuns times, exported, and given the pair's revision; and, in another
// profile, a library of 500 stories listed at start-up.
func measureScale(b *testing.B, start func(testing.TB) *server, pair corpus.Pair, tagRuns int) scaleResults {
	b.Helper()
	r := scaleResults{Bytes: len(pair.Old), Annotations: len(pair.Annotations), Stories: scaleStories}
	srv := start(b)
	defer srv.Stop()
	p := benchBrowser(b, srv)
	defer chromedp.Cancel(p.ctx)
	shown := p.storyWithAnnotations(b, pair, "bench-scale")
	p.waitSaved()

	r.Open, r.OpenLongest = p.timeOpen(shown)
	var mem struct{ Wasm, Heap float64 }
	p.run(chromedp.Evaluate(`({ Heap: performance.memory ? performance.memory.usedJSHeapSize : 0 })`, &mem))
	mem.Wasm = p.wasmMemory()
	r.WasmMB, r.HeapMB = mem.Wasm/1e6, mem.Heap/1e6

	var scroll struct{ Longest, Frame float64 }
	p.evalWithin("the scroll through the article", 2*time.Minute, scrollJS, &scroll)
	r.ScrollLongest, r.ScrollFrame = scroll.Longest, scroll.Frame

	p.evalWithin("the search's count", 2*time.Minute, searchJS, &r.Search)
	p.run(chromedp.Evaluate(`(() => { const s = document.querySelector("#filter-search"); s.value = ""; s.dispatchEvent(new Event("input", {bubbles: true})); })()`, nil))
	p.waitJS("the search cleared", `document.querySelector("#count")?.textContent.startsWith(`+jsString(fmt.Sprintf("%d ", shown))+`)`)

	r.Tag = p.timeTags(b, shown, tagRuns)
	p.evalWithin("the export's download", 5*time.Minute, exportJS, &r.Export)

	newFile := filepath.Join(b.TempDir(), "bench-scale-revision.txt")
	if err := os.WriteFile(newFile, []byte(pair.New), 0o644); err != nil {
		b.Fatal(err)
	}
	p.timeRevision(b, newFile, &r.Revision)

	r.LibraryStart, r.LibraryLongest = measureLibraryStart(b, start)
	return r
}

// timeOpen loads the story page shown afresh and returns the ms from
// navigation to its marks drawn and its count of shown annotations said,
// and the longest task meanwhile; it returns once every mark is drawn.
func (p *page) timeOpen(shown int) (float64, float64) {
	p.t.Helper()
	p.run(chromedp.Reload())
	open, longest := p.timeUntil(`document.querySelectorAll("#article mark[data-id]").length > 0 && document.querySelector("#count")?.textContent.endsWith(" of ` + itoaJS(shown) + `")`)
	p.waitMarks(shown)
	return open, longest
}

// BenchmarkOpenStory is measureScale's open row alone, at each of
// benchstory.Sizes: the story added with its annotations, then opened
// afresh (a reload) runs times. To measure a change to opening without
// the whole Scale row's several minutes:
//
//	go test -tags e2e -run '^$' -bench 'OpenStory/100KB' -benchtime 1x ./e2e/
func BenchmarkOpenStory(b *testing.B) {
	const runs = 3
	atEachSize(b, func(b *testing.B, pair corpus.Pair) {
		srv := startServer(b)
		p := newBrowserWithin(b, benchSession)
		p.run(chromedp.Navigate(srv.URL + "/"))
		p.waitMounted()
		shown := p.storyWithAnnotations(b, pair, "bench-open")
		p.waitSaved()
		var open, longest []float64
		for range runs {
			o, l := p.timeOpen(shown)
			open, longest = append(open, o), append(longest, l)
		}
		chromedp.Cancel(p.ctx)
		srv.Stop()
		b.ReportMetric(median(open), "ms/open")
		b.ReportMetric(median(longest), "ms/open-longest-block")
		b.ReportMetric(slowest(longest), "ms/open-slowest-longest-block")
	})
}

// measureLibraryStart adds 500 stories and times the library's start-up
// with them: from navigation to the list drawn.
func measureLibraryStart(b *testing.B, start func(testing.TB) *server) (float64, float64) {
	b.Helper()
	srv := start(b)
	defer srv.Stop()
	p := benchBrowser(b, srv)
	defer chromedp.Cancel(p.ctx)
	dir := b.TempDir()
	const batch = 50
	for from := 0; from < scaleStories; from += batch {
		var files []string
		for i := from; i < from+batch; i++ {
			f := filepath.Join(dir, fmt.Sprintf("story-%03d.txt", i))
			text := fmt.Sprintf("Story number %d\n\nThis is the lede of story %d, one of many in a long library.\n\nIt says what story %d says, and a little more: %s.", i, i, i, strings.Repeat("words of the story ", 1+i%7))
			if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
			files = append(files, f)
		}
		p.addFiles(files...)
		p.waitJS(fmt.Sprintf("%d stories", from+batch), `document.querySelectorAll("li.story").length >= `+itoaJS(min(from+batch, libraryLimit)))
	}
	p.run(chromedp.Reload())
	return p.timeUntil(`document.querySelectorAll("li.story").length >= ` + itoaJS(libraryLimit))
}

// libraryLimit is how many stories the library must list at start-up for
// the measure to stop (it draws a window of them: app/library.go).
const libraryLimit = 100

// wasmMemory is the size of the page's WebAssembly memories, in bytes,
// found through DevTools (Runtime.queryObjects): go-app keeps its instance
// to itself, and a script run before the page's own (to catch it) made
// Chromium lose the page's context under the pre-compressed app.
func (p *page) wasmMemory() float64 {
	p.t.Helper()
	var n float64
	p.run(chromedp.ActionFunc(func(ctx context.Context) error {
		proto, _, err := cdpruntime.Evaluate("WebAssembly.Memory.prototype").Do(ctx)
		if err != nil {
			return err
		}
		list, err := cdpruntime.QueryObjects(proto.ObjectID).Do(ctx)
		if err != nil {
			return err
		}
		got, _, err := cdpruntime.CallFunctionOn(`function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }`).
			WithObjectID(list.ObjectID).WithReturnByValue(true).Do(ctx)
		if err != nil {
			return err
		}
		return json.Unmarshal(got.Value, &n)
	}))
	return n
}

// timeUntil polls a condition after a navigation and returns the page's
// clock when it first held (ms since navigation start, to within the
// 20 ms polling interval) and the longest task seen until then, as far as
// the page's buffer of long tasks holds them (an observer with buffered).
func (p *page) timeUntil(cond string) (float64, float64) {
	p.t.Helper()
	p.run(chromedp.Evaluate(`(() => { window.benchTasks = []; new PerformanceObserver((list) => { for (const t of list.getEntries()) benchTasks.push(t.duration); }).observe({ type: "longtask", buffered: true }); })()`, nil))
	js := `(() => { if (!(` + cond + `)) return 0;
		return { at: performance.now(), longest: Math.max(0, ...(window.benchTasks || [])) }; })()`
	var got struct{ At, Longest float64 }
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		var v any
		p.run(chromedp.Evaluate(js, &v))
		if m, ok := v.(map[string]any); ok {
			got.At, _ = m["at"].(float64)
			got.Longest, _ = m["longest"].(float64)
			return got.At, got.Longest
		}
		time.Sleep(20 * time.Millisecond)
	}
	p.t.Fatalf("waiting for %s", cond)
	return 0, 0
}

func itoaJS(n int) string { return fmt.Sprint(n) }

// evalWithin awaits the promise js and stores its value in out, failing
// with what and the page's state if it has not settled within limit (a
// bench that waits without limit hangs until the browser's deadline).
func (p *page) evalWithin(what string, limit time.Duration, js string, out any) {
	p.t.Helper()
	race := `Promise.race([` + js + `, new Promise((_, fail) => setTimeout(() => fail(new Error("not within ` + limit.String() + `")), ` + fmt.Sprint(limit.Milliseconds()) + `))])`
	if err := chromedp.Run(p.ctx, chromedp.Evaluate(race, out, awaitPromise)); err != nil {
		var state string
		_ = chromedp.Run(p.ctx, chromedp.Evaluate(`JSON.stringify({status: document.querySelector("#status")?.textContent, count: document.querySelector("#count")?.textContent, hidden: document.hidden, drawing: document.querySelector("[data-drawing=true]")?.id, selection: getSelection().toString(), focus: document.activeElement?.id || document.activeElement?.tagName, editor: document.querySelector("#editor")?.dataset.id})`, &state))
		p.t.Fatalf("%s: %v; the page: %s", what, err, state)
	}
}

// scrollJS scrolls the window through the article in 30 steps, a frame
// each, and returns the longest task and the longest frame meanwhile.
const scrollJS = `new Promise((resolve) => {
	let longest = 0, frame = 0;
	const tasks = new PerformanceObserver((list) => { for (const t of list.getEntries()) longest = Math.max(longest, t.duration); });
	tasks.observe({ type: "longtask" });
	const article = document.querySelector("#article");
	const top = article.getBoundingClientRect().top + scrollY, height = article.offsetHeight;
	let step = 0, last = performance.now();
	const next = (now) => {
		frame = Math.max(frame, now - last);
		last = now;
		if (step > 30) {
			setTimeout(() => { tasks.disconnect(); resolve({ Longest: longest, Frame: frame }); }, 100);
			return;
		}
		scrollTo(0, top + height * step / 30);
		step++;
		requestAnimationFrame(next);
	};
	requestAnimationFrame((now) => { last = now; requestAnimationFrame(next); });
})`

// searchJS types a word in the sidebar's search and returns the ms until
// the count of annotations shown changes.
const searchJS = `new Promise((resolve) => {
	const count = () => document.querySelector("#count")?.textContent, before = count();
	const box = document.querySelector("#filter-search");
	const t0 = performance.now();
	// The whole page is watched: the sidebar may draw #count as a new node.
	const watch = new MutationObserver(() => {
		if (count() !== before) { watch.disconnect(); resolve(performance.now() - t0); }
	});
	watch.observe(document.body, { childList: true, characterData: true, subtree: true });
	box.value = "Putin";
	box.dispatchEvent(new Event("input", { bubbles: true }));
})`

// exportJS clicks Export and returns the ms until the app hands the file
// to the browser (redlineDownload).
const exportJS = `new Promise((resolve) => {
	const real = window.redlineDownload;
	const t0 = performance.now();
	window.redlineDownload = (...args) => { window.redlineDownload = real; resolve(performance.now() - t0); };
	document.querySelector("#export-json").click();
})`

// writeScale writes the figures at ten times the size beside those at
// 100 KB (nothing written when not measured).
func (r *report) writeScale(w *strings.Builder) {
	s := r.Scale
	if s.Bytes == 0 {
		return
	}
	w.WriteString("## At ten times the size\n\n")
	fmt.Fprintf(w, "The same app and test data made ten times bigger (bench/corpus): a story of %s bytes with %s annotations, added and opened as above, then "+
		"*open*: the story page loaded afresh, from navigation to every mark drawn; *scroll*: the window scrolled through the article in 30 steps, a frame each; "+
		"*search*: a word typed in the sidebar's search, to its count changing; *tag*: as in Tagging latency, %d runs; *export*: the Export click to the file handed to the browser; "+
		"*add a revision*: as above, one run. *Start-up*: another profile with a library of %d small stories, from navigation to the first %d listed. "+
		"*Longest block* is the longest task meanwhile (PerformanceObserver `longtask`). Memory after opening: the wasm instance's linear memory and the JS heap in use (`performance.memory`).\n\n",
		thousands(s.Bytes), thousands(s.Annotations), len(s.Tag.Shown), s.Stories, libraryLimit)
	table(w, []string{"", "100 KB, 1,000 annotations", fmt.Sprintf("%s KB, %s annotations", thousands(s.Bytes/1000), thousands(s.Annotations)), "longest block"},
		[]string{"open", "", ms(s.Open), ms(s.OpenLongest)},
		[]string{"scroll (longest frame)", "", ms(s.ScrollFrame), ms(s.ScrollLongest)},
		[]string{"search", "", ms(s.Search), ""},
		[]string{"tag: keypress to highlight", spread(r.Tagging.Shown), spread(s.Tag.Shown), ""},
		[]string{"tag: to stored", spread(r.Tagging.Stored), spread(s.Tag.Stored), ""},
		[]string{"export (W3C JSON-LD)", "", ms(s.Export), ""},
		[]string{"add a revision: diff on screen", spread(r.Revision.Shown), spread(s.Revision.Shown), spread(s.Revision.Longest)},
		[]string{fmt.Sprintf("start-up, library of %d stories", s.Stories), "", ms(s.LibraryStart), ms(s.LibraryLongest)},
	)
	fmt.Fprintf(w, "Memory after opening the %s KB story: wasm %.0f MB, JS heap %.0f MB.\n\n", thousands(s.Bytes/1000), s.WasmMB, s.HeapMB)
}
