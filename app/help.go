package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// helpDialog lists the story page's keyboard shortcuts (? opens and
// closes it).
type helpDialog struct {
	app.Compo

	Model *storyModel

	open bool
	ctx  app.Context
}

func (h *helpDialog) OnMount(ctx app.Context) { h.ctx, h.Model.help = ctx, h }

func (h *helpDialog) OnDismount() {
	if h.Model.help == h {
		h.Model.help = nil
	}
}

func (h *helpDialog) toggle() { h.ctx.Dispatch(func(app.Context) { h.open = !h.open }) }
func (h *helpDialog) hide()   { h.ctx.Dispatch(func(app.Context) { h.open = false }) }

func (h *helpDialog) Render() app.UI {
	if !h.open {
		return app.Text("")
	}
	return app.Dialog().ID("shortcuts").Aria("labelledby", "shortcuts-title").
		On("close", func(ctx app.Context, e app.Event) { h.open = false }).Body(
		&modal{Dialog: "shortcuts"},
		// The focus opens on the heading, not on Close at the end: a
		// dialog scrolls to its focused control, and on a small screen
		// the first shortcuts were out of view.
		app.H2().ID("shortcuts-title").TabIndex(-1).Attr("autofocus", true).Text("Keyboard shortcuts"),
		shortcutList(shortcuts),
		app.H3().Text("While suggesting"),
		shortcutList(suggestKeys),
		app.Button().Text("Close").OnClick(func(ctx app.Context, e app.Event) { h.open = false }),
	)
}

func shortcutList(keys []shortcut) app.UI {
	return app.Dl().Body(app.Range(keys).Slice(func(i int) app.UI {
		return app.Div().Body(app.Dt().Body(app.Kbd().Text(keys[i].keys)), app.Dd().Text(keys[i].action))
	}))
}
