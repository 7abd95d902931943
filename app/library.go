package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// library is the home screen: the list of stories, or, with none yet, what
// to do first.
type library struct {
	app.Compo
	mountedAt float64 // ms since navigation start; 0 in the server's pre-render
}

// OnMount runs only in the browser. data-mounted tells end-to-end tests
// that the wasm client, not the server's pre-render, is on screen, and
// data-mounted-at when, for the start-up benchmark.
func (l *library) OnMount(ctx app.Context) {
	l.mountedAt = app.Window().Get("performance").Call("now").Float()
}

func (l *library) Render() app.UI {
	return app.Div().Body(
		topBar(),
		app.Main().ID("library").
			DataSet("mounted", l.mountedAt > 0).
			DataSet("mounted-at", l.mountedAt).
			Body(
				app.H2().Text("Your stories"),
				emptyLibrary(),
			),
	)
}

// topBar is the app's title bar, shared by every page.
func topBar() app.UI {
	return app.Header().Class("bar").Body(
		app.H1().Body(app.Span().Class("mark").Text("Red"), app.Text("line")),
	)
}

func emptyLibrary() app.UI {
	return app.Section().Class("empty").Body(
		app.H2().Text("No stories yet"),
		app.P().Text("Redline keeps the news articles you annotate, and every later version of them, right here in your browser. It works without a network once this page has loaded."),
		app.Ol().Body(
			app.Li().Text("Add a story: paste an article's text, or choose a saved .txt, .md or .html file."),
			app.Li().Text("Select words and tag them as a quote (q), a claim (c) or a note (n)."),
			app.Li().Text("When the story is edited, add the new version: Redline shows what changed and carries your annotations over."),
			app.Li().Text("Export your annotations as W3C Web Annotation JSON or CSV."),
		),
	)
}
