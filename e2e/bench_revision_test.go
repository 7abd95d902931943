//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/redline-news/redline/bench/corpus"
)

// revisionRun is one later version added in the app.
type revisionRuns struct {
	Shown   timings // ms from the file input's change to the diff on screen
	Longest timings // the longest task that blocked the page meanwhile, ms
	Carried int     // annotations on the new revision afterwards
}

// measureRevision times adding a later version in the real app, runs
// times: each run adds the pair's old text as a new story with its 1,000
// annotations, then gives the pair's new text to the story view's file
// input. A run is the time from the input's change event to #diff in the
// DOM (the app parses the file, diffs, carries every annotation over,
// and shows the diff), and the longest task that kept the page from
// answering until the revision was stored and its marks drawn
// (PerformanceObserver "longtask").
func measureRevision(b *testing.B, start func(testing.TB) *server, pair corpus.Pair, runs int) revisionRuns {
	b.Helper()
	newFile := filepath.Join(b.TempDir(), "bench-revision.txt")
	if err := os.WriteFile(newFile, []byte(pair.New), 0o644); err != nil {
		b.Fatal(err)
	}
	srv := start(b)
	defer srv.Stop()
	var r revisionRuns
	for k := range runs {
		timeRevisionRun(b, srv, pair, newFile, k, &r)
	}
	return r
}

// timeRevisionRun is one run of measureRevision, in a browser of its own:
// in one profile, the second story of the same text imported only 982 of
// the 1,000 annotations (their ids were the first story's), and the run
// waited for the rest until it failed.
func timeRevisionRun(b *testing.B, srv *server, pair corpus.Pair, newFile string, k int, r *revisionRuns) {
	p := benchBrowser(b, srv)
	defer chromedp.Cancel(p.ctx)
	p.storyWithAnnotations(b, pair, fmt.Sprintf("bench-story-%d", k))
	p.timeRevision(b, newFile, r)
	b.Logf("run %d: diff shown %.0f ms, longest block %.0f ms, %d carried", k, r.Shown[k], r.Longest[k], r.Carried)
}

// timeRevision gives file to the story view's file input and adds the
// run to r, as measureRevision describes.
func (p *page) timeRevision(b *testing.B, file string, r *revisionRuns) {
	b.Helper()
	p.run(chromedp.Evaluate(armRevisionJS, nil))
	p.run(chromedp.SetUploadFiles(`#revision-file`, []string{file}, chromedp.ByQuery))
	var got struct {
		Shown, Longest, Added float64
		Tasks                 [][2]float64
	}
	p.run(chromedp.Evaluate(`benchRevision`, &got, awaitPromise))
	r.Shown = append(r.Shown, got.Shown)
	r.Longest = append(r.Longest, got.Longest)
	b.Logf("long tasks [ms from the change, ms long]: %v; diff shown at %.0f ms, the revision added at %.0f ms", got.Tasks, got.Shown, got.Added)
	p.run(chromedp.Evaluate(`new Set([...document.querySelectorAll("#article mark[data-id]")].map(m => m.dataset.id)).size + document.querySelectorAll("#orphans li").length`, &r.Carried))
}

// armRevisionJS sets window.benchRevision to a promise of {shown, longest}:
// ms from the next change event to #diff appearing, and the longest task
// seen from the change until the revision is stored and its marks drawn
// (the status says it was added, no mark is being saved and no
// paragraph of the article nor piece of the comparison is left to draw:
// #article's and #compare's data-drawing),
// then 300 ms more, for the article's last chunks and the last long task's
// report.
const armRevisionJS = `(() => {
	window.benchRevision = new Promise((resolve, reject) => {
		let changed = -1, longest = 0, shown = -1, addedAt = -1;
		const seen = [];
		const tasks = new PerformanceObserver((list) => {
			for (const t of list.getEntries()) if (t.startTime >= changed) {
				longest = Math.max(longest, t.duration);
				seen.push([Math.round(t.startTime - changed), Math.round(t.duration)]);
			}
		});
		tasks.observe({ type: "longtask" });
		addEventListener("change", (e) => { changed = e.timeStamp; }, { capture: true, once: true });
		// The status fades after a few seconds, so its news is kept.
		let added = false;
		const done = () => {
			added ||= /^Added the revision/.test(document.querySelector("#status")?.textContent || "");
			if (added && addedAt < 0) addedAt = performance.now() - changed;
			return added && !document.querySelector("#article mark[data-saving]") && !document.querySelector('#article[data-drawing="true"], #compare[data-drawing="true"]');
		};
		const watch = new MutationObserver(() => {
			if (changed < 0) return;
			if (shown < 0 && document.querySelector("#diff")) shown = performance.now() - changed;
			if (shown >= 0 && done()) {
				watch.disconnect();
				setTimeout(() => { tasks.disconnect(); resolve({ Shown: shown, Longest: longest, Added: addedAt, Tasks: seen }); }, 300);
			}
		});
		watch.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
		setTimeout(() => reject(new Error("the revision was not stored and drawn within 2 minutes; status: " +
			document.querySelector("#status")?.textContent + "; diff shown: " + (shown >= 0) +
			"; drawing: " + document.querySelector("#article")?.dataset.drawing)), 120000);
	});
})()`
