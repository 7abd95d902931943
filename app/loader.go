package ui

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
)

// progressFetch is how go-app's loader (/app.js) fetches app.wasm: through
// fetchWithProgress, which copies the download into a Response of its own
// to count bytes for the loading label. That copy has no URL, and Chrome
// keeps the compiled code of a wasm (its code cache) only for a Response
// fetched from one, so every start compiled the 12 MB module again.
const progressFetch = `fetchWithProgress("/web/app.wasm", showProgress)`

// plainFetch hands the compiler the fetched Response itself. The loading
// label says "Loading Redline…" without a percentage.
const plainFetch = `fetch("/web/app.wasm")`

// cacheableLoader serves go-app's /app.js with plainFetch in place of
// progressFetch, and everything else as next does. A go-app whose loader
// no longer has progressFetch is served unchanged (TestLoaderCompiles
// catches that).
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
			body = []byte(strings.Replace(string(body), progressFetch, plainFetch, 1))
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
