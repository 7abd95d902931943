package ui

import (
	"fmt"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
)

// renderSidebar lists the annotations in text order under the filters,
// with the editor of the selected one on top.
func (p *storyPage) renderSidebar() app.UI {
	s := p.m.sess
	list := s.Filtered(p.filter)
	shown, from := listWindow(list, p.m.selected, p.showAll)
	return app.Aside().ID("sidebar").Class("sidebar").Aria("label", "Annotations").Body(
		app.If(p.m.selected != "", p.renderEditor),
		app.If(p.project != "", func() app.UI {
			return &conflictPanel{Project: p.project, StoryID: p.storyID, OnResolved: p.m.reload}
		}),
		app.H2().Text("Annotations"),
		p.renderFilters(),
		legend(),
		app.P().ID("count").Class("muted").Text(plural(len(list), "annotation")+" shown of "+itoa(len(s.Annotations))),
		app.Ul().ID("annotations").Class("annotations").OnClick(p.onListClick).Body(app.Range(shown).Slice(func(i int) app.UI {
			return newAnnotationItem(shown[i], shown[i].ID == p.m.selected)
		})),
		app.If(len(shown) < len(list), func() app.UI {
			return app.P().Class("muted").Body(
				app.Text(fmt.Sprintf("Listing %d–%d of %d (j/k move on through all). ", from+1, from+len(shown), len(list))),
				app.Button().ID("show-all").Text("List all").OnClick(func(ctx app.Context, e app.Event) { p.showAll = true }),
			)
		}),
	)
}

// listLimit is how many sidebar entries are drawn unless the reader asks
// for all: drawing a thousand on every keypress costs more than a frame.
const listLimit = 150

// listWindow returns the part of the list to draw, around the selected
// annotation, and where it starts.
func listWindow(list []library.Placed, selected string, all bool) ([]library.Placed, int) {
	if all || len(list) <= listLimit {
		return list, 0
	}
	i := max(0, slices.IndexFunc(list, func(a library.Placed) bool { return a.ID == selected }))
	from := max(0, min(i-listLimit/2, len(list)-listLimit))
	return list[from : from+listLimit], from
}

// onListClick selects the annotation whose sidebar entry was clicked.
func (p *storyPage) onListClick(ctx app.Context, e app.Event) {
	li := e.Get("target").Call("closest", "li[data-id]")
	if !li.Truthy() {
		return
	}
	p.selectAnnotation(ctx, li.Get("dataset").Get("id").String())
	if e.Get("detail").Int() == 0 {
		// Enter or Space on the entry (a click from the keyboard has no
		// mouse clicks to count): the reader goes on with the keyboard,
		// in the editor's first field.
		p.focusEditor = true
	}
}

func (p *storyPage) renderFilters() app.UI {
	s := p.m.sess
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
		app.Select().ID(id).OnChange(func(ctx app.Context, e app.Event) { set(selectedValue(ctx.JSSrc())) }).Body(
			app.Option().Value("").Text("All").Selected(value == ""),
			app.Range(options).Slice(func(i int) app.UI {
				return app.Option().Value(options[i]).Text(options[i]).Selected(options[i] == value)
			}),
		),
	)
}

// selectedValue is the value of a <select> whose first option is "All"
// (the empty value). go-app drops an empty value attribute, so that
// option's value reads as its text, "All", which no annotation matches:
// the index says which option it is.
func selectedValue(sel app.Value) string {
	i := sel.Get("selectedIndex").Int()
	if i <= 0 {
		return ""
	}
	return sel.Get("options").Index(i).Get("value").String()
}
