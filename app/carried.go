package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
)

// renderCarried is what needs the reader's eye after a new revision: the
// selected annotation's migration to accept, and the orphans (their words
// are gone) to re-attach to new words or leave.
func (p *storyPage) renderCarried() app.UI {
	var orphans []library.Placed
	for _, a := range p.m.sess.Annotations {
		if a.Orphaned {
			orphans = append(orphans, a)
		}
	}
	sel, hasSel := p.m.sess.Find(p.m.selected)
	review := hasSel && !sel.Orphaned && (sel.Status == annotation.StatusChanged || sel.Status == annotation.StatusMoved)
	if !review && len(orphans) == 0 {
		return nil
	}
	return app.Section().ID("carried").Class("carried").Aria("label", "Annotations to review").Body(
		app.If(review, func() app.UI {
			return app.Div().ID("review").Class("review").Body(
				app.P().Body(
					app.Strong().Text("This "+string(sel.Kind)+" was "+string(sel.Status)+" by the new revision. "),
					app.If(sel.Before != "", func() app.UI {
						return app.Span().Body(app.Text("Before: "), app.Del().Text(sel.Before), app.Text(" Now: "), app.Ins().Text(sel.Exact()))
					}),
				),
				app.Button().ID("accept").Text("Accept the new place").OnClick(func(ctx app.Context, e app.Event) { p.accept(ctx, sel.ID) }, itemScope(sel.ID)),
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
							OnClick(func(ctx app.Context, e app.Event) { p.reattach(ctx, o.ID) }, itemScope(o.ID)),
					)
				})),
			)
		}),
	)
}
