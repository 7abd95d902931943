package ui

import (
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/library"
)

// storyActions are the story's tools in the top bar: undo, Suggest,
// the exports, print, import and the shortcuts.
type storyActions struct {
	app.Compo

	Model   *storyModel
	Version int // the model's: Undo is enabled by what can be undone
}

func (a *storyActions) Render() app.UI {
	m := a.Model
	if m.readOnly() { // a viewer's: only the tools that read
		return app.Nav().Class("tools").Aria("label", "Story tools").Body(a.readingTools()...)
	}
	tools := a.readingTools()
	help := len(tools) - 1 // Import goes before the shortcuts, as it always was
	tools = slices.Insert(tools, help, app.UI(app.Button().ID("import").Text("Import…").OnClick(func(app.Context, app.Event) {
		if m.importer != nil {
			m.importer.show()
		}
	})))
	return app.Nav().Class("tools").Aria("label", "Story tools").Body(append([]app.UI{
		app.Button().ID("undo").Text("Undo").Title("Ctrl+Z").Disabled(m.sess.CanUndo() == "").OnClick(func(app.Context, app.Event) { m.undo() }),
		app.Button().ID("suggest").Text("Suggest").Title("Find quotes and claims").OnClick(func(app.Context, app.Event) {
			if m.suggest != nil {
				m.suggest.start()
			}
		}),
	}, tools...)...)
}

// readingTools are the tools that change nothing: the exports, print
// and the shortcuts.
func (a *storyActions) readingTools() []app.UI {
	m := a.Model
	return []app.UI{
		app.Button().ID("export-json").Text("Export").Title("W3C Web Annotation JSON-LD").OnClick(a.export(false)),
		app.Button().ID("export-csv").Text("Export CSV").OnClick(a.export(true)),
		a.renderExportFormats(),
		app.Button().ID("print").Text("Print…").Title("Print the story with its annotations, or save it as PDF").OnClick(func(app.Context, app.Event) { m.print() }),
		app.Button().ID("help").Text("?").Aria("label", "Keyboard shortcuts").OnClick(func(app.Context, app.Event) {
			if m.help != nil {
				m.help.toggle()
			}
		}),
	}
}

func (a *storyActions) export(csv bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		m := a.Model
		if m.sess == nil {
			return
		}
		name := fileName(m.sess.Story.Title)
		var data []byte
		var err error
		if csv {
			data, err = m.sess.ExportCSV()
		} else {
			data, err = m.sess.ExportJSON()
		}
		if err != nil {
			m.say(failure(err))
			return
		}
		if csv {
			download(name+".csv", "text/csv", data)
		} else {
			download(name+".jsonld", "application/ld+json", data)
		}
	}
}

// fileName is a download's name for a story: "redline-" and the title
// made safe (library.FileName).
func fileName(title string) string { return "redline-" + library.FileName(title) }
