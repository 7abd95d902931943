//go:build e2e

package e2e

import (
	"testing"

	"github.com/redline-news/redline/bench/corpus"
	"github.com/redline-news/redline/internal/benchstory"
)

// The rows of the report one at a time, on the app `make build` built
// (web/app.wasm, bin/redline), to measure a change without the whole of
// `make bench`:
//
//	go test -tags e2e -run '^$' -bench '^BenchmarkTagging$' -benchtime 1x ./e2e/
//
// Each reports its medians (and slowest runs) as metrics. Sizes: 100KB is
// the report's test data, 1MB the same made ten times bigger (10,000
// annotations).

func BenchmarkTagging(b *testing.B) {
	atEachSize(b, func(b *testing.B, pair corpus.Pair) {
		ms, _ := measureTagging(b, startServer, pair, tagRuns)
		b.ReportMetric(median(ms.Shown), "ms/tag")
		b.ReportMetric(slowest(ms.Shown), "ms/slowest-tag")
		b.ReportMetric(median(ms.Stored), "ms/tag-stored")
	})
}

func BenchmarkAddRevision(b *testing.B) {
	atEachSize(b, func(b *testing.B, pair corpus.Pair) {
		r := measureRevision(b, startServer, pair, 3)
		b.ReportMetric(median(r.Shown), "ms/diff-shown")
		b.ReportMetric(median(r.Longest), "ms/longest-block")
		b.ReportMetric(float64(r.Carried), "carried")
	})
}

// atEachSize runs measure b.N times on the bench's story of each size,
// a sub-benchmark per size.
func atEachSize(b *testing.B, measure func(b *testing.B, pair corpus.Pair)) {
	root := repoRoot(b)
	for _, size := range benchstory.Sizes {
		b.Run(size.Name, func(b *testing.B) {
			pair := benchstory.Make(b, root, size).Pair
			for range b.N {
				measure(b, pair)
			}
		})
	}
}

// slowest is the largest of xs (0 for none).
func slowest(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// BenchmarkScale measures the app at ten times the size (measureScale).
func BenchmarkScale(b *testing.B) {
	pair := benchstory.Make(b, repoRoot(b), benchstory.Sizes[1]).Pair
	for range b.N {
		r := measureScale(b, startServer, pair, 5)
		for _, m := range []struct {
			v    float64
			unit string
		}{
			{r.Open, "ms/open"}, {r.OpenLongest, "ms/open-longest-block"}, {r.WasmMB, "MB/wasm-memory"}, {r.HeapMB, "MB/js-heap"},
			{r.ScrollFrame, "ms/scroll-longest-frame"}, {r.ScrollLongest, "ms/scroll-longest-block"}, {r.Search, "ms/search"},
			{median(r.Tag.Shown), "ms/tag"}, {median(r.Tag.Stored), "ms/tag-stored"}, {r.Export, "ms/export"},
			{median(r.Revision.Shown), "ms/revision-diff-shown"}, {median(r.Revision.Longest), "ms/revision-longest-block"},
			{r.LibraryStart, "ms/library-500-start"}, {r.LibraryLongest, "ms/library-500-longest-block"},
		} {
			b.ReportMetric(m.v, m.unit)
		}
	}
}
