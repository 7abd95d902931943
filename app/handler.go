package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Handler is the go-app handler for the Redline PWA, serving static assets
// from root/web. version should change
// exactly when the client changes (a hash of app.wasm), and wasmSize is the
// uncompressed size of app.wasm, so the loading progress is right even
// though the file travels compressed.
func Handler(root, version string, wasmSize int64) *app.Handler {
	return &app.Handler{
		Name:            "Redline",
		ShortName:       "Redline",
		Title:           "Redline — annotate the news",
		Description:     "Tag quotes and claims in news articles, offline; see how stories change between revisions.",
		Lang:            "en",
		BackgroundColor: "#fbf8f1",
		ThemeColor:      "#b31b1b",
		LoadingLabel:    "Loading Redline… {progress}%",
		// Every icon is local: the service worker pre-caches them, and a
		// single unreachable URL would leave the offline cache empty.
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles:  []string{"/web/redline.css"},
		Scripts: []string{"/web/redline.js"},
		// go-app pre-caches the PNG icons but not the SVG one, nor the
		// core's worker and wasm, which must be there offline from the
		// first visit.
		CacheableResources:    []string{"/web/icon.svg", "/web/core-worker.js", "/web/core.wasm"},
		Resources:             newResources(root),
		ServiceWorkerTemplate: serviceWorker(),
		Version:               version,
		WasmContentLength:     strconv.FormatInt(wasmSize, 10),
	}
}
