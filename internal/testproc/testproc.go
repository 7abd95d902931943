// Package testproc starts server processes for tests (bench/load, e2e):
// it runs a command and waits for the address it prints. It is pure Go
// and untagged so that tests with and without build tags share it.
package testproc

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// listening is the line `redline serve` (and the benchmarks' floor
// server) prints once it accepts connections.
var listening = regexp.MustCompile(`serving on (http://\S+)`)

// Start starts cmd, its stderr the test's, and returns the URL it prints
// on stdout; t fails when none comes within wait. A process still running
// when the test ends is killed; a caller that wants a gentler stop
// registers its own cleanup after Start returns, which runs first.
func Start(t testing.TB, cmd *exec.Cmd, wait time.Duration) string {
	t.Helper()
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	select {
	case url := <-found:
		return url
	case <-time.After(wait):
		t.Fatalf("%s did not print its address within %v", filepath.Base(cmd.Path), wait)
	}
	return ""
}
