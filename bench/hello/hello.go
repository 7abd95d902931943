// Command hello is the floor Redline is measured against: a bare go-app
// page built by the same toolchain with the same flags and served the same
// way (pre-compressed wasm, local icons). It is built only by `make bench`.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// hello renders one heading; OnMount records when the client took over,
// in the same attribute Redline's library uses, so one probe times both.
type hello struct {
	app.Compo
	mountedAt float64
}

func (h *hello) OnMount(app.Context) {
	h.mountedAt = app.Window().Get("performance").Call("now").Float()
}

func (h *hello) Render() app.UI {
	return app.H1().ID("library").DataSet("mounted-at", h.mountedAt).Text("Hello, world")
}
