package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// modal makes the <dialog> it is drawn in modal (tester 2's bug 15): the
// dialog is opened with showModal, so the focus moves into it, Tab stays
// in it and the page behind is inert; when the dialog is taken away the
// focus goes back to what opened it (redlineShowModal in web/redline.js).
// The dialog itself must handle its "close" event (Esc closes a modal
// dialog in the browser) by no longer drawing itself.
type modal struct {
	app.Compo
	Dialog string // the id of the dialog
}

func (m *modal) OnMount(ctx app.Context) { app.Window().Call("redlineShowModal", m.Dialog) }

func (m *modal) Render() app.UI { return app.Span().Hidden(true) }
