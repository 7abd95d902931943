package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// library is the home screen: the list of stories.
type library struct {
	app.Compo
}

func (l *library) Render() app.UI {
	return app.Main().ID("library").Body(
		app.H1().Text("Your stories"),
		app.P().Class("empty").Text("No stories yet."),
	)
}
