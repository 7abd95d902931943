package ui

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// watchPollEvery is how often the page asks the server what its watches
// fetched, so a revision captured meanwhile shows without a reload.
const watchPollEvery = 2 * time.Second

// watchPage is "Watch a web page…": a signed-in member of a project gives
// the address of a page (or a feed) for the server to watch, and sees
// each watch with its state (last fetch, next one, error), the revisions
// it captured and the project's changed quotes; an editor stops, resumes
// or removes one. The server does the fetching (internal/watch); this
// page only talks to its API.
type watchPage struct {
	app.Compo

	ctx      app.Context
	mounted  bool
	loaded   bool
	user     string // "" not signed in
	projects []Project
	project  string // the chosen project's slug
	address  string // the URL being typed
	adding   bool
	view     watchOverview
	status   status
}

func (p *watchPage) OnMount(ctx app.Context) {
	p.ctx, p.mounted = ctx, true
	ctx.Page().SetTitle("Watch a web page — Redline")
	p.poll(ctx)
}

func (p *watchPage) OnDismount() { p.mounted = false }

func (p *watchPage) OnNav(ctx app.Context) {
	p.project = ctx.Page().URL().Query().Get("project")
	p.load(ctx)
}

// poll reloads the watches every watchPollEvery while the page is shown.
func (p *watchPage) poll(ctx app.Context) {
	ctx.After(watchPollEvery, func(ctx app.Context) {
		if !p.mounted {
			return
		}
		if p.project != "" {
			p.load(ctx)
		}
		p.poll(ctx)
	})
}

// load asks the server who is signed in, their projects and the chosen
// project's watches.
func (p *watchPage) load(ctx app.Context) {
	project, prev := p.project, p.view
	ctx.Async(func() {
		bg := context.Background()
		user := signedInUser(bg)
		var projects struct {
			Projects []Project `json:"projects"`
		}
		var view watchOverview
		var err error
		if user != "" {
			err = serverJSON(bg, http.MethodGet, "/api/projects", nil, &projects)
		}
		if err == nil && user != "" {
			project = chooseProject(projects.Projects, project)
			if project != "" {
				view, err = loadWatches(bg, project, prev)
			}
		}
		ctx.Dispatch(func(ctx app.Context) {
			if p.project != "" && project != p.project {
				return // another project was chosen meanwhile
			}
			p.loaded, p.user, p.projects = true, user, projects.Projects
			if err != nil {
				p.status = failure(err)
				return
			}
			p.project, p.view = project, view
		})
	})
}

// chooseProject is the project asked for if the user is in it, else the
// first one they may edit, else their first.
func chooseProject(ps []Project, asked string) string {
	if slices.ContainsFunc(ps, func(p Project) bool { return p.Slug == asked }) {
		return asked
	}
	if i := slices.IndexFunc(ps, Project.canEdit); i >= 0 {
		return ps[i].Slug
	}
	if len(ps) > 0 {
		return ps[0].Slug
	}
	return ""
}

func (p *watchPage) current() Project {
	i := slices.IndexFunc(p.projects, func(c Project) bool { return c.Slug == p.project })
	if i < 0 {
		return Project{}
	}
	return p.projects[i]
}

func (p *watchPage) Render() app.UI {
	return app.Div().ID("page").Body(
		topBar(nil),
		app.Main().ID("watch-page").DataSet("loaded", p.loaded).DataSet("project", p.project).Body(
			p.status.render(),
			app.H2().Text("Watch a web page…"),
			app.If(p.loaded && p.user == "", func() app.UI {
				return app.P().ID("watch-signed-out").Text("Sign in to this Redline server to watch pages: the server fetches them for a project, so that every member sees each new revision.")
			}).ElseIf(p.loaded && len(p.projects) == 0, func() app.UI {
				return app.P().ID("watch-no-project").Text("You belong to no project yet: ask a project's admin to add you.")
			}).ElseIf(p.loaded, p.renderProject),
		),
	)
}

func (p *watchPage) renderProject() app.UI {
	editor := p.current().canEdit()
	return app.Div().Body(
		app.Label().For("watch-project").Text("Project"),
		app.Select().ID("watch-project").OnChange(p.chooseProject).Body(app.Range(p.projects).Slice(func(i int) app.UI {
			pr := p.projects[i]
			return app.Option().Value(pr.Slug).Text(cmp.Or(pr.Title, pr.Slug) + " (" + pr.Role + ")").Selected(pr.Slug == p.project)
		})),
		app.If(editor, func() app.UI {
			return app.Form().ID("watch-form").Class("add-row").OnSubmit(p.add).Body(
				app.Label().For("watch-url").Text("Address of the page or feed"),
				app.Input().ID("watch-url").Type("url").Required(true).Placeholder("the address of a news story or its feed").
					Value(p.address).OnInput(p.ValueTo(&p.address)),
				app.Button().ID("watch-add").Type("submit").Disabled(p.adding).Text("Watch"),
			)
		}).Else(func() app.UI {
			return app.P().Class("muted").Text("You are a viewer of this project: an editor adds and stops watches.")
		}),
		app.P().Class("muted").Text("The server fetches the page now, keeps it as the story's first revision, then fetches it again on a schedule and adds a revision whenever its text changes, carrying your annotations over."),
		app.H3().Text("Watched pages"),
		app.If(len(p.view.Watches) == 0, func() app.UI {
			return app.P().ID("watches-empty").Class("muted").Text("Nothing is watched in this project yet.")
		}),
		app.Ul().ID("watches").Class("watches").Body(app.Range(p.view.Watches).Slice(func(i int) app.UI {
			return p.renderWatch(p.view.Watches[i], editor)
		})),
		app.H3().Text("Changed quotes"),
		app.If(len(p.view.Alerts) == 0, func() app.UI {
			return app.P().Class("muted").Text("No annotated words have changed in a captured revision yet.")
		}),
		app.Ul().ID("watch-alerts").Class("alerts").Body(app.Range(p.view.Alerts).Slice(func(i int) app.UI {
			a := p.view.Alerts[i]
			return app.Li().Class("alert").DataSet("status", a.Status).Body(
				app.Span().Class("alert-kind").Text(a.Kind+" "+a.Status+": "),
				app.Del().Text(a.Before),
				app.If(a.After != "", func() app.UI { return app.Ins().Text(a.After) }),
			)
		})),
	)
}

