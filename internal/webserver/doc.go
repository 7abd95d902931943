// Package webserver serves the parts of the Redline web app that go-app's
// handler does not handle well on its own: the pre-compressed app.wasm
// (brotli or gzip by Accept-Encoding, so a 15 MB binary crosses the wire as
// about 3 MB), a version derived from the wasm's content (so a restart with
// the same build does not make every client download it again), and the
// security headers every response carries. It is plain net/http: the go-app
// handler is passed in as the next handler.
package webserver
