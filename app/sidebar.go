package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
)

// renderSidebar lists the annotations in text order under the filters,
// with the editor of the selected one on top.
func (p *storyPage) renderSidebar() app.UI {
	s := p.sess
	list := s.Filtered(p.filter)
	return app.Aside().ID("sidebar").Class("sidebar").Aria("label", "Annotations").Body(
		app.If(p.selected != "", p.renderEditor),
		app.H2().Text("Annotations"),
		p.renderFilters(),
		app.P().ID("count").Class("muted").Text(plural(len(list), "annotation")+" shown of "+itoa(len(s.Annotations))),
		app.Ul().ID("annotations").Class("annotations").Body(app.Range(list).Slice(func(i int) app.UI {
			a := list[i]
			li := app.Li().DataSet("id", a.ID).DataSet("kind", string(a.Kind))
			if a.ID == p.selected {
				li = li.Class("selected")
			}
			return li.Body(app.Button().Class("item").OnClick(func(ctx app.Context, e app.Event) { p.selectAnnotation(ctx, a.ID) }).Body(
				app.Span().Class("badge", "k-"+string(a.Kind)).Text(string(a.Kind)),
				app.If(a.Orphaned, func() app.UI { return app.Span().Class("badge", "orphaned").Text("orphaned") }),
				app.Span().Class("exact").Text(shorten(a.Exact(), 140)),
				app.If(a.Speaker != "", func() app.UI { return app.Span().Class("who").Text("— " + a.Speaker) }),
				app.If(a.Verdict != "", func() app.UI { return app.Span().Class("verdict").Text(string(a.Verdict)) }),
				app.If(len(a.Tags) > 0, func() app.UI { return app.Span().Class("tags").Text("#" + strings.Join(a.Tags, " #")) }),
			))
		})),
	)
}

func (p *storyPage) renderFilters() app.UI {
	s := p.sess
	kinds := make([]string, len(annotation.Kinds))
	for i, k := range annotation.Kinds {
		kinds[i] = string(k)
	}
	verdicts := make([]string, len(annotation.Verdicts))
	for i, v := range annotation.Verdicts {
		verdicts[i] = string(v)
	}
	return app.Form().ID("filters").Class("filters").Aria("label", "Filter annotations").
		OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
		Body(
			filterSelect("filter-kind", "Kind", kinds, string(p.filter.Kind), func(v string) { p.filter.Kind = annotation.Kind(v) }),
			filterSelect("filter-tag", "Tag", s.Tags(), p.filter.Tag, func(v string) { p.filter.Tag = v }),
			filterSelect("filter-speaker", "Speaker", s.Speakers(), p.filter.Speaker, func(v string) { p.filter.Speaker = v }),
			filterSelect("filter-verdict", "Verdict", verdicts, string(p.filter.Verdict), func(v string) { p.filter.Verdict = annotation.Verdict(v) }),
			app.Label().For("filter-search").Text("Search"),
			app.Input().ID("filter-search").Type("search").Placeholder("words in quote, note, tags…").
				Value(p.filter.Search).OnInput(func(ctx app.Context, e app.Event) { p.filter.Search = ctx.JSSrc().Get("value").String() }),
		)
}

// filterSelect is a labelled <select> with an "All" option.
func filterSelect(id, label string, options []string, value string, set func(string)) app.UI {
	return app.Div().Class("field").Body(
		app.Label().For(id).Text(label),
		app.Select().ID(id).OnChange(func(ctx app.Context, e app.Event) { set(ctx.JSSrc().Get("value").String()) }).Body(
			app.Option().Value("").Text("All").Selected(value == ""),
			app.Range(options).Slice(func(i int) app.UI {
				return app.Option().Value(options[i]).Text(options[i]).Selected(options[i] == value)
			}),
		),
	)
}
