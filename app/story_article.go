package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/library"
)

// articleView is the article's text with its highlights (and, in Suggest
// mode, the suggestions): a click on a mark selects it; q, c and n tag
// the selection (tagging.go) and the word cursor selects words from the
// keyboard (wordcursor.go).
type articleView struct {
	app.Compo

	Model   *storyModel
	Version int // the model's: redraw with it

	cursor wordCursor
}

func (a *articleView) OnMount(ctx app.Context) {
	a.cursor = wordCursor{resume: -1}
	a.Model.text = a
}

func (a *articleView) OnDismount() {
	if a.Model.text == a {
		a.Model.text = nil
	}
}

// Render draws the text as paragraphs of segments; each highlight is a
// <mark> per segment it covers, nested outermost first. Text is only ever
// a text node: article content cannot become markup.
func (a *articleView) Render() app.UI {
	m := a.Model
	var suggestions []library.Suggestion
	current := ""
	if m.suggest != nil {
		suggestions, current = m.suggest.shown()
	}
	views, more := m.article.draw(m.sess, m.selected, m.saving, suggestions, current)
	if more {
		m.drawMoreLater()
	}
	// Focusable, for the word cursor (app/wordcursor.go); data-drawing
	// while paragraphs are left for later tasks (the benchmark waits).
	return app.Article().ID("article").Class("article").Aria("label", "Article text").
		TabIndex(0).DataSet("drawing", more).
		OnClick(a.onClick).
		Body(app.Range(views).Slice(func(i int) app.UI { return views[i] }))
}

// onClick selects the innermost highlight under the pointer.
func (a *articleView) onClick(ctx app.Context, e app.Event) {
	mark := e.Get("target").Call("closest", "mark[data-id]")
	if mark.Truthy() {
		a.Model.selectAnnotation(mark.Get("dataset").Get("id").String())
	}
}
