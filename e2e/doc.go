// Package e2e holds Redline's end-to-end tests: the real redline binary
// serving the real wasm client, driven in headless Chromium with chromedp.
// They need `make build` first and run with `go test -tags e2e ./e2e/`
// (`make e2e` does both). Without Chromium they skip, saying how to install
// it, except under CI=true, where a missing browser fails the run.
package e2e
