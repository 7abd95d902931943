package ui

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
)

// loaderChanges are what Redline changes in go-app's loader (/app.js),
// each an exact text of go-app's and its replacement.
var loaderChanges = []struct{ old, new string }{
	// go-app fetches app.wasm through fetchWithProgress, which copies the
	// download into a Response of its own to count bytes for the loading
	// label. That copy has no URL, and Chrome keeps the compiled code of a
	// wasm (its code cache) only for a Response fetched from one. The
	// label says "Loading Redline…" without a percentage.
	{`fetchWithProgress("/web/app.wasm", showProgress)`, `fetch("/web/app.wasm")`},
	// The service worker registers once the first screen is drawn rather
	// than first thing: on a first visit its install downloads, unpacks
	// and stores both wasms (38 MB) while the page compiles its own.
	// redline.js is deferred (Handler), so that it does not hold up the
	// parsing of the page and with it the loader; the Go client, which
	// calls it, starts once it has run: it sets redlineLoaded last, and
	// deferred scripts run before DOMContentLoaded. readyState alone
	// does not tell: it is "interactive" before deferred scripts run. If
	// redline.js failed, the page's load event still starts the client.
	{
		"    go.run(wasm.instance);\n",
		"    if (!window.redlineLoaded && document.readyState !== \"complete\") {\n      await new Promise((ready) => { document.addEventListener(\"DOMContentLoaded\", ready); window.addEventListener(\"load\", ready); });\n    }\n    go.run(wasm.instance);\n",
	},
	{
		"goappInitServiceWorker();\ngoappWatchForUpdate();\ngoappWatchForInstallable();\ngoappInitWebAssembly();\n",
		"goappWatchForUpdate();\ngoappWatchForInstallable();\ngoappInitWebAssembly().finally(goappInitServiceWorker);\n",
	},
}

// cacheableLoader serves go-app's /app.js with loaderChanges made, and
// everything else as next does. A change whose text go-app no longer has
// is left out (TestLoaderChanges catches that).
func cacheableLoader(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/app.js" && r.URL.Path != "/goapp.js" {
			next.ServeHTTP(w, r)
			return
		}
		var b bufferedResponse
		b.header = w.Header()
		next.ServeHTTP(&b, r)
		body := b.body.Bytes()
		if b.status == 0 || b.status == http.StatusOK {
			js := string(body)
			for _, c := range loaderChanges {
				js = strings.Replace(js, c.old, c.new, 1)
			}
			body = []byte(js)
			b.header.Set("Content-Length", strconv.Itoa(len(body)))
		}
		if b.status != 0 {
			w.WriteHeader(b.status)
		}
		w.Write(body)
	})
}

// bufferedResponse holds a response until it is rewritten; its headers
// are the real writer's.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header         { return b.header }
func (b *bufferedResponse) WriteHeader(status int)      { b.status = status }
func (b *bufferedResponse) Write(p []byte) (int, error) { return b.body.Write(p) }
