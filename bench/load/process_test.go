package load

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/testproc"
)

// redline is a redline binary built for these tests, with a web/
// directory holding a stand-in app.wasm: serve needs one to start, and
// nothing here loads the app.
type redline struct {
	bin, dir string
}

var (
	buildOnce  sync.Once
	built      redline
	buildError error
)

// buildRedline builds the binary once per test run.
func buildRedline(b testing.TB) redline {
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "redline-load-")
		if err != nil {
			buildError = err
			return
		}
		built = redline{bin: filepath.Join(dir, "redline"), dir: dir}
		if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
			buildError = err
			return
		}
		if err := os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
			buildError = err
			return
		}
		cmd := exec.Command("go", "build", "-o", built.bin, "./cmd/redline")
		cmd.Dir = "../.."
		if out, err := cmd.CombinedOutput(); err != nil {
			buildError = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildError != nil {
		b.Fatal(buildError)
	}
	return built
}

// serve starts `redline serve` on a free port with the database flags and
// returns its URL; the process is stopped at the end of the test.
func serve(b testing.TB, r redline, dbFlags ...string) string {
	url, _ := start(b, r, dbFlags...)
	return url
}

// start is serve that also returns the process, to kill it.
func start(b testing.TB, r redline, dbFlags ...string) (string, *exec.Cmd) {
	cmd := exec.Command(r.bin, append([]string{"serve", "--addr", "127.0.0.1:0", "--dir", r.dir}, dbFlags...)...)
	url := testproc.Start(b, cmd, 60*time.Second)
	b.Cleanup(func() {
		if cmd.ProcessState == nil { // not killed by the test
			cmd.Process.Signal(os.Interrupt)
			cmd.Wait()
		}
	})
	return url, cmd
}
