package ui

import (
	"time"

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

	ctx       app.Context // its own: the chunks left are drawn from it
	mounted   bool
	more      bool // some paragraphs are plain text still
	scheduled bool // a later task will lay out more
	// What the last render drew laid out: the revision and how many of
	// its paragraphs (see keepSelection).
	laidOutRev string
	laidOut    int
}

func (a *articleView) OnMount(ctx app.Context) {
	a.cursor = wordCursor{resume: -1}
	a.Model.text = a
	a.ctx, a.mounted = ctx, true
	if a.more {
		a.drawMoreLater() // the first render came before the mount
	}
}

func (a *articleView) OnDismount() {
	a.mounted = false
	if a.Model.text == a {
		a.Model.text = nil
	}
}

// drawMoreLater lays out the next chunk of paragraphs in a later task,
// so that the browser gets in between the chunks (articleViews), drawing
// only the article again.
func (a *articleView) drawMoreLater() {
	if !a.mounted || a.scheduled {
		return
	}
	a.scheduled = true
	redrawAlone(a.ctx, a.Model.ui, time.Millisecond, func(app.Context) { a.scheduled = false })
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
	if a.more = more; more {
		a.drawMoreLater()
	}
	if m.article.revision == a.laidOutRev && len(views) > a.laidOut && a.mounted {
		keepSelection(a.ctx, "article")
	}
	a.laidOutRev, a.laidOut = m.article.revision, len(views)
	// A child per chunk, each in its place from the first draw: a chunk
	// laid out replaces its plain text and leaves the others be. Spans
	// (shown as blocks): the article holds only text and highlights.
	paras := len(m.sess.Paragraphs)
	chunks := make([]app.UI, 0, (paras+chunkSize-1)/chunkSize)
	for from := 0; from < paras; from += chunkSize {
		to := min(from+chunkSize, paras)
		if to > len(views) {
			chunks = append(chunks, app.Raw(m.article.pendingHTML(m.sess, from/chunkSize)))
			continue
		}
		drawn := views[from:to]
		chunks = append(chunks, app.Span().Class("chunk").Body(app.Range(drawn).Slice(func(i int) app.UI { return drawn[i] })))
	}
	// Focusable, for the word cursor (app/wordcursor.go); data-drawing
	// while paragraphs are left for later tasks (the benchmark waits).
	return app.Article().ID("article").Class("article").Aria("label", "Article text").
		TabIndex(0).DataSet("drawing", more).
		OnClick(a.onClick).
		Body(chunks...)
}

// keepSelection selects again, once the update being drawn is in the
// page, the code points selected now in the element with the given id: a
// chunk of plain text replaced by its chunk laid out takes with it a
// selection made in it while the article was being drawn.
func keepSelection(ctx app.Context, rootID string) {
	sel := app.Window().Call("redlineSelection", rootID)
	if !sel.Truthy() {
		return
	}
	ctx.Defer(func(app.Context) {
		app.Window().Call("redlineSelect", rootID, sel.Get("start"), sel.Get("end"), sel.Get("backward"), true)
	})
}

// onClick selects the innermost highlight under the pointer.
func (a *articleView) onClick(ctx app.Context, e app.Event) {
	mark := e.Get("target").Call("closest", "mark[data-id]")
	if mark.Truthy() {
		a.Model.selectAnnotation(mark.Get("dataset").Get("id").String())
	}
}
