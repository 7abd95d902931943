package ui

import (
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// status is the one-line message a page shows about the last thing it did.
type status struct {
	kind string // "ok", "error", "busy"; "" shows nothing
	text string
	seq  uint64 // which message this is: the same words said again are a new message
	// href and link: a link shown after the text (the way on), if href is set.
	href, link string
}

var statusSeq atomic.Uint64

func newStatus(kind, text string) status {
	return status{kind: kind, text: text, seq: statusSeq.Add(1)}
}

func success(text string) status   { return newStatus("ok", text) }
func failure(err error) status     { return newStatus("error", err.Error()) }
func busy(text string) status      { return newStatus("busy", text) }
func complaint(text string) status { return newStatus("error", text) }

func (s status) render() app.UI {
	return &statusBar{Kind: s.kind, Text: s.text, Seq: s.seq, Href: s.href, Link: s.link}
}

// statusFade is how long a message that something was done stays on
// screen: the bar is sticky and would cover what the reader moved to.
const statusFade = 4 * time.Second

// statusBar shows a status message, announced to screen readers (role
// status; alert for an error). A message that something was done fades
// after statusFade; an error stays until dismissed or replaced.
type statusBar struct {
	app.Compo

	Kind, Text string
	Seq        uint64
	Href, Link string // a link after the text ("" none)

	gone uint64 // the message faded or dismissed
}

func (b *statusBar) OnMount(ctx app.Context)  { b.fadeLater(ctx) }
func (b *statusBar) OnUpdate(ctx app.Context) { b.fadeLater(ctx) }

func (b *statusBar) fadeLater(ctx app.Context) {
	// Once drawn: where it covers no control (redlinePlaceStatus).
	ctx.Defer(func(app.Context) { app.Window().Call("redlinePlaceStatus") })
	if b.Kind != "ok" {
		return
	}
	seq := b.Seq
	ctx.After(statusFade, func(app.Context) {
		if b.Seq == seq {
			b.gone = seq
		}
	})
}

func (b *statusBar) Render() app.UI {
	if b.Kind == "" || b.gone == b.Seq {
		// The live region stays in the page, empty, so that the next
		// message is announced.
		return app.Div().ID("status").Role("status").Class("status")
	}
	link := app.If(b.Href != "", func() app.UI { return app.A().ID("status-link").Href(b.Href).Text(b.Link) })
	if b.Kind != "error" {
		return app.Div().ID("status").Role("status").Class("status", b.Kind).Body(app.Span().Text(b.Text), link)
	}
	return app.Div().ID("status").Role("alert").Class("status", b.Kind).Body(
		app.Span().Text(b.Text), link,
		app.Button().ID("status-dismiss").Class("dismiss").Aria("label", "Dismiss this message").Text("×").
			OnClick(func(ctx app.Context, e app.Event) { b.gone = b.Seq }),
	)
}
