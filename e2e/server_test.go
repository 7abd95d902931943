//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/testproc"
)

// server is a real server process: the redline binary, or the hello-world
// floor of the benchmarks.
type server struct {
	URL string
	cmd *exec.Cmd
}

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
	s := &server{cmd: cmd}
	s.URL = testproc.Start(t, cmd, 30*time.Second)
	t.Cleanup(s.Stop)
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
