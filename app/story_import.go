package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
)

// importDialog imports annotations into the story: from a file chosen or
// pasted in the dialog, or dropped on the page (a dropped article is a
// later revision instead). If any annotation cannot be placed, nothing is
// imported and the dialog says why.
type importDialog struct {
	app.Compo

	Model *storyModel

	open  bool
	paste string   // JSON pasted, not imported yet
	errs  []string // why the last import was refused

	ctx      app.Context
	stopDrop func()
}

func (d *importDialog) OnMount(ctx app.Context) {
	d.ctx = ctx
	d.Model.importer = d
	d.stopDrop = onFilesDropped(func(files app.Value) { d.onDrop(ctx, files) })
}

func (d *importDialog) OnDismount() {
	d.stopDrop()
	if d.Model.importer == d {
		d.Model.importer = nil
	}
}

// show opens the dialog; hide closes it.
func (d *importDialog) show() { d.ctx.Dispatch(func(app.Context) { d.open, d.errs = true, nil }) }
func (d *importDialog) hide() { d.ctx.Dispatch(func(app.Context) { d.open = false }) }

// onDrop takes dropped files: annotation files are imported, articles
// become later revisions.
func (d *importDialog) onDrop(ctx app.Context, dropped app.Value) {
	if d.Model.readOnly() {
		d.Model.say(complaint(readOnlyWords))
		return
	}
	readFiles(ctx, dropped, annotation.MaxInputBytes, func(ctx app.Context, files []pickedFile) {
		var articles []pickedFile
		for _, f := range files {
			if isAnnotationFile(f.Name) {
				d.open = true
				d.importData(ctx, f.Data)
				continue
			}
			articles = append(articles, f)
		}
		if len(articles) > 0 {
			d.Model.addRevisions(articles, nil)
		}
	})
}

func (d *importDialog) onFile(ctx app.Context, e app.Event) {
	readFiles(ctx, ctx.JSSrc().Get("files"), annotation.MaxInputBytes, func(ctx app.Context, files []pickedFile) {
		for _, f := range files {
			if f.Err != "" {
				d.errs = []string{f.Name + " " + f.Err}
				return
			}
			d.importData(ctx, f.Data)
		}
	})
}

func (d *importDialog) importData(ctx app.Context, data []byte) {
	m := d.Model
	sess := m.sess
	if sess == nil {
		return
	}
	m.flushEdits()
	var res library.ImportResult
	var err error
	turn := m.ops.ticket()
	ctx.Async(func() {
		m.ops.run(turn, func() { res, err = sess.Import(context.Background(), data) })
		ctx.Dispatch(func(ctx app.Context) {
			var ie *library.ImportError
			switch {
			case errors.As(err, &ie):
				d.errs = ie.Problems
			case err != nil:
				d.errs = []string{err.Error()}
			default:
				d.open, d.errs, d.paste = false, nil, ""
				msg := fmt.Sprintf("Imported %s.", plural(res.Added, "annotation"))
				if res.Present > 0 {
					msg += fmt.Sprintf(" %d were already here.", res.Present)
				}
				if res.Approximate > 0 {
					msg += fmt.Sprintf(" %d of them landed on words that differ from their quote: check them.", res.Approximate)
				}
				// What the file held and Redline skips on purpose (a
				// Recogito relation, a Hypothesis reply) is said, not
				// dropped without a word (tester 4).
				if len(res.Notes) > 0 {
					msg += " Not imported: " + strings.Join(res.Notes, "; ") + "."
				}
				m.say(success(msg)) // and the page draws what was imported
			}
		})
	})
}

func (d *importDialog) Render() app.UI {
	if !d.open {
		return app.Text("")
	}
	return app.Dialog().ID("import-dialog").Aria("labelledby", "import-title").
		On("close", func(ctx app.Context, e app.Event) { d.open = false }).Body(
		&modal{Dialog: "import-dialog"},
		app.H2().ID("import-title").Text("Import annotations"),
		app.P().Text("W3C Web Annotation JSON from Redline or another tool (Hypothesis, Recogito…), Hypothesis JSON, doccano JSONL, Label Studio tasks or a brat .ann. Every annotation is placed on this story's text; if any cannot be, nothing is imported."),
		app.Label().For("import-file").Text("Choose a file (W3C, Hypothesis, doccano, Label Studio or brat)"),
		app.Input().ID("import-file").Type("file").Accept(".json,.jsonld,.jsonl,.ann,application/json,application/ld+json").OnChange(d.onFile),
		app.Label().For("import-paste").Text("…or paste the JSON"),
		app.Textarea().ID("import-paste").Rows(5).Text(d.paste).OnInput(d.ValueTo(&d.paste)),
		app.If(len(d.errs) > 0, func() app.UI {
			return app.Div().ID("import-errors").Role("alert").Class("status", "error").Body(
				app.P().Text("Nothing was imported:"),
				app.Ul().Body(app.Range(d.errs).Slice(func(i int) app.UI { return app.Li().Text(d.errs[i]) })),
			)
		}),
		app.Div().Class("dialog-actions").Body(
			app.Button().ID("import-go").Text("Import pasted JSON").Disabled(strings.TrimSpace(d.paste) == "").
				OnClick(func(ctx app.Context, e app.Event) { d.importData(ctx, []byte(d.paste)) }),
			app.Button().Text("Cancel").OnClick(func(ctx app.Context, e app.Event) { d.open = false }),
		),
	)
}
