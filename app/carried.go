package ui

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
)

// carriedPanel is what needs the reader's eye after a new revision: the
// selected annotation's migration to accept, and the orphans (their words
// are gone) to re-attach to new words or leave.
type carriedPanel struct {
	app.Compo

	Model    *storyModel
	Selected string
	Version  int // the model's: the annotations may have changed
}

func (c *carriedPanel) Render() app.UI {
	m := c.Model
	var orphans []library.Placed
	for _, a := range m.sess.Annotations {
		if a.Orphaned {
			orphans = append(orphans, a)
		}
	}
	sel, hasSel := m.sess.Find(c.Selected)
	review := hasSel && !sel.Orphaned && (sel.Status == annotation.StatusChanged || sel.Status == annotation.StatusMoved)
	if !review && len(orphans) == 0 {
		return app.Section().ID("carried").Hidden(true)
	}
	return app.Section().ID("carried").Class("carried").Aria("label", "Annotations to review").Body(
		app.If(review, func() app.UI {
			return app.Div().ID("review").Class("review").Body(
				app.P().Body(
					app.Strong().Text("This "+string(sel.Kind)+" was "+carriedStatus(sel)+" by the new revision. "),
					app.If(sel.Before != "", func() app.UI {
						return app.Span().Body(app.Text("Before: "), app.Del().Text(sel.Before), app.Text(" Now: "), app.Ins().Text(sel.Exact()))
					}),
				),
				app.Button().ID("accept").Text("Accept the new place").OnClick(func(ctx app.Context, e app.Event) { c.accept(sel.ID) }, itemScope(sel.ID)),
			)
		}),
		app.If(len(orphans) > 0, func() app.UI {
			return app.Div().ID("orphans").Body(
				app.H2().Text("Orphaned: their words are gone"),
				app.P().Class("muted").Text("Select the words they now belong to in the article, then press Re-attach."),
				app.Ul().Body(app.Range(orphans).Slice(func(i int) app.UI {
					o := orphans[i]
					return app.Li().DataSet("id", o.ID).Body(
						app.Span().Class("badge", "k-"+string(o.Kind)).Text(string(o.Kind)),
						app.Del().Class("exact").Text(o.Exact()),
						app.Button().Class("reattach").Text("Re-attach to selection").
							OnClick(func(ctx app.Context, e app.Event) { c.reattach(o.ID) }, itemScope(o.ID)),
					)
				})),
			)
		}),
	)
}

// carriedStatus says how migration carried a: its status, and "changed
// and moved" for a passage edited and moved at once.
func carriedStatus(a library.Placed) string {
	if a.Moved && a.Status == annotation.StatusChanged {
		return "changed and moved"
	}
	return string(a.Status)
}

func (c *carriedPanel) accept(id string) {
	c.Model.change(func(ctx context.Context, s *library.Session) (string, error) {
		_, err := s.Accept(ctx, id)
		return "Accepted its new place.", err
	}, nil)
}

// reattach puts an orphan on the words selected in the article.
func (c *carriedPanel) reattach(id string) {
	sel, ok := selection("article")
	if !ok {
		c.Model.say(complaint("Select the words in the article first, then press Re-attach."))
		return
	}
	c.Model.change(func(ctx context.Context, s *library.Session) (string, error) {
		_, err := s.Reattach(ctx, id, sel)
		return "Re-attached.", err
	}, func(app.Context) { clearSelection() })
}
