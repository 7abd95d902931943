//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browserPaths are where Debian and other distributions put Chromium.
var browserPaths = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}

func findBrowser(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, p := range browserPaths {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "Chromium not found: install it to run the browser tests (Debian/Ubuntu: sudo apt-get install chromium), or set CHROMIUM=/path/to/chrome"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// page is one browser tab plus what it has logged, for assertions.
type page struct {
	ctx context.Context
	t   testing.TB

	mu       sync.Mutex
	errors   []string // console errors, uncaught exceptions, CSP violations
	console  []string // every console message, for failure reports
	requests []string // every URL the page asked for
	headers  map[string]network.Headers
}

// newBrowser starts headless Chromium with a fresh profile (the flags of
// DESIGN.md: no network chatter of its own) and returns its first tab.
func newBrowser(t testing.TB) *page {
	t.Helper()
	return newBrowserWithin(t, 90*time.Second)
}

// newBrowserWithin is newBrowser for a session of the given length (the
// benchmarks at ten times the size take longer).
func newBrowserWithin(t testing.TB, limit time.Duration) *page {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(findBrowser(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profileDir(t)),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })

	p := &page{ctx: ctx, t: t, headers: map[string]network.Headers{}}
	chromedp.ListenTarget(ctx, p.observe)
	if err := chromedp.Run(ctx, network.Enable(), log.Enable(), runtime.Enable()); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return p
}

// profileDir is a fresh Chromium profile directory, removed after the
// test. Not t.TempDir: Chromium's helper processes may still be writing to
// it for a moment after the browser is cancelled, which fails TempDir's
// strict cleanup; a leftover profile in /tmp is harmless.
func profileDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "redline-e2e-profile-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 20 {
			if os.RemoveAll(dir) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	return dir
}

func (p *page) observe(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
		}
		line := string(ev.Type) + ": " + strings.Join(parts, " ")
		p.console = append(p.console, line)
		if ev.Type == runtime.APITypeError {
			p.errors = append(p.errors, line)
		}
	case *runtime.EventExceptionThrown:
		p.errors = append(p.errors, "exception: "+ev.ExceptionDetails.Error())
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.LevelError {
			p.errors = append(p.errors, fmt.Sprintf("log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		p.requests = append(p.requests, ev.Request.URL)
	case *network.EventResponseReceived:
		p.headers[ev.Response.URL] = ev.Response.Headers
	}
}

// run runs chromedp actions and fails the test on error.
func (p *page) run(actions ...chromedp.Action) {
	p.t.Helper()
	if err := chromedp.Run(p.ctx, actions...); err != nil {
		p.mu.Lock()
		console := strings.Join(p.console, "\n")
		p.mu.Unlock()
		p.t.Fatalf("browser: %v\nbrowser errors so far:\n%s\nconsole:\n%s", err, strings.Join(p.Errors(), "\n"), console)
	}
}

// Errors returns what the page reported as errors so far.
func (p *page) Errors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

// Requests returns every URL requested so far.
func (p *page) Requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

// ResponseHeader returns a header of the response to a URL ("" if none).
func (p *page) ResponseHeader(rawURL, name string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	for k, v := range p.headers[rawURL] {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(v)
		}
	}
	return ""
}

// waitMounted waits until the wasm client has mounted the first screen and
// returns when, in ms since navigation start: the server's pre-render has
// data-mounted-at="0", the client sets the time.
func (p *page) waitMounted() float64 {
	p.t.Helper()
	var at float64
	p.run(
		chromedp.WaitVisible(`#library:not([data-mounted-at="0"])`, chromedp.ByQuery),
		chromedp.Evaluate(`Number(document.querySelector("#library").dataset.mountedAt)`, &at),
	)
	return at
}

// waitOfflineReady waits until the service worker is active and its cache
// holds the app shell and app.wasm: from then on the app starts offline.
func (p *page) waitOfflineReady() {
	p.t.Helper()
	const js = `(async () => {
		const reg = await navigator.serviceWorker.ready;
		if (!reg.active) return false;
		for (const key of await caches.keys()) {
			const c = await caches.open(key);
			if (await c.match("/") && await c.match("/web/app.wasm") && await c.match("/app.js")) return true;
		}
		return false;
	})()`
	deadline := time.Now().Add(90 * time.Second)
	for {
		var ready bool
		p.run(chromedp.Evaluate(js, &ready, awaitPromise))
		if ready {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("service worker never cached the app; errors: %v", p.Errors())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams {
	return p.WithAwaitPromise(true)
}

// sameOrigin reports the URLs that are not on origin (data: and blob: URLs
// are local by construction).
func sameOrigin(origin string, urls []string) (foreign []string) {
	for _, u := range urls {
		parsed, err := url.Parse(u)
		if err != nil {
			foreign = append(foreign, u)
			continue
		}
		if parsed.Scheme == "data" || parsed.Scheme == "blob" {
			continue
		}
		if parsed.Scheme+"://"+parsed.Host != origin {
			foreign = append(foreign, u)
		}
	}
	return foreign
}
