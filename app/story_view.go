package ui

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (p *storyPage) Render() app.UI {
	if p.m == nil || p.m.sess == nil {
		var st status // the server's pre-render, before the page mounts
		if p.m != nil {
			st = p.m.status
		}
		return app.Div().ID("page").Body(
			topBar(nil),
			app.Main().ID("story").Body(st.render(), app.P().Body(app.A().Href("/").Text("Back to your stories"))),
		)
	}
	m := p.m
	s := m.sess
	rev := s.Revision()
	return app.Div().ID("page").
		Body(
			topBar(&storyActions{Model: m, Version: m.version}),
			app.Main().ID("story").Class("story").Body(
				app.Header().Class("story-head").Body(
					app.H2().ID("story-title").Text(s.Story.Title),
					app.P().Class("meta").Body(
						app.If(rev.Byline != "", func() app.UI {
							return app.Span().ID("story-byline").Class("byline").Text(bylineText(rev.Byline) + " · ")
						}),
						app.Span().ID("story-date").Text(rev.DateLabel()),
						app.Text(" · "+plural(m.wordCount(rev), "word")),
					),
				),
				m.status.render(),
				slot(m.readOnly(), func() app.UI {
					return app.P().ID("read-only").Class("notice").Role("note").Text(readOnlyWords)
				}),
				slot(s.Current < len(s.Revisions)-1, func() app.UI {
					latest := len(s.Revisions) - 1
					return app.P().ID("old-revision").Class("notice").Role("note").Body(
						app.Text(fmt.Sprintf("You are reading an earlier revision (#%d, %s). What you tag here stays on it; the latest is #%d, %s. ", s.Current+1, rev.DateLabel(), latest+1, s.Revisions[latest].DateLabel())),
						app.Button().Text("Show the latest").OnClick(func(ctx app.Context, e app.Event) { m.show(ctx, latest) }, itemScope(latest)),
					)
				}),
				&revisionsPanel{Model: m, Version: m.version},
				&suggestMode{Model: m, Version: m.version},
				slot(m.compare != nil, func() app.UI {
					return &comparePanel{Model: m, Comparison: m.compare, Revisions: len(s.Revisions)}
				}),
				app.Div().Class("columns").Body(
					&articleView{Model: m, Version: m.version},
					app.Div().Class("side").Body(&carriedPanel{Model: m, Selected: m.selected, Version: m.version}, &annotationSidebar{Model: m, Version: m.version}),
				),
				app.If(m.printing != nil, func() app.UI {
					return &printView{Model: m, Version: m.version, Changes: m.printing.Changes, First: m.printing.First, Asked: m.printing.Asked}
				}),
				app.If(m.printing == nil && len(s.Annotations) <= printAlways, func() app.UI {
					return &printView{Model: m, Version: m.version, First: s.Current == 0}
				}),
			),
			slot(!m.readOnly(), func() app.UI { return &tagToolbar{Model: m} }),
			&helpDialog{Model: m},
			&importDialog{Model: m},
		)
}

func itoa(n int) string { return strconv.Itoa(n) }
