package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
)

// tagToolbar is the small toolbar that appears by a selection
// (placeNearSelection puts it there).
type tagToolbar struct {
	app.Compo
	Model *storyModel
}

func (t *tagToolbar) Render() app.UI {
	return app.Div().ID("tagbar").Class("tagbar").Hidden(true).Role("toolbar").Aria("label", "Tag the selection").Body(
		app.Button().Class("k-quote").Text("Quote (q)").OnClick(t.tag(annotation.KindQuote)),
		app.Button().Class("k-claim").Text("Claim (c)").OnClick(t.tag(annotation.KindClaim)),
		app.Button().Class("k-note").Text("Note (n)").OnClick(t.tag(annotation.KindNote)),
	)
}

func (t *tagToolbar) tag(kind annotation.Kind) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if sel, ok := selection("article"); ok && t.Model.text != nil {
			t.Model.text.tag(ctx, sel, kind, false)
		}
	}
}
