//go:build e2e && !js

package idb_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSelfTestInChromium builds selftestpage for wasm and runs idb.SelfTest
// (the store conformance suite, Watch across connections, the upgrade from
// version 1) in headless Chromium:
//
//	go test -tags e2e ./app/idb/
//
// It skips when Chromium is missing (set CHROMIUM to its path), except
// under CI=true.
func TestSelfTestInChromium(t *testing.T) {
	browser := findChromium(t)
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "selftest.wasm"), "./selftestpage")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the self-test page: %v\n%s", err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	wasmExec, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/selftest.wasm", http.FileServer(http.Dir(dir)))
	mux.HandleFunc("/wasm_exec.js", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		w.Write(wasmExec)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte(page))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	// Chromium's helper processes may still write to the profile after the
	// browser exits, which t.TempDir's cleanup would report as a failure.
	profile, err := os.MkdirTemp("", "redline-idb-selftest-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(profile)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(browser), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.UserDataDir(profile))
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelTimeout()

	var result string
	err = chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.Poll(`window.redlineSelfTest`, &result, chromedp.WithPollingInterval(200*time.Millisecond)),
	)
	if err != nil {
		t.Fatalf("running the self-test page: %v", err)
	}
	var failures []string
	if err := json.Unmarshal([]byte(result), &failures); err != nil {
		t.Fatalf("self-test result %q: %v", result, err)
	}
	for _, f := range failures {
		t.Error(f)
	}
}

const page = `<!doctype html>
<meta charset="utf-8">
<title>Redline IndexedDB self-test</title>
<script src="/wasm_exec.js"></script>
<script>
const go = new Go();
WebAssembly.instantiateStreaming(fetch("/selftest.wasm"), go.importObject).then(r => go.run(r.instance));
</script>
<body>running…</body>`

// findChromium is the browser the e2e tests use (see e2e/browser_test.go).
func findChromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "Chromium not found: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM=/path/to/chrome"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}
