//go:build e2e

package e2e

import (
	"path/filepath"
	"testing"
)

// BenchmarkBuilt measures rows of the report one at a time on what
// `make bench` built (bin/bench/app and bin/hello), so that a change can be
// measured before and after without the whole report:
//
//	make bin/bench/app/web/app.wasm.br bin/hello/web/app.wasm.br
//	go test -tags e2e -run '^$' -bench '^BenchmarkBuilt$/start' -benchtime 1x ./e2e/
func BenchmarkBuilt(b *testing.B) {
	root := repoRoot(b)
	redline := startBuilt(filepath.Join(root, "bin", "bench", "app"), "redline", "serve", "--addr", "127.0.0.1:0", "--dir", ".")
	hello := startBuilt(filepath.Join(root, "bin", "hello"), "hello", "--addr", "127.0.0.1:0")
	b.Run("start", func(b *testing.B) {
		for range b.N {
			red, hi := measureStart(b, redline, startRuns), measureStart(b, hello, startRuns)
			b.ReportMetric(median(red.First), "ms/first-visit")
			b.ReportMetric(median(hi.First), "ms/hello-first-visit")
			b.ReportMetric(median(red.First)/median(hi.First), "x/first-visit")
			b.ReportMetric(median(red.Offline), "ms/offline-reload")
			b.ReportMetric(median(hi.Offline), "ms/hello-offline-reload")
			b.ReportMetric(median(red.Offline)/median(hi.Offline), "x/offline-reload")
		}
	})
	b.Run("revision-100KB", func(b *testing.B) {
		pair := benchPair(b, root)
		for range b.N {
			r := measureRevision(b, redline, pair, revRuns)
			b.ReportMetric(median(r.Shown), "ms/diff-shown")
			b.ReportMetric(median(r.Longest), "ms/longest-block")
			b.ReportMetric(slowest(r.Longest), "ms/slowest-longest-block")
			b.ReportMetric(float64(r.Carried), "carried")
		}
	})
	b.Run("library-500", func(b *testing.B) {
		for range b.N {
			start, longest := measureLibraryStart(b, redline)
			b.ReportMetric(start, "ms/library-500-start")
			b.ReportMetric(longest, "ms/library-500-longest-block")
		}
	})
}
