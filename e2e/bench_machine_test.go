//go:build e2e

package e2e

import (
	"context"
	"os"
	"runtime"
	"strings"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// machine is what a benchmark report ran on.
type machine struct {
	CPU      string
	Cores    int
	OS       string
	Go       string
	Chromium string // the version the browser itself reports
}

func thisMachine(chromium string) machine {
	return machine{
		CPU:      cpuModel(),
		Cores:    runtime.NumCPU(),
		OS:       runtime.GOOS + "/" + runtime.GOARCH,
		Go:       runtime.Version(),
		Chromium: chromium[strings.LastIndex(chromium, "/")+1:], // "HeadlessChrome/156.0…" or "Chrome/156.0…"
	}
}

// cpuModel is the processor's name from /proc/cpuinfo, or "unknown" where
// there is no such file.
func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	for line := range strings.Lines(string(data)) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// loadAverage is the system's one-minute load average from /proc/loadavg,
// or "unknown": other work on the machine slows every figure down.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if fields := strings.Fields(string(data)); err == nil && len(fields) > 0 {
		return fields[0]
	}
	return "unknown"
}

// browserVersion is the browser's product and version, e.g.
// "HeadlessChrome/156.0.8078.79".
func (p *page) browserVersion() string {
	p.t.Helper()
	var product string
	p.run(chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		_, product, _, _, _, err = browser.GetVersion().Do(ctx)
		return err
	}))
	return product
}