func (p *watchPage) renderWatch(w watchInfo, editor bool) app.UI {
	s := p.view.Stories[w.StoryID]
	now := time.Now()
	scope := itemScope(w.ID, w.State)
	return app.Li().Class("watch").DataSet("watch", w.ID).DataSet("state", w.State).
		DataSet("revisions", len(s.Revisions)).Body(
		app.P().Body(
			app.Strong().Class("watch-state").Text(stateWords(w.State)+" "),
			app.If(w.StoryID != "", func() app.UI {
				return app.A().Class("watch-story").
					Href("/story?id=" + url.QueryEscape(w.StoryID) + "&project=" + url.QueryEscape(p.project)).
					Text(cmp.Or(s.Story.Title, w.URL))
			}).Else(func() app.UI { return app.Span().Text(w.Kind + " ") }),
			app.Text(" "),
			app.A().Class("watch-url").Href(w.URL).Target("_blank").Rel("noopener noreferrer").Text(w.URL),
		),
		app.P().Class("watch-fetch", "muted").Text(fetchSummary(w, now)),
		app.If(w.LastError != "", func() app.UI {
			return app.P().Class("watch-error").Text(w.LastError)
		}),
		app.If(w.StoryID != "", func() app.UI {
			return app.Details().Class("watch-revisions").Body(
				app.Summary().Text(plural(len(s.Revisions), "revision")+" captured"),
				app.Ol().Body(app.Range(s.Revisions).Slice(func(j int) app.UI {
					r := s.Revisions[j]
					return app.Li().Class("watch-revision").DataSet("revision", r.ID).
						Text(r.Date + " · captured " + ago(r.Added, now) + " · " + r.Title)
				})),
			)
		}),
		app.If(editor, func() app.UI {
			return app.Div().Class("watch-actions").Body(
				app.If(w.State == "paused", func() app.UI {
					return app.Button().Class("watch-resume").Text("Resume").OnClick(p.pause(w.ID, false), scope)
				}).Else(func() app.UI {
					return app.Button().Class("watch-stop").Text("Stop watching").Disabled(w.State == "ended").OnClick(p.pause(w.ID, true), scope)
				}),
				app.Button().Class("watch-remove").Text("Remove").Aria("label", "Remove the watch of "+w.URL+" (its story stays)").
					OnClick(p.remove(w.ID, w.URL), scope),
			)
		}),
	)
}

func (p *watchPage) chooseProject(ctx app.Context, e app.Event) {
	p.project, p.view = ctx.JSSrc().Get("value").String(), watchOverview{}
	ctx.Navigate("/watch?project=" + url.QueryEscape(p.project))
}

// add asks the server to watch the address typed: it fetches the page at
// once, and refuses with the reason what it may not or cannot fetch.
func (p *watchPage) add(ctx app.Context, e app.Event) {
	e.PreventDefault()
	project, address := p.project, p.address
	if address == "" || p.adding {
		return
	}
	p.adding, p.status = true, busy("Fetching "+address+"…")
	ctx.Async(func() {
		var out struct {
			Watch watchInfo `json:"watch"`
		}
		err := serverJSON(context.Background(), http.MethodPost, "/api/projects/"+url.PathEscape(project)+"/watches",
			map[string]any{"url": address}, &out)
		ctx.Dispatch(func(ctx app.Context) {
			p.adding = false
			if err != nil {
				p.status = complaint("Not watched: " + err.Error())
				return
			}
			p.address = ""
			what := "page"
			if out.Watch.Kind == "feed" {
				what = "feed: its new items become watched stories"
			}
			p.status = success("Watching the " + what + " " + address)
			p.load(ctx)
		})
	})
}

func (p *watchPage) pause(id string, paused bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.change(ctx, http.MethodPatch, id, map[string]bool{"paused": paused}, map[bool]string{true: "Stopped watching.", false: "Watching again: fetching now."}[paused])
	}
}

func (p *watchPage) remove(id, address string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.change(ctx, http.MethodDelete, id, nil, "Removed the watch of "+address+"; its story and revisions stay.")
	}
}

// change sends one change of a watch and reloads the list.
func (p *watchPage) change(ctx app.Context, method, id string, body any, done string) {
	project := p.project
	ctx.Async(func() {
		err := serverJSON(context.Background(), method, "/api/projects/"+url.PathEscape(project)+"/watches/"+url.PathEscape(id), body, nil)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.status = failure(err)
				return
			}
			p.status = success(done)
			p.load(ctx)
		})
	})
}
