package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
)

// renderEditor edits the selected annotation; each field saves when it
// changes.
func (p *storyPage) renderEditor() app.UI {
	a, ok := p.sess.Find(p.selected)
	if !ok {
		return nil
	}
	id := a.ID
	return &annotationEditor{
		Annotation: a,
		Speakers:   p.sess.Speakers(),
		Save:       func(ctx app.Context, e library.Edit) { p.update(ctx, id, e) },
		Delete:     func(ctx app.Context) { p.remove(ctx, id) },
		Close:      func(app.Context) { p.selected = "" },
	}
}

// annotationEditor is the form that edits one annotation.
//
// Its fields must always show the annotation as stored, which go-app alone
// does not do for a reused element: it never clears a field whose value
// becomes "" (v10.1.11 drops empty values from its attributes), and a
// textarea's text is only its initial value. So each annotation gets an
// editor of its own (CompoID), and when the same annotation changes under
// it (undo, another tab, a refused edit) the fields whose value changed
// are set again, except the one the reader is typing in. Only those: a
// field the reader just changed keeps its value until the change is saved.
type annotationEditor struct {
	app.Compo

	Annotation library.Placed
	Speakers   []string // names already used, suggested for a quote's speaker
	Save       func(app.Context, library.Edit)
	Delete     func(app.Context)
	Close      func(app.Context)

	shown map[string]string // the values last shown (fields)
}

func (e *annotationEditor) CompoID() string { return e.Annotation.ID }

func (e *annotationEditor) OnMount(app.Context) { e.shown = e.fields() }

func (e *annotationEditor) OnUpdate(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		now := e.fields()
		for id, v := range now {
			if v != e.shown[id] && !hasFocus(id) {
				setValue(id, v)
			}
		}
		e.shown = now
	})
}

// fields are the values the form shows, by field id.
func (e *annotationEditor) fields() map[string]string {
	a := e.Annotation
	return map[string]string{
		"edit-kind":    string(a.Kind),
		"edit-speaker": a.Speaker,
		"edit-verdict": string(a.Verdict),
		"edit-tags":    strings.Join(a.Tags, ", "),
		"edit-note":    a.Note,
	}
}

func (e *annotationEditor) Render() app.UI {
	a := e.Annotation
	value := func(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }
	save := func(edit func(v string) library.Edit) app.EventHandler {
		return func(ctx app.Context, _ app.Event) { e.Save(ctx, edit(value(ctx))) }
	}
	return app.Section().ID("editor").Class("editor").DataSet("id", a.ID).Aria("label", "Edit annotation").Body(
		app.Blockquote().Class("exact").Text(a.Exact()),
		app.If(a.Before != "" && a.Before != a.Exact(), func() app.UI {
			return app.P().Class("before").Body(app.Strong().Text("Before: "), app.Del().Text(a.Before))
		}),
		app.Div().Class("field").Body(
			app.Label().For("edit-kind").Text("Kind"),
			app.Select().ID("edit-kind").OnChange(save(func(v string) library.Edit {
				k := annotation.Kind(v)
				return library.Edit{Kind: &k}
			})).Body(app.Range(annotation.Kinds).Slice(func(i int) app.UI {
				k := annotation.Kinds[i]
				return app.Option().Value(string(k)).Text(string(k)).Selected(k == a.Kind)
			})),
		),
		app.If(a.Kind == annotation.KindQuote, func() app.UI {
			return app.Div().Class("field").Body(
				app.Label().For("edit-speaker").Text("Speaker"),
				app.Input().ID("edit-speaker").List("speakers").Value(a.Speaker).Placeholder("Who said it?").
					OnChange(save(func(v string) library.Edit { return library.Edit{Speaker: &v} })),
				app.DataList().ID("speakers").Body(app.Range(e.Speakers).Slice(func(i int) app.UI {
					return app.Option().Value(e.Speakers[i])
				})),
			)
		}),
		app.If(a.Kind == annotation.KindClaim, func() app.UI {
			return app.Div().Class("field").Body(
				app.Label().For("edit-verdict").Text("Verdict"),
				app.Select().ID("edit-verdict").OnChange(save(func(v string) library.Edit {
					verdict := annotation.Verdict(v)
					return library.Edit{Verdict: &verdict}
				})).Body(app.Range(annotation.Verdicts).Slice(func(i int) app.UI {
					v := annotation.Verdicts[i]
					return app.Option().Value(string(v)).Text(string(v)).Selected(v == a.Verdict)
				})),
			)
		}),
		app.Div().Class("field").Body(
			app.Label().For("edit-tags").Text("Tags (comma-separated)"),
			app.Input().ID("edit-tags").Value(strings.Join(a.Tags, ", ")).
				OnChange(save(func(v string) library.Edit {
					tags := strings.Split(v, ",")
					return library.Edit{Tags: &tags}
				})),
		),
		app.Div().Class("field").Body(
			app.Label().For("edit-note").Text("Note"),
			app.Textarea().ID("edit-note").Rows(3).Text(a.Note).
				OnChange(save(func(v string) library.Edit { return library.Edit{Note: &v} })),
		),
		app.Div().Class("dialog-actions").Body(
			app.Button().ID("edit-delete").Class("danger").Text("Delete").OnClick(func(ctx app.Context, _ app.Event) { e.Delete(ctx) }),
			app.Button().ID("edit-close").Text("Done").OnClick(func(ctx app.Context, _ app.Event) { e.Close(ctx) }),
		),
	)
}
