package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/library"
)

// library is the home screen: every story with its date, revisions and
// counts; add, open, rename, delete; the sample article; library export.
type libraryPage struct {
	app.Compo
	mountedAt float64 // ms since navigation start; 0 in the server's pre-render

	// ctx is the page's own context, from OnMount. Work that outlives the
	// element that started it dispatches through it: go-app drops a
	// Dispatch whose element is gone (the Undo button, the rename form),
	// and the list would not show the change.
	ctx app.Context

	lib      *library.Library
	stories  []library.Summary
	loaded   bool
	status   status
	paste    string
	browse   library.Browse // search, order and filter of the list
	renaming string         // id of the story whose title is being edited
	newTitle string
	deleted  *library.Deleted // the last deletion, for Undo
	listAll  bool             // draw every story, however many (see storiesLimit)
	// focusAfter is what takes the focus once the list is drawn again
	// (a CSS selector; "" for nothing).
	focusAfter string
	usage      string
	stopWatch  func()
	stopDrop   func()
}

// OnMount runs only in the browser. data-mounted-at on #library tells
// end-to-end tests (and the start-up benchmark) when the wasm client took
// over from the server's pre-render.
func (l *libraryPage) OnMount(ctx app.Context) {
	l.mountedAt = app.Window().Get("performance").Call("now").Float()
	ctx.Page().SetTitle(appTitle)
	startCoreOnIntent()
	l.ctx = ctx
	l.stopDrop = onFilesDropped(func(files app.Value) { readFiles(ctx, files, corecall.MaxArticleBytes, l.addFiles) })
	ctx.Async(func() {
		lib, back, err := openLibrary(context.Background())
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				l.status = failure(err)
				return
			}
			l.lib = lib
			l.stopWatch = back.Watch(func(string) { ctx.Dispatch(l.refresh) })
			l.refresh(ctx)
		})
	})
}

func (l *libraryPage) OnDismount() {
	l.stopDrop()
	if l.stopWatch != nil {
		l.stopWatch()
	}
}

// refresh reloads the list of stories and the storage figures.
func (l *libraryPage) refresh(app.Context) {
	lib, ctx := l.lib, l.ctx
	ctx.Async(func() {
		stories, err := lib.Summaries(context.Background())
		usage := storageUsage(context.Background())
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				l.status = failure(err)
				return
			}
			l.stories, l.loaded, l.usage = stories, true, usage
			if l.focusAfter != "" {
				app.Window().Call("redlineFocusSoon", l.focusAfter)
				l.focusAfter = ""
			}
		})
	})
}

