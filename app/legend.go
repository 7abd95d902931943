package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// legend says what the marks and the timeline mean, in the sidebar.
func legend() app.UI {
	return app.Details().ID("legend").Class("legend").Body(
		app.Summary().Text("What the marks mean"),
		markKey(),
		app.P().Class("muted").Text("Timeline: a bar above the line is words added by that revision, below it words removed; a dot is annotations it moved, changed or orphaned (bigger: more). Press Enter on a point to see its changes."),
	)
}

// markKey lists what each kind and look of mark means: in the sidebar's
// legend, and in print, where colours alone say nothing.
func markKey() app.UI {
	entry := func(sample app.UI, meaning string) app.UI {
		return app.Li().Body(sample, app.Text(" "+meaning))
	}
	return app.Ul().Class("mark-key").Body(
		entry(app.Mark().Class("k-quote").Text("quote"), "someone's words, with who said them"),
		entry(app.Mark().Class("k-claim").Text("claim"), "a statement to check, with its verdict"),
		entry(app.Mark().Class("k-note").Text("note"), "your own remark"),
		entry(app.Mark().Class("k-quote").Text("solid"), "intact: the words are where they were"),
		entry(app.Mark().Class("k-quote").Attr("data-status", "moved").Text("dotted"), "moved: the same words, elsewhere in the new revision"),
		entry(app.Mark().Class("k-quote").Attr("data-status", "changed").Text("dashed"), "changed: the words were edited; the tooltip and the editor show them before"),
		entry(app.Span().Class("badge", "orphaned").Text("orphaned"), "the words are gone: listed apart, to re-attach to new words"),
	)
}
