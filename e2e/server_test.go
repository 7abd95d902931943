//go:build e2e

package e2e

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// server is a real server process: the redline binary, or the hello-world
// floor of the benchmarks.
type server struct {
	URL string
	cmd *exec.Cmd
}

var listening = regexp.MustCompile(`serving on (http://\S+)`)

// startServer runs `redline serve --addr 127.0.0.1:0` from the repository
// root, on a database of its own in the test's temporary directory (never
// a redline.db left in the checkout), and waits for it to print its address.
func startServer(t testing.TB) *server {
	t.Helper()
	root := repoRoot(t)
	return startProcess(t, root, "make build", filepath.Join(root, "bin", "redline"),
		"serve", "--addr", "127.0.0.1:0", "--dir", root, "--db", filepath.Join(t.TempDir(), "redline.db"))
}

func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// startProcess starts a server binary in dir (which must hold web/app.wasm)
// and waits for it to print its address; makeTarget builds what is missing.
func startProcess(t testing.TB, dir, makeTarget, bin string, args ...string) *server {
	t.Helper()
	for _, f := range []string{bin, filepath.Join(dir, "web", "app.wasm")} {
		if _, err := os.Stat(f); err != nil {
			t.Fatalf("%s is missing: run `%s` first", f, makeTarget)
		}
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd}
	t.Cleanup(s.Stop)
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
	case s.URL = <-found:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s did not print its address", filepath.Base(bin))
	}
	return s
}

// Stop kills the server and waits for it to exit, so the port is closed.
func (s *server) Stop() {
	if s.cmd.ProcessState != nil {
		return
	}
	s.cmd.Process.Kill()
	s.cmd.Wait()
}
