package webserver

import "net/http"

// ContentSecurityPolicy allows the page to load and connect only to its own
// origin. 'wasm-unsafe-eval' is what compiling app.wasm needs; nothing else
// may run, so even a hostile article that slipped past the parser could not
// load or execute anything.
const ContentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self' data: blob:; " +
	"connect-src 'self'; " +
	"worker-src 'self'; " +
	"manifest-src 'self'; " +
	"object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Handler serves app.wasm itself (and the other wasms given, each at its
// Path) and everything else through next, with security headers on every
// response.
func Handler(wasm *Wasm, next http.Handler, more ...*Wasm) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if r.URL.Path == WasmPath || r.URL.Path == "/app.wasm" {
			h.Set("Cache-Control", "no-cache")
			wasm.ServeHTTP(w, r)
			return
		}
		for _, m := range more {
			if r.URL.Path == m.Path() {
				h.Set("Cache-Control", "no-cache")
				m.ServeHTTP(w, r)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
