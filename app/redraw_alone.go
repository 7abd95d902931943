package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// redrawAlone runs do (nil: nothing) after d, in a later task, and draws
// again only the component whose context own is, not the page around it.
// go-app's Dispatch flags a component and every component enclosing it,
// so a chunk of the article or of the comparison drawn from its own
// context still drew the whole story page again: the sidebar, the
// revisions and the tools, 50–100 ms a chunk on a 100 KB story with 1,000
// annotations. around is the context of the component enclosing own;
// PreventUpdate there takes back exactly what this Dispatch added to it
// and to the components around it, so an update something else asked for
// in the same frame still happens.
func redrawAlone(own, around app.Context, d time.Duration, do func(app.Context)) {
	own.After(d, func(ctx app.Context) {
		around.PreventUpdate()
		if do != nil {
			do(ctx)
		}
	})
}
