//go:build js && wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "github.com/redline-news/redline/app"
)

// main is the browser client: the same routes as the server, then go-app's
// event loop. The CLI files are excluded from this build so their imports do
// not weigh on app.wasm.
func main() {
	ui.Routes()
	app.RunWhenOnBrowser()
}
