//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/redline-news/redline/bench/corpus"
	"github.com/redline-news/redline/internal/benchstory"
)

// How many timed runs each figure is the median of.
const (
	startRuns    = 7  // each a fresh server and browser: the slowest part
	fieldRuns    = 15 // after one warm-up run; a run takes well under a second
	tagRuns      = 15 // after one warm-up run
	revRuns      = 5  // each imports 1,000 annotations into a fresh story first
	scaleTagRuns = 5  // at ten times the size, where each run takes seconds
)

// BenchmarkReport measures Redline against its peers, in one go and in the
// same headless Chromium, and writes the Markdown report
// bench/out/BENCHMARKS.md (`make bench` copies it to BENCHMARKS.md):
//
//   - app.wasm size, raw and as served, against the go-app hello-world;
//   - start-up, first visit and offline reload, against the hello-world;
//   - the word diff of a ~100 KB revision against diff-match-patch;
//   - carrying 1,000 annotations to that revision against Hypothesis's
//     anchoring (approx-string-match), timed and judged against the truth;
//   - tagging latency in the app with 1,000 annotations on the page;
//   - adding the revision in the app with those annotations carried over.
//
// It needs what `make bench` builds: the app (in bin/bench/app, apart from
// `make build`), the hello-world, bench/wasm and bench/node_modules. Each iteration measures everything again.
func BenchmarkReport(b *testing.B) {
	root := repoRoot(b)
	pair := benchPair(b, root)
	redline, hello := filepath.Join(root, "bin", "bench", "app"), filepath.Join(root, "bin", "hello")
	startRedline := startBuilt(redline, "redline", "serve", "--addr", "127.0.0.1:0", "--dir", ".")
	startHello := startBuilt(hello, "hello", "--addr", "127.0.0.1:0")
	for range b.N {
		r := report{Pair: pair, Date: time.Now().UTC(), LoadBefore: loadAverage()}
		r.Size.Redline = wasmSizes(b, redline)
		r.Size.Hello = wasmSizes(b, hello)
		r.Size.Core = wasmSizesOf(b, redline, "core.wasm")
		r.Start.Redline = measureStart(b, startRedline, startRuns)
		r.Start.Hello = measureStart(b, startHello, startRuns)
		var chromium string
		r.Field, chromium = measureField(b, root, pair, fieldRuns)
		r.Tagging, r.Shown = measureTagging(b, startRedline, pair, tagRuns)
		r.Revision = measureRevision(b, startRedline, pair, revRuns)
		r.Scale = measureScale(b, startRedline, benchstory.Make(b, root, benchstory.Sizes[1]).Pair, scaleTagRuns)
		r.Machine, r.LoadAfter = thisMachine(chromium), loadAverage()
		if core, err := os.ReadFile(filepath.Join(root, "bench", "out", "core.txt")); err == nil {
			r.Core = string(core)
		}

		out := filepath.Join(root, "bench", "out", "BENCHMARKS.md")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(out, []byte(r.Markdown()), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Logf("wrote %s", out)
	}
	b.ReportMetric(0, "ns/op")
}

// benchPair is the test data: the sample article grown to ~100 KB, a
// revision of it and 1,000 annotations (package corpus).
func benchPair(b *testing.B, root string) corpus.Pair {
	b.Helper()
	return benchstory.Make(b, root, benchstory.Sizes[0]).Pair
}
