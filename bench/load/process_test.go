package load

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

var listening = regexp.MustCompile(`serving on (http://\S+)`)

// repoRoot is where web/app.wasm is served from.
func repoRoot(b testing.TB) string {
	root, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "web", "app.wasm")); err != nil {
		b.Skip("web/app.wasm is missing: run `make build` first")
	}
	return root
}

// buildRedline builds the redline binary into a temporary directory.
func buildRedline(b testing.TB, root string) string {
	bin := filepath.Join(b.TempDir(), "redline")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/redline")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// serve starts `redline serve` on a free port with the database flags and
// returns its URL; the process is stopped at the end of the benchmark.
func serve(b testing.TB, bin, root string, dbFlags ...string) string {
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0", "--dir", root}, dbFlags...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
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
	case <-time.After(60 * time.Second):
		b.Fatal(fmt.Sprintf("%s serve did not print its address", bin))
	}
	return ""
}
