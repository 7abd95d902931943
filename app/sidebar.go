package ui

import (
	"fmt"
	"slices"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
)

// annotationSidebar lists the annotations in text order under its
// filters, with the editor of the selected one on top; j and k step
// through the list as filtered.
type annotationSidebar struct {
	app.Compo

	Model   *storyModel
	Version int // the model's: redraw with it

	filter  library.Filter
	showAll bool // list every annotation, however many

	// A list that changed as a whole (a new revision shown, another
	// filter) is drawn a chunk of entries per task: 150 new entries at
	// once took most of a long task after a revision was added.
	listed    sidebarList // what the entries drawn are of
	drawn     int         // how many of them are drawn
	more      bool        // some are left for later tasks
	scheduled bool        // a later task will draw more
	ctx       app.Context // its own: the chunks left are drawn from it
	mounted   bool
}

// sidebarList is what the sidebar's entries are listed from.
type sidebarList struct {
	revision string // the story and revision shown
	filter   library.Filter
	all      bool
}

// sidebarChunk is how many entries one draw adds: the first is more than
// a screenful.
const sidebarChunk = 20

func (a *annotationSidebar) OnMount(ctx app.Context) {
	a.Model.sidebar = a
	a.ctx, a.mounted = ctx, true
	if a.more {
		a.drawMoreLater() // the first render came before the mount
	}
}

func (a *annotationSidebar) OnDismount() {
	a.mounted = false
	if a.Model.sidebar == a {
		a.Model.sidebar = nil
	}
}

// entries is how many of the shown entries to draw now: a chunk more
// than before unless the list changed as a whole, and always as far as
// the selected one, which is scrolled to.
func (a *annotationSidebar) entries(list sidebarList, shown []library.Placed) int {
	if list != a.listed {
		a.listed, a.drawn = list, sidebarChunk
	}
	if i := slices.IndexFunc(shown, func(p library.Placed) bool { return p.ID == a.Model.selected }); i >= a.drawn {
		a.drawn = i + 1
	}
	n := min(a.drawn, len(shown))
	if a.more = n < len(shown); a.more {
		a.drawMoreLater()
	}
	return n
}

// drawMoreLater draws the next chunk of entries in a later task, drawing
// only the sidebar again.
func (a *annotationSidebar) drawMoreLater() {
	if !a.mounted || a.scheduled {
		return
	}
	a.scheduled = true
	redrawAlone(a.ctx, a.Model.ui, time.Millisecond, func(app.Context) {
		a.scheduled = false
		a.drawn += sidebarChunk
	})
}

func (a *annotationSidebar) Render() app.UI {
	m := a.Model
	s := m.sess
	list := s.Filtered(a.filter)
	shown, from := listWindow(list, m.selected, a.showAll)
	// The window moving on with j / k redraws its entries in place.
	drawn := shown[:a.entries(sidebarList{s.Story.ID + " " + s.Revision().ID, a.filter, a.showAll}, shown)]
	return app.Aside().ID("sidebar").Class("sidebar").Aria("label", "Annotations").Body(
		&editorHost{Model: m, Version: m.version},
		app.If(m.project != "", func() app.UI {
			return &conflictPanel{Project: m.project, StoryID: m.storyID, OnResolved: m.reload}
		}),
		app.H2().Text("Annotations"),
		a.renderFilters(),
		legend(),
		app.P().ID("count").Class("muted").Text(plural(len(list), "annotation")+" shown of "+itoa(len(s.Annotations))),
		app.Ul().ID("annotations").Class("annotations").OnClick(a.onListClick).Body(app.Range(drawn).Slice(func(i int) app.UI {
			return newAnnotationItem(drawn[i], drawn[i].ID == m.selected)
		})),
		app.If(len(shown) < len(list), func() app.UI {
			return app.P().Class("muted").Body(
				app.Text(fmt.Sprintf("Listing %d–%d of %d (j/k move on through all). ", from+1, from+len(shown), len(list))),
				app.Button().ID("show-all").Text("List all").OnClick(func(ctx app.Context, e app.Event) { a.showAll = true }),
			)
		}),
	)
}

// step selects the next (+1) or previous (-1) annotation in the list's
// order and scrolls to it.
func (a *annotationSidebar) step(dir int) {
	m := a.Model
	if m.sess == nil {
		return
	}
	list := m.sess.Filtered(a.filter)
	if len(list) == 0 {
		return
	}
	i := slices.IndexFunc(list, func(p library.Placed) bool { return p.ID == m.selected })
	switch {
	case i < 0 && dir < 0:
		i = len(list) - 1
	case i < 0:
		i = 0
	default:
		i = (i + dir + len(list)) % len(list)
	}
	m.selectAnnotation(list[i].ID)
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
func (a *annotationSidebar) onListClick(ctx app.Context, e app.Event) {
	li := e.Get("target").Call("closest", "li[data-id]")
	if !li.Truthy() {
		return
	}
	if e.Get("detail").Int() == 0 && a.Model.editors != nil {
		// Enter or Space on the entry (a click from the keyboard has no
		// mouse clicks to count): the reader goes on with the keyboard,
		// in the editor's first field.
		a.Model.editors.focusNext()
	}
	a.Model.selectAnnotation(li.Get("dataset").Get("id").String())
}

func (a *annotationSidebar) renderFilters() app.UI {
	s := a.Model.sess
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
			filterSelect("filter-kind", "Kind", kinds, string(a.filter.Kind), func(v string) { a.filter.Kind = annotation.Kind(v) }),
			filterSelect("filter-tag", "Tag", s.Tags(), a.filter.Tag, func(v string) { a.filter.Tag = v }),
			filterSelect("filter-speaker", "Speaker", s.Speakers(), a.filter.Speaker, func(v string) { a.filter.Speaker = v }),
			filterSelect("filter-verdict", "Verdict", verdicts, string(a.filter.Verdict), func(v string) { a.filter.Verdict = annotation.Verdict(v) }),
			app.Label().For("filter-search").Text("Search"),
			app.Input().ID("filter-search").Type("search").Placeholder("words in quote, note, tags…").
				Value(a.filter.Search).OnInput(func(ctx app.Context, e app.Event) { a.filter.Search = ctx.JSSrc().Get("value").String() }),
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
