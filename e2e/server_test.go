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

// server is the real redline binary serving the built client.
type server struct {
	URL string
	cmd *exec.Cmd
}

var listening = regexp.MustCompile(`serving on (http://\S+)`)

// startServer runs `redline serve --addr 127.0.0.1:0` from the repository
// root and waits for it to print its address.
func startServer(t testing.TB) *server {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(root, "bin", "redline")
	for _, f := range []string{bin, filepath.Join(root, "web", "app.wasm")} {
		if _, err := os.Stat(f); err != nil {
			t.Fatalf("%s is missing: run `make build` first (make e2e does)", f)
		}
	}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--dir", root)
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
		t.Fatal("redline serve did not print its address")
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
