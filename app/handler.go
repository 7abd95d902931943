package ui

import (
	"net/http"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// appTitle is the browser tab's title on every page but a story's, which
// names the story (tester 5: several tabs of stories could not be told
// apart, nor by a screen reader).
const appTitle = "Redline — annotate the news"

// Handler is the go-app handler for the Redline PWA, serving static assets
// from root/web, with a loader whose compiled wasm Chrome can cache
// (cacheableLoader). version should change exactly when the client changes
// (a hash of app.wasm), and wasmSize is the uncompressed size of app.wasm.
func Handler(root, version string, wasmSize int64) http.Handler {
	return cacheableLoader(&app.Handler{
		Name:            "Redline",
		ShortName:       "Redline",
		Title:           appTitle,
		Description:     "Tag quotes and claims in news articles, offline; see how stories change between revisions.",
		Lang:            "en",
		BackgroundColor: "#fbf8f1",
		ThemeColor:      "#b31b1b",
		LoadingLabel:    "Loading Redline…", // no {progress}: see cacheableLoader
		// Every icon is local: the service worker pre-caches them, and a
		// single unreachable URL would leave the offline cache empty.
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles:  []string{"/web/redline.css"},
		Scripts: []string{"/web/redline.js defer"}, // cacheableLoader starts Go after it
		// go-app pre-caches the PNG icons but not the SVG one, nor the
		// core's worker and wasm, which must be there offline from the
		// first visit.
		CacheableResources:    []string{"/web/icon.svg", "/web/core-worker.js", "/web/core.wasm"},
		Resources:             newResources(root),
		ServiceWorkerTemplate: serviceWorker(),
		// The download of app.wasm starts as the page's head is read, not
		// once the deferred loader has run (~130 ms later on a first
		// visit); the loader's fetch takes over the preloaded response.
		RawHeaders:        []string{`<link rel="preload" href="/web/app.wasm" as="fetch" crossorigin="anonymous">`},
		Version:           version,
		WasmContentLength: strconv.FormatInt(wasmSize, 10),
	})
}
