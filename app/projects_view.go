package ui

import (
	"context"
	"net/url"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/library"
)

// projectsSection lists, beside the personal library, the stories of
// every project the signed-in user belongs to, and moves a story of the
// personal library into one ("Share with…"). Not signed in, it is empty.
type projectsSection struct {
	app.Compo

	Local   []library.Summary // the personal library's stories, to share
	Refresh func(app.Context) // reloads the personal library (a story moved out)

	session   Session
	stories   map[string][]library.Summary // by project slug
	sharing   bool
	shareID   string
	shareTo   string
	shareBusy bool
	problem   string

	stopSession, stopSync func()
}

func (c *projectsSection) OnMount(ctx app.Context) {
	c.session = CurrentSession()
	refresh := func() { c.load(ctx) }
	c.stopSession = WatchSession(func(s Session) { ctx.Dispatch(func(app.Context) { c.session = s; refresh() }) })
	c.stopSync = watchSync(func() { ctx.Dispatch(func(app.Context) { refresh() }) })
	refresh()
}

func (c *projectsSection) OnDismount() {
	c.stopSession()
	c.stopSync()
}

// load reads the stories of every open project of the session.
func (c *projectsSection) load(ctx app.Context) {
	user := c.session.User
	ctx.Async(func() {
		out := map[string][]library.Summary{}
		for _, p := range openProjects() {
			if p.User != user {
				continue
			}
			list, err := p.Lib.Summaries(context.Background())
			if err == nil {
				// A story whose text has not arrived yet (the server
				// writes a shared story's records one by one) is listed
				// once it can be opened.
				out[p.Slug] = slices.DeleteFunc(list, func(s library.Summary) bool { return s.Revisions == 0 })
			}
		}
		ctx.Dispatch(func(app.Context) { c.stories = out })
	})
}

func (c *projectsSection) Render() app.UI {
	s := c.session
	if !s.SignedIn() {
		return app.Div().ID("projects").Hidden(true)
	}
	shown := slices.Clone(s.Projects)
	var left []string
	for slug := range c.stories { // a project left since: its copy stays readable
		if _, ok := s.Project(slug); !ok {
			left = append(left, slug)
		}
	}
	slices.Sort(left)
	for _, slug := range left {
		shown = append(shown, Project{Slug: slug, Title: slug})
	}
	return app.Section().ID("projects").Class("projects").Aria("labelledby", "projects-title").Body(
		app.H2().ID("projects-title").Text("Your projects"),
		app.If(len(s.Projects) == 0, func() app.UI {
			return app.P().Class("muted").Text("You belong to no project yet: ask a project's admin to add you.")
		}),
		app.Range(shown).Slice(func(i int) app.UI {
			pr := shown[i]
			list := c.stories[pr.Slug]
			return app.Div().Class("project").DataSet("project", pr.Slug).Body(
				app.H3().Text(strings.TrimSuffix(pr.Title+" ("+pr.Role+")", " ()")),
				app.If(pr.Role == "", func() app.UI {
					return app.P().Class("notice").Text("You are no longer a member of this project: it does not sync any more. Its stories stay in this browser, to read and export.")
				}),
				app.If(len(list) == 0, func() app.UI { return app.P().Class("muted").Text("No stories in this project yet.") }),
				app.Ul().Class("stories", "project-stories").Body(app.Range(list).Slice(func(j int) app.UI {
					st := list[j]
					return app.Li().Class("story").DataSet("id", st.Story.ID).DataSet("project", pr.Slug).Body(
						app.A().Class("title").Href("/story?"+url.Values{"project": {pr.Slug}, "id": {st.Story.ID}}.Encode()).Text(st.Story.Title),
						app.P().Class("meta").Body(
							app.Span().Class("date").Text(st.Date), app.Text(" · "),
							app.Span().Class("quotes").Text(plural(st.Quotes, "quote")), app.Text(" · "),
							app.Span().Class("claims").Text(plural(st.Claims, "claim")),
						),
					)
				})),
			)
		}),
		app.If(len(c.Local) > 0 && slices.ContainsFunc(s.Projects, canWrite), c.renderShare),
	)
}

func canWrite(p Project) bool { return p.Role == "editor" || p.Role == "admin" }

// renderShare is "Share with…": a story of the personal library moves
// into a project (its copy here is then the project's).
func (c *projectsSection) renderShare() app.UI {
	if !c.sharing {
		return app.Button().ID("share-open").Text("Share with…").OnClick(func(ctx app.Context, e app.Event) {
			c.sharing, c.problem = true, ""
			if c.shareID == "" {
				c.shareID = c.Local[0].Story.ID
			}
			if c.shareTo == "" {
				c.shareTo = c.session.Projects[slices.IndexFunc(c.session.Projects, canWrite)].Slug
			}
		})
	}
	writable := slices.DeleteFunc(slices.Clone(c.session.Projects), func(p Project) bool { return !canWrite(p) })
	return app.Form().ID("share").Class("share").Aria("label", "Share a story with a project").OnSubmit(c.share).Body(
		app.Label().For("share-story").Text("Story"),
		app.Select().ID("share-story").OnChange(func(ctx app.Context, e app.Event) {
			c.shareID = c.Local[max(0, ctx.JSSrc().Get("selectedIndex").Int())].Story.ID
		}).Body(app.Range(c.Local).Slice(func(i int) app.UI {
			st := c.Local[i].Story
			return app.Option().Value(st.ID).Text(st.Title).Selected(st.ID == c.shareID)
		})),
		app.Label().For("share-project").Text("Project"),
		app.Select().ID("share-project").OnChange(func(ctx app.Context, e app.Event) {
			c.shareTo = writable[max(0, ctx.JSSrc().Get("selectedIndex").Int())].Slug
		}).Body(app.Range(writable).Slice(func(i int) app.UI {
			return app.Option().Value(writable[i].Slug).Text(writable[i].Title).Selected(writable[i].Slug == c.shareTo)
		})),
		app.Button().Type("submit").ID("share-submit").Disabled(c.shareBusy).Text("Share"),
		app.Button().Type("button").ID("share-cancel").Text("Cancel").OnClick(func(app.Context, app.Event) { c.sharing = false }),
		app.P().Class("muted").Text("The story, its revisions and annotations move into the project: everyone in it sees them."),
		app.If(c.problem != "", func() app.UI { return app.P().ID("share-problem").Role("alert").Class("error").Text(c.problem) }),
	)
}

func (c *projectsSection) share(ctx app.Context, e app.Event) {
	e.PreventDefault()
	id, slug, user := c.shareID, c.shareTo, c.session.User
	c.shareBusy = true
	ctx.Async(func() {
		bg := context.Background()
		lib, _, err := openLibrary(bg)
		var p *projectLib
		if err == nil {
			p, err = openProject(bg, user, slug)
		}
		if err == nil {
			err = moveStory(bg, lib.Store, p.Store, id)
		}
		ctx.Dispatch(func(ctx app.Context) {
			c.shareBusy = false
			if err != nil {
				c.problem = err.Error()
				return
			}
			c.sharing, c.shareID = false, ""
			c.load(ctx)
			if c.Refresh != nil {
				c.Refresh(ctx)
			}
		})
	})
}
