//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// coreCached is true once the service worker's cache holds the core's
// worker script and wasm.
const coreCached = `(async () => {
	for (const key of await caches.keys()) {
		const c = await caches.open(key);
		if (await c.match("/web/core-worker.js") && await c.match("/web/core.wasm")) return true;
	}
	return false;
})()`

// TestCoreWorksOfflineFromFirstVisit: the engines' worker (core.wasm) is
// pre-cached on the first visit like the page itself, so with the server
// gone a story is still parsed, a revision diffed and its quote carried.
func TestCoreWorksOfflineFromFirstVisit(t *testing.T) {
	srv := startServer(t)
	p := newBrowser(t)
	p.run(chromedp.Navigate(srv.URL + "/"))
	p.waitMounted()
	p.waitOfflineReady()
	p.waitJS("the core's worker and wasm in the service worker's cache", coreCached)
	// The worker's own requests are not the page's, so ask as a browser does.
	req, _ := http.NewRequest("GET", srv.URL+"/web/core.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if enc := res.Header.Get("Content-Encoding"); res.StatusCode != http.StatusOK || enc != "br" {
		t.Errorf("core.wasm is served %s with Content-Encoding %q, want 200 with br", res.Status, enc)
	}

	srv.Stop()
	if res, err := http.Get(srv.URL); err == nil {
		res.Body.Close()
		t.Fatal("the server still answers after Stop")
	}
	p.run(chromedp.Reload())
	p.waitMounted()

	p.addFiles(sampleFile(t)) // parsed in the worker
	p.openStory("Vladimir Putin prayed")
	p.selectText("#article", "super smart")
	p.press("q")
	p.waitCount(`#article mark[data-kind="quote"]`, 1)
	p.run(chromedp.SetUploadFiles(`#page input[type="file"]`, []string{laterRevision(t)}, chromedp.ByQuery))
	p.waitCount(`#diff ins`, 1) // diffed and migrated in the worker
	if got := p.text(`#diff ins`); got != "very" {
		t.Errorf("<ins> = %q, want \"very\"", got)
	}
	p.waitCount(`#article mark[data-status="changed"]`, 1)
}

// TestCoreFailureIsAnError: with the core's wasm missing (a server built
// without it), adding a story says why it failed, promptly and every
// time, and stores nothing: a broken worker never leaves the page waiting.
func TestCoreFailureIsAnError(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	web := filepath.Join(dir, "web")
	if err := os.Mkdir(web, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(root, "web"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "core.wasm") {
			if err := os.Symlink(filepath.Join(root, "web", e.Name()), filepath.Join(web, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
	srv := startProcess(t, dir, "make build", filepath.Join(root, "bin", "redline"),
		"serve", "--addr", "127.0.0.1:0", "--dir", dir, "--db", filepath.Join(t.TempDir(), "redline.db"))
	p := newBrowser(t)
	p.run(chromedp.Navigate(srv.URL + "/"))
	p.waitMounted()
	for range 2 {
		p.click("#add-sample")
		p.waitJS("the failure to be reported", `document.querySelector("#status.error")?.textContent.includes("core")`)
		if n := p.count("li.story"); n != 0 {
			t.Errorf("%d stories stored although the core could not parse", n)
		}
		p.click("#status-dismiss")
	}
}

// TestBenchReportsCoreSize: the size table has the worker's own row.
func TestBenchReportsCoreSize(t *testing.T) {
	var r report
	r.Size.Redline = wasmSize{Raw: 9_000_000, Gzip: 2_500_000, Brotli: 1_800_000}
	r.Size.Hello = wasmSize{Raw: 7_000_000, Gzip: 1_900_000, Brotli: 1_400_000}
	r.Size.Core = wasmSize{Raw: 25_740_000, Gzip: 5_590_000, Brotli: 3_710_000}
	var w strings.Builder
	r.writeSize(&w)
	if !strings.Contains(w.String(), "| Redline's core worker (core.wasm") || !strings.Contains(w.String(), "| 25.74 MB | 5.59 MB | 3.71 MB |") {
		t.Errorf("the size table lacks the core's row:\n%s", w.String())
	}
}

// otherBuild wraps the page's Worker so that, as they cross, the page's
// requests (side "request") or the core's answers (side "answer") name
// another build: what a tab opened before a deploy meets when it starts
// the new deploy's worker, or the reverse.
const otherBuild = `(() => {
	const side = %q;
	const rename = (data) => {
		const i = data.indexOf("\n"), head = i < 0 ? data : data.slice(0, i);
		const m = JSON.parse(head);
		m.build = "a-build-from-before";
		return JSON.stringify(m) + (i < 0 ? "" : data.slice(i));
	};
	window.Worker = class extends window.Worker {
		postMessage(data, ...rest) { super.postMessage(side === "request" ? rename(data) : data, ...rest); }
		set onmessage(f) { super.onmessage = side === "answer" ? (e) => f({ data: rename(e.data) }) : f; }
	};
})()`

// TestCoreOfAnotherBuildSaysReload: the page and its core's worker are
// one build; a page that meets another build's core, either way, says to
// reload rather than misread the answer, stores nothing, and gives back
// the text pasted to be added.
func TestCoreOfAnotherBuildSaysReload(t *testing.T) {
	for _, side := range []string{"request", "answer"} {
		t.Run(side, func(t *testing.T) {
			srv := startServer(t)
			p := newBrowser(t)
			p.run(chromedp.ActionFunc(func(ctx context.Context) error {
				_, err := cdppage.AddScriptToEvaluateOnNewDocument(fmt.Sprintf(otherBuild, side)).Do(ctx)
				return err
			}), chromedp.Navigate(srv.URL+"/"))
			p.waitMounted()
			const pasted = "Officials said on Tuesday that the bridge would reopen in spring."
			for _, add := range []string{"#add-sample", "#add-paste"} {
				if add == "#add-paste" {
					p.setField("#paste", pasted)
					p.run(chromedp.WaitEnabled("#add-paste", chromedp.ByQuery)) // the app has taken the text
				}
				p.click(add)
				if add == "#add-sample" {
					// The first call starts the worker: compiling and
					// starting core.wasm can take longer than waitJS's
					// limit on a loaded machine.
					p.run(chromedp.Poll(`!document.querySelector("#status.busy")`, nil, chromedp.WithPollingTimeout(60*time.Second)))
				}
				if err := chromedp.Run(p.ctx, chromedp.Poll(`/Redline was updated: reload it to continue; nothing you typed is lost/.test(document.querySelector("#status.error")?.textContent ?? "")`, nil, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
					var st string
					p.eval(`document.querySelector("#status")?.className + ": " + document.querySelector("#status")?.textContent`, &st)
					t.Fatalf("after %s the page says %q, not to reload (%v)", add, st, err)
				}
				if n := p.count("li.story"); n != 0 {
					t.Errorf("%d stories stored from another build's answer", n)
				}
				// Dismissed from script: the bar is drawn again as the
				// library refreshes, and a pointer click can miss it.
				p.eval(`document.querySelector("#status-dismiss").click()`, nil)
				p.waitJS("the message dismissed", `!document.querySelector("#status.error")`)
			}
			p.waitJS("the pasted text back in its box", `document.querySelector("#paste").value === `+jsString(pasted))
		})
	}
}
