//go:build e2e

package e2e

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// BenchmarkStart measures the time from navigation start to a mounted first
// screen, on a first visit (fresh profile: download, compile, run) and on an
// offline reload (server stopped, everything from the service worker
// cache), for Redline and for the bare go-app hello-world (`make bench`
// builds it). Each iteration is a new browser; the reported figures are
// medians in milliseconds.
func BenchmarkStart(b *testing.B) {
	root := repoRoot(b)
	apps := []struct {
		name  string
		start func(b *testing.B) *server
	}{
		{"redline", func(b *testing.B) *server { return startServer(b) }},
		{"hello", func(b *testing.B) *server {
			dir := filepath.Join(root, "bin", "hello")
			return startProcess(b, dir, "make bench", filepath.Join(dir, "hello"), "--addr", "127.0.0.1:0")
		}},
	}
	for _, a := range apps {
		b.Run(a.name, func(b *testing.B) {
			var first, offline []float64
			for range b.N {
				srv := a.start(b)
				p := newBrowser(b)
				p.run(chromedp.Navigate(srv.URL + "/"))
				first = append(first, p.waitMounted())
				p.waitOfflineReady()
				srv.Stop()
				p.run(chromedp.Reload())
				offline = append(offline, p.waitMounted())
			}
			b.ReportMetric(median(first), "ms-first-visit")
			b.ReportMetric(median(offline), "ms-offline")
			b.ReportMetric(0, "ns/op")
		})
	}
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
