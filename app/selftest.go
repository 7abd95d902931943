package ui

import (
	"context"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// storageSelfTest is the page at /selftest/storage: it runs the storage
// conformance suite (idb.SelfTest) against this browser's IndexedDB, in
// throwaway databases, and lists what failed. End-to-end tests require
// zero failures; a reader whose data will not save can run it too.
//
// #selftest appears only when the run has finished (data-done="true"):
// the server's pre-render never runs it, so it never shows a result.
type storageSelfTest struct {
	app.Compo
	done     bool
	failures []string
}

func (s *storageSelfTest) OnMount(ctx app.Context) {
	ctx.Async(func() {
		var failures []string
		for _, err := range storageSelfTestRun(context.Background()) {
			failures = append(failures, err.Error())
		}
		ctx.Dispatch(func(app.Context) { s.done, s.failures = true, failures })
	})
}

func (s *storageSelfTest) Render() app.UI {
	return app.Div().ID("page").Body(
		topBar(nil),
		app.Main().Body(
			app.H2().Text("Storage self-test"),
			app.P().Class("muted").Text("Checks that this browser stores stories and annotations correctly, in throwaway databases: your library is not touched."),
			app.If(!s.done, func() app.UI {
				return busy("Running… this takes a few seconds.").render()
			}).Else(func() app.UI {
				return app.Section().ID("selftest").DataSet("done", true).Body(
					app.P().Text(fmt.Sprintf("storage self-test: %d failures", len(s.failures))),
					app.Ul().Body(app.Range(s.failures).Slice(func(i int) app.UI { return app.Li().Text(s.failures[i]) })),
				)
			}),
		),
	)
}
