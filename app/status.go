package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// status is the one-line message a page shows about the last thing it did.
type status struct {
	kind string // "ok", "error", "busy"; "" shows nothing
	text string
}

func failure(err error) status { return status{kind: "error", text: err.Error()} }
func busy(text string) status  { return status{kind: "busy", text: text} }

func (s status) render() app.UI {
	if s.kind == "" {
		return app.Div().ID("status").Role("status").Class("status")
	}
	role := "status"
	if s.kind == "error" {
		role = "alert"
	}
	return app.Div().ID("status").Role(role).Class("status", s.kind).Text(s.text)
}
