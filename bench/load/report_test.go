package load

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// row is one configuration's figures for the report.
type row struct {
	engine                string
	processes             int
	writes                int
	perSecond, p50, p99   float64
	conflicts, annotation int
}

// writeReport writes the BENCHMARKS.md section to bench/out/server.md
// (`make bench` appends it to BENCHMARKS.md), so the figures there come
// from a run, never from an edit.
func writeReport(root string, rows []row, loadBefore string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "\n## Server under concurrent writers\n\n")
	fmt.Fprintf(&b, "Measured by `go test -run '^$' -bench . -benchtime 1x ./bench/load/` on %s: %d cores, %s/%s, %s; load average %s before the run and %s after it. ",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), loadBefore, loadAverage())
	fmt.Fprintf(&b, "%d clients over HTTP/1.1 with API tokens write and read one project through real `redline serve` processes (two: clients alternate between them, on one database), %d rounds each: "+
		"POST an annotation, PUT it with its ETag, GET the shared annotation and PUT it with that ETag (200, or 412 when another client got there first), every fifth round GET a container page. "+
		"Writes/s counts the POSTs and PUTs over the whole run (reads included in the time); p50/p99 are the writes' latencies. "+
		"Afterwards every page of the container is walked (through the other process): each annotation answered 201 is listed exactly once with its last accepted body, and the shared one holds the last accepted PUT; any refused write other than a 412 fails the run. "+
		"SQLite: the embedded file (WAL, synchronous=FULL). PostgreSQL: a throw-away cluster on the same machine (fsync off).\n\n", clients, rounds)
	b.WriteString("| database | processes | writes | writes/s | p50 | p99 | 412s | annotations listed |\n|---|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %d | %.0f | %.1f ms | %.1f ms | %d | %d |\n", r.engine, r.processes, r.writes, r.perSecond, r.p50, r.p99, r.conflicts, r.annotation)
	}
	dir := filepath.Join(root, "bench", "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "server.md"), []byte(b.String()), 0o644)
}

// loadAverage is the one-minute load average, or "?".
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(data))[0]
}
