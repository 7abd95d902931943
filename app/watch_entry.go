package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// watchEntry is the way from the library to "Watch a web page…". It asks
// the server nothing (a request that is answered 401 would be an error in
// every signed-out reader's console): the page it leads to says when
// signing in is needed.
func watchEntry() app.UI {
	return app.P().ID("watch-entry").Class("muted").Body(
		app.Text("…or, signed in to a Redline server, "),
		app.A().ID("watch-page-link").Href("/watch").Text("Watch a web page…"),
		app.Text(" for a project: the server captures each new revision of it."),
	)
}