// storageUsage describes the storage used, or "" when unknown.
func storageUsage(ctx context.Context) string {
	_, back, err := openLibrary(ctx)
	if err != nil {
		return ""
	}
	used, quota, err := back.Usage(ctx)
	if err != nil || quota == 0 {
		return ""
	}
	return fmt.Sprintf("Storage used: %s of %s available to this site.", humanBytes(used), humanBytes(quota))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func (l *libraryPage) Render() app.UI {
	return app.Div().ID("page").
		Body(
			topBar(nil),
			app.Main().ID("library").
				DataSet("mounted", l.mountedAt > 0).
				DataSet("mounted-at", l.mountedAt).
				Body(
					l.status.render(),
					app.If(l.deleted != nil, func() app.UI {
						// Floating at the bottom of the window, where the
						// reader is, however far down the deleted row was.
						return app.Div().ID("deleted-notice").Class("notice", "toast").Role("status").Body(
							app.Text(fmt.Sprintf("Deleted “%s”. ", l.deleted.Story.Title)),
							app.Button().ID("undo-delete").Text("Undo").OnClick(l.undoDelete),
						)
					}),
					l.renderAdd(),
					app.H2().Text("Your stories"),
					app.If(len(l.stories) > 1, l.renderBrowse),
					app.If(l.loaded && len(l.stories) == 0, emptyLibrary).
						Else(l.renderStories),
					&projectsSection{Local: l.stories, Refresh: l.refresh},
					app.If(len(l.stories) > 0, func() app.UI {
						return app.Section().Class("export").Body(
							// Says what it holds: a project's stories are not in it,
							// and a backup that silently left them out misled
							// (tester 4).
							app.H2().Text("Export your stories"),
							app.P().ID("export-library-scope").Class("muted").Text("Every story under “Your stories”. A project's stories are not in these files: open one and use its Export."),
							app.Button().ID("export-library-json").Text("Export your stories (W3C JSON)").OnClick(l.exportAll(false)),
							app.Button().ID("export-library-csv").Text("Export your stories (CSV)").OnClick(l.exportAll(true)),
						)
					}),
					app.P().ID("storage").Class("muted").Text(l.usage),
				),
		)
}

func (l *libraryPage) renderAdd() app.UI {
	return app.Section().Class("add").Aria("labelledby", "add-title").Body(
		app.H2().ID("add-title").Text("Add a story"),
		app.Div().Class("add-row").Body(
			app.Label().For("story-files").Class("button").Text("Choose files…"),
			app.Input().ID("story-files").Type("file").Multiple(true).Class("visually-hidden").
				Accept(".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html").
				OnChange(l.onFiles),
			app.Button().ID("add-sample").Text("Try the sample article").OnClick(l.addSample),
		),
		app.P().Class("muted").Text("…or drop .txt, .md or .html files anywhere on this page, or paste an article below."),
		app.Label().For("paste").Text("Paste an article"),
		app.Textarea().ID("paste").Rows(4).Placeholder("Paste the article text here").
			Text(l.paste).OnInput(l.ValueTo(&l.paste)),
		app.Button().ID("add-paste").Text("Add pasted text").Disabled(strings.TrimSpace(l.paste) == "").OnClick(l.addPaste),
		watchEntry(),
	)
}

// renderBrowse is the search, order and filter of the list.
func (l *libraryPage) renderBrowse() app.UI {
	labels := map[library.Order]string{library.ByAdded: "Date added", library.ByPublished: "Date published", library.ByChanged: "Last changed"}
	return app.Form().ID("browse").Class("browse").Aria("label", "Find a story").
		OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
		Body(
			app.Label().For("story-search").Text("Search"),
			app.Input().ID("story-search").Type("search").Placeholder("words in titles, text, annotations…").
				OnInput(func(ctx app.Context, e app.Event) { l.browse.Search = ctx.JSSrc().Get("value").String() }),
			app.Label().For("story-order").Text("Sort by"),
			app.Select().ID("story-order").OnChange(func(ctx app.Context, e app.Event) {
				l.browse.Order = library.Orders[max(0, ctx.JSSrc().Get("selectedIndex").Int())]
			}).Body(app.Range(library.Orders).Slice(func(i int) app.UI {
				o := library.Orders[i]
				return app.Option().Value(string(o)).Text(labels[o]).Selected(o == l.browse.Order)
			})),
			app.Label().For("story-changed").Body(
				app.Input().ID("story-changed").Type("checkbox").
					OnChange(func(ctx app.Context, e app.Event) { l.browse.OnlyChanged = ctx.JSSrc().Get("checked").Bool() }),
				app.Text(" Only stories with changed quotes"),
			),
		)
}

// storiesLimit is how many stories the library draws unless the reader
// asks for all: each is a dozen elements created through syscall/js, and
// a library of 500 took most of a second to draw at start-up.
const storiesLimit = 100

func (l *libraryPage) renderStories() app.UI {
	matching := l.browse.List(l.stories)
	if len(l.stories) > 0 && len(matching) == 0 {
		return app.P().ID("stories").Class("muted").Text("No story matches.")
	}
	shown := matching
	if !l.listAll && len(shown) > storiesLimit {
		shown = shown[:storiesLimit]
	}
	return app.Div().Body(l.renderStoryList(shown), app.If(len(shown) < len(matching), func() app.UI {
		return app.P().Class("muted").Body(
			app.Text(fmt.Sprintf("Listing %d of %d stories (search or sort to find the others). ", len(shown), len(matching))),
			app.Button().ID("list-all-stories").Text("List all").OnClick(func(ctx app.Context, e app.Event) { l.listAll = true }),
		)
	}))
}

func (l *libraryPage) renderStoryList(shown []library.Summary) app.UI {
	return app.Ul().ID("stories").Class("stories").Body(
		app.Range(shown).Slice(func(i int) app.UI {
			s := shown[i]
			// Every handler here closes over this row's story: scoped by
			// it, or go-app would keep the handler of the story that
			// first held this position (see itemScope).
			scope := itemScope(s.Story.ID, s.Story.Title)
			return app.Li().Class("story").DataSet("id", s.Story.ID).Body(
				app.If(l.renaming == s.Story.ID, func() app.UI {
					return app.Form().Class("rename").OnSubmit(l.saveRename).Body(
						app.Label().For("rename-"+s.Story.ID).Class("visually-hidden").Text("New title"),
						app.Input().ID("rename-"+s.Story.ID).Class("rename-input").Value(l.newTitle).AutoFocus(true).
							OnInput(l.ValueTo(&l.newTitle)).
							OnKeyDown(func(ctx app.Context, e app.Event) {
								if e.Get("key").String() == "Escape" {
									l.renaming = "" // Esc cancels, as everywhere
								}
							}),
						app.Button().Type("submit").Text("Save"),
						app.Button().Type("button").Text("Cancel").OnClick(func(ctx app.Context, e app.Event) { l.renaming = "" }),
					)
				}).Else(func() app.UI {
					return app.A().Class("title").Href("/story?id=" + s.Story.ID).Text(s.Story.Title)
				}),
				app.P().Class("meta").Body(
					app.Span().Class("date").Text(annotation.DateLabel(s.Date, s.Undated)),
					app.Text(" · "),
					app.Span().Class("revisions").Text(plural(s.Revisions, "revision")),
					app.Text(" · "),
					app.Span().Class("quotes").Text(plural(s.Quotes, "quote")),
					app.Text(" · "),
					app.Span().Class("claims").Text(plural(s.Claims, "claim")),
				),
				app.Div().Class("actions").Body(
					app.Button().Class("rename-story").Text("Rename").Aria("label", "Rename "+s.Story.Title).
						OnClick(func(ctx app.Context, e app.Event) {
							l.renaming, l.newTitle = s.Story.ID, s.Story.Title
							// autofocus works only on page load: focus the new
							// field here, its old title selected, so that
							// typing replaces it.
							ctx.Defer(func(app.Context) { focusAndSelect(`[id="rename-` + cssString(s.Story.ID) + `"]`) })
						}, scope),
					app.Button().Class("delete-story").Text("Delete").Aria("label", "Delete "+s.Story.Title).
						OnClick(func(ctx app.Context, e app.Event) { l.delete(ctx, s.Story.ID) }, scope),
				),
			)
		}),
	)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y")) // story, stories
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// topBar is the app's title bar, shared by every page; extra goes on the
// right (nil for none).
func topBar(extra app.UI) app.UI {
	return app.Header().Class("bar").Body(
		app.A().Href("/").Class("home").Aria("label", "Redline: your stories").Body(
			app.H1().Body(app.Span().Class("mark").Text("Red"), app.Text("line")),
		),
		&syncStatus{}, &accountBox{},
		extra,
	)
}

func emptyLibrary() app.UI {
	return app.Section().Class("empty").Body(
		app.H2().Text("No stories yet"),
		app.P().Text("Redline keeps the news articles you annotate, and every later version of them, right here in your browser. It works without a network once this page has loaded."),
		app.Ol().Body(
			app.Li().Text("Add a story: choose or drop a saved .txt, .md or .html file, paste an article's text, or try the sample article."),
			app.Li().Text("Select words and tag them as a quote (q), a claim (c) or a note (n)."),
			app.Li().Text("When the story is edited, add the new version: Redline shows what changed and carries your annotations over."),
			app.Li().Text("Export your annotations as W3C Web Annotation JSON or CSV."),
		),
	)
}

func (l *libraryPage) onFiles(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	readFiles(ctx, input.Get("files"), corecall.MaxArticleBytes, l.addFiles)
	input.Set("value", "") // choosing the same file again fires change again
}

// addFiles stores each readable file as a story; it reports every file it
// could not add, and adds the others.
func (l *libraryPage) addFiles(ctx app.Context, files []pickedFile) {
	l.status = busy("Adding…")
	ctx.Async(func() {
		// The files may come before storage has opened: wait for it
		// rather than drop them.
		lib, _, err := openLibrary(context.Background())
		if err != nil {
			ctx.Dispatch(func(ctx app.Context) { l.status = failure(err) })
			return
		}
		var unadded string // pasted text not added
		var added []string
		var problems []string
		for i, f := range files {
			l.sayAdding(ctx, f.Name, i, len(files))
			if f.Err != "" {
				problems = append(problems, f.Name+" "+f.Err)
				continue
			}
			if isAnnotationFile(f.Name) {
				// An export dropped here to import it would become a story
				// of raw JSON.
				problems = append(problems, f.Name+" is an annotation file, not an article: open its story and use Import…")
				continue
			}
			s, err := lib.AddStory(context.Background(), f.Name, f.Data)
			if err != nil {
				problems = append(problems, err.Error())
				if f.Name == "" {
					unadded = string(f.Data)
				}
				continue
			}
			added = append(added, s.Title)
		}
		ctx.Dispatch(func(ctx app.Context) {
			l.status = addOutcome(added, problems)
			if unadded != "" && strings.TrimSpace(l.paste) == "" {
				// Pasted text that was not added goes back in its box
				// (the core may have failed, or be of a newer build):
				// nothing typed is lost.
				l.paste = unadded
				setValue("paste", unadded)
			}
			l.refresh(ctx)
		})
	})
}

// slowAdd is how long an article may take to add before the status says
// why: the first one after Redline opens waits for the article reader's
// worker to start (seconds; tens of seconds on a loaded machine), and
// "Adding…" alone looked stuck (tester 5).
const slowAdd = 2 * time.Second

// sayAdding names the file being added and, if it is still the one being
// added after slowAdd, why it takes long.
func (l *libraryPage) sayAdding(ctx app.Context, name string, i, n int) {
	text := "Adding “" + name + "”…"
	if n > 1 {
		text = fmt.Sprintf("Adding “%s” (%d of %d)…", name, i+1, n)
	}
	ctx.Dispatch(func(app.Context) {
		l.status = busy(text)
		shown := l.status
		ctx.After(slowAdd, func(app.Context) {
			if l.status == shown {
				l.status = busy(text + " The first article after Redline opens takes longer: its article reader is starting.")
			}
		})
	})
}

func addOutcome(added, problems []string) status {
	switch {
	case len(problems) > 0:
		msg := "Not added: " + strings.Join(problems, "; ")
		if len(added) > 0 {
			msg = fmt.Sprintf("Added %s. %s", plural(len(added), "story"), msg)
		}
		return complaint(msg)
	case len(added) == 1:
		return success(fmt.Sprintf("Added “%s”.", added[0]))
	default:
		return success(fmt.Sprintf("Added %d stories.", len(added)))
	}
}

func (l *libraryPage) addPaste(ctx app.Context, e app.Event) {
	text := l.paste
	l.addFiles(ctx, []pickedFile{{Name: "", Data: []byte(text)}})
	l.paste = ""
	setValue("paste", "")
}

func (l *libraryPage) addSample(ctx app.Context, e app.Event) {
	l.addFiles(ctx, []pickedFile{{Name: library.SampleName, Data: library.SampleArticle()}})
}

func (l *libraryPage) saveRename(ctx app.Context, e app.Event) {
	e.PreventDefault()
	id, title := l.renaming, l.newTitle
	lib := l.lib
	for _, s := range l.stories {
		if s.Story.ID != id {
			continue
		}
		ctx.Async(func() {
			_, err := lib.Rename(context.Background(), s.Story, title)
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					l.status = failure(err)
					return
				}
				l.renaming, l.status = "", success(fmt.Sprintf("Renamed to “%s”.", strings.Join(strings.Fields(title), " ")))
				l.refresh(ctx)
			})
		})
	}
}

