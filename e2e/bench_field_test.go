//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/redline-news/redline/bench/corpus"
)

// The bench page (bench/web) runs Redline's Go code compiled to wasm
// (bench/wasm, built into bin/bench by `make bench`) against the npm
// libraries in bench/node_modules, all served from one local origin.

// timings is one contender's times in ms, in run order.
type timings []float64

// diffRun is one contender's word diff: its times and what it shows.
type diffRun struct {
	MS     timings `json:"ms"`
	Result struct {
		Changes int `json:"changes"` // runs of deleted or inserted text
		Marked  int `json:"marked"`  // code points marked deleted or inserted
	} `json:"result"`
}

// anchorRun is one contender's re-anchoring: its times and where it put
// each annotation in the new text (nil: orphaned).
type anchorRun struct {
	MS     timings   `json:"ms"`
	Result []*[2]int `json:"result"`
}

// fieldResults is everything the bench page measured.
type fieldResults struct {
	Diff struct {
		Redline   diffRun `json:"redline"`
		DMP       diffRun `json:"dmp"`
		TimeoutMS float64 `json:"timeoutMs"`
	}
	Anchor struct {
		Redline    anchorRun `json:"redline"`
		Hypothesis anchorRun `json:"hypothesis"`
	}
}

// serveField serves the bench page, its libraries, the wasm and the task
// (the pair without its truths) on 127.0.0.1, port chosen by the system.
func serveField(b *testing.B, root string, pair corpus.Pair) *httptest.Server {
	b.Helper()
	for _, f := range []string{
		"bench/node_modules/diff-match-patch/index.js",
		"bench/node_modules/approx-string-match/build/src/index.js",
		"bin/bench/bench.wasm",
		"bin/bench/wasm_exec.js",
	} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			b.Fatalf("%s is missing: run `make bench`", f)
		}
	}
	task, err := json.Marshal(pair.Task())
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(filepath.Join(root, "bench", "web"))))
	mux.Handle("/node_modules/", http.FileServer(http.Dir(filepath.Join(root, "bench"))))
	mux.Handle("/wasm/", http.StripPrefix("/wasm/", http.FileServer(http.Dir(filepath.Join(root, "bin", "bench")))))
	mux.HandleFunc("/task.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(task)
	})
	srv := httptest.NewServer(mux)
	b.Cleanup(srv.Close)
	return srv
}

// measureField runs the diff and the re-anchoring in the bench page, runs
// timed runs each, and returns the results and the browser's version.
func measureField(b *testing.B, root string, pair corpus.Pair, runs int) (fieldResults, string) {
	b.Helper()
	srv := serveField(b, root, pair)
	p := newBrowser(b)
	defer chromedp.Cancel(p.ctx)
	var res fieldResults
	p.run(
		chromedp.Navigate(srv.URL+"/"),
		chromedp.Evaluate(`bench.ready.then(() => true)`, nil, awaitPromise),
		chromedp.Evaluate(fmt.Sprintf(`bench.diff(%d)`, runs), &res.Diff, awaitPromise),
		chromedp.Evaluate(fmt.Sprintf(`bench.anchor(%d)`, runs), &res.Anchor, awaitPromise),
	)
	if errs := p.Errors(); len(errs) > 0 {
		b.Fatalf("the bench page reported errors: %v", errs)
	}
	if n := len(res.Anchor.Redline.Result); n != len(pair.Annotations) || len(res.Anchor.Hypothesis.Result) != n {
		b.Fatalf("placements for %d and %d annotations, want %d", n, len(res.Anchor.Hypothesis.Result), len(pair.Annotations))
	}
	return res, p.browserVersion()
}