func (l *libraryPage) delete(ctx app.Context, id string) {
	lib := l.lib
	ctx.Async(func() {
		d, err := lib.Delete(context.Background(), id)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				l.status = failure(err)
				return
			}
			l.deleted, l.status = &d, status{}
			l.refresh(ctx)
			// The row and its button are gone: the focus goes to Undo,
			// not to the top of the page.
			app.Window().Call("redlineFocusSoon", "#undo-delete")
		})
	})
}

func (l *libraryPage) undoDelete(ctx app.Context, e app.Event) {
	d, lib := *l.deleted, l.lib
	ctx.Async(func() {
		err := lib.Restore(context.Background(), d)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				l.status = failure(err)
				return
			}
			l.deleted = nil
			l.status = success(fmt.Sprintf("Restored “%s”.", d.Story.Title))
			// Back to where the reader was: the restored story's row.
			l.focusAfter = `li.story[data-id="` + cssString(d.Story.ID) + `"] a.title`
			l.refresh(ctx)
		})
	})
}

func (l *libraryPage) exportAll(csv bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		lib := l.lib
		ctx.Async(func() {
			var data []byte
			var err error
			if csv {
				data, err = lib.ExportAllCSV(context.Background())
			} else {
				data, err = lib.ExportAll(context.Background())
			}
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					l.status = failure(err)
					return
				}
				if csv {
					download("redline-library.csv", "text/csv", data)
				} else {
					download("redline-library.jsonld", "application/ld+json", data)
				}
			})
		})
	}
}

// isAnnotationFile reports whether a file name is an annotation export
// (W3C JSON-LD, JSON) rather than an article.
func isAnnotationFile(name string) bool {
	name = strings.ToLower(name)
	return strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".jsonld")
}

// focusAndSelect focuses the field matching a CSS selector and selects
// its text.
func focusAndSelect(selector string) {
	el := app.Window().Get("document").Call("querySelector", selector)
	if el.Truthy() {
		el.Call("focus")
		el.Call("select")
	}
}
