package ui

import (
	"strings"
	"time"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
)

// editorHost draws the editor of the selected annotation, if any, above
// the sidebar's list.
type editorHost struct {
	app.Compo

	Model   *storyModel
	Version int // the model's: redraw with it

	focus bool // the next editor opened takes the focus
	// open is the annotation the editor was last drawn for, and key the
	// editor's identity (see annotationEditor.Key): a revision added
	// while it is open carries its annotation onto a copy with another
	// id, and the same editor goes on with the copy.
	open, key string
}

func (h *editorHost) OnMount(ctx app.Context) { h.Model.editors = h }

func (h *editorHost) OnDismount() {
	if h.Model.editors == h {
		h.Model.editors = nil
	}
}

// focusNext gives the focus to the next editor opened: one opened from
// the keyboard (the word cursor, Enter on a sidebar entry).
func (h *editorHost) focusNext() { h.focus = true }

func (h *editorHost) Render() app.UI {
	m := h.Model
	a, ok := m.sess.Follow(m.selected)
	if m.selected == "" || !ok {
		h.open = ""
		return app.Text("")
	}
	id := a.ID
	if carried, _ := m.sess.Follow(h.open); h.open == "" || carried.ID != id {
		h.key = id // another annotation opened
	}
	h.open = id
	focus := h.focus
	h.focus = false // once, for the editor this selection opens
	return &annotationEditor{
		Key:        h.key,
		Focus:      focus,
		StoryID:    m.storyID,
		Annotation: a,
		Speakers:   m.sess.Speakers(),
		Save:       func(field, base, value string) { m.saveField(id, field, base, value) },
		Delete:     func(app.Context) { m.remove(id) },
		Close:      func(app.Context) { m.redraw(func(app.Context) { m.selected = "" }) },
		Opened:     m.editorOpened,
		ReadOnly:   m.gone || m.readOnly(),
	}
}

// annotationEditor is the form that edits one annotation.
//
// What is on screen is what is stored: a field is saved a moment after
// the reader stops typing (saveDelay), when it changes (leaving it,
// choosing an option), when the editor closes and when the tab is hidden
// or closed; every keystroke is also kept as a draft (see draft) until
// the save is done, for a tab closed before that.
//
// Its fields must always show the annotation as stored, which go-app alone
// does not do for a reused element: it never clears a field whose value
// becomes "" (v10.1.11 drops empty values from its attributes), and a
// textarea's text is only its initial value. So each annotation gets an
// editor of its own (CompoID; the copy a revision carries it onto keeps
// it), and when the same annotation changes under
// it (undo, another tab, a merge) the fields whose value changed are set
// again, except one the reader has typed in and not saved yet.
//
// Two tabs typing in one field at once: each save says what the typing
// started from (base), and a save that finds the field changed since
// keeps both texts (library.MergeField); the tab is told, and both tabs
// then show the merged text.
type annotationEditor struct {
	app.Compo

	Key        string // the id of the annotation it opened on: a copy a revision carried it onto keeps its editor (see editorHost)
	StoryID    string
	Focus      bool // takes the focus when it opens (opened from the keyboard)
	Annotation library.Placed
	Speakers   []string                        // names already used, suggested for a quote's speaker
	Save       func(field, base, value string) // stores one field typed from base (see library.Session.UpdateField)
	Delete     func(app.Context)
	Close      func(app.Context)
	Opened     func(e *annotationEditor, open bool) // tells the page which editor is open (see storyModel.flushEdits)
	ReadOnly   bool                                 // the story is gone (deleted, or moved into a project, in another tab), or the reader is a viewer: the fields show, greyed, and cannot change

	first   map[string]string // the value each text field was drawn with when it was drawn anew, by field
	drawn   map[string]bool   // the text fields the last drawing had
	shown   map[string]string // the values last shown, by field
	base    map[string]string // the stored value each field's text started from (or this editor saved last), by field
	notice  string            // what another tab did to a field the reader is in
	pending map[string]string // typed and not saved yet, by field
	saved   map[string]bool   // the fields this editor saved since it opened (see follow)
	typing  int               // counts keystrokes, so only the last one's delay saves
	// deleting: Delete was pressed and the editor stays until it is
	// done; a second press (a space typed on the still focused button)
	// deleted the annotation again and showed a raw "not found".
	deleting bool
	ctx      app.Context
	onHide   app.Func
	on       string // the id of the annotation last shown: another one is a copy a revision carried it onto (see follow)
}

// editorFirstField is the field a reader most often fills for the kind:
// a quote's speaker, a claim's verdict, a note's text.
const editorFirstField = "#edit-speaker, #edit-verdict, #edit-note"

// saveDelay is how long after the last keystroke a typed field is saved.
const saveDelay = 400 * time.Millisecond

func (e *annotationEditor) CompoID() string { return e.Key }

func (e *annotationEditor) OnMount(ctx app.Context) {
	e.shown, e.base, e.pending, e.saved, e.ctx, e.on = e.fields(), e.fields(), map[string]string{}, map[string]bool{}, ctx, e.Annotation.ID
	e.Opened(e, true)
	// pagehide and a hidden tab (switching away, closing it on a phone)
	// save what is pending: the page may not come back.
	e.onHide = app.FuncOf(func(app.Value, []app.Value) any {
		if app.Window().Get("document").Get("visibilityState").String() == "hidden" {
			e.flush()
		}
		return nil
	})
	// Beside the text, the editor comes into view in its sticky column;
	// on a phone it is fixed over the text (web/redline.css).
	ctx.Defer(func(app.Context) {
		if !narrowScreen() {
			scrollWithinSide("#editor")
			return
		}
		// Over the text on a phone: the words it edits go above it.
		scrollAboveSheet(`#article mark[data-id="` + cssString(e.Annotation.ID) + `"]`)
	})
	if e.Focus {
		// After the page has drawn the editor: a Defer from OnMount runs
		// before its fields are in the document.
		ctx.After(0, func(app.Context) { focusFirst(editorFirstField) })
	}
	app.Window().Call("addEventListener", "pagehide", e.onHide)
	app.Window().Get("document").Call("addEventListener", "visibilitychange", e.onHide)
}

func (e *annotationEditor) OnDismount() {
	e.flush()
	e.Opened(e, false)
	app.Window().Call("removeEventListener", "pagehide", e.onHide)
	app.Window().Get("document").Call("removeEventListener", "visibilitychange", e.onHide)
	e.onHide.Release()
}

func (e *annotationEditor) OnUpdate(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		notice := e.notice
		now := e.fields()
		if e.Annotation.ID != e.on {
			e.follow(now)
			return
		}
		for field, v := range now {
			switch _, typing := e.pending[field]; {
			case v == e.shown[field], sameWords(v, e.base[field]):
				// Unchanged, or this editor's own save coming back.
			case typing:
				// Another tab saved this field while the reader types in
				// it: what they type stays, and its save keeps both.
				e.notice = "This " + field + " was changed elsewhere (another tab, or a colleague) while you were typing; when yours is saved, both texts are kept."
			default:
				if hasFocus("edit-" + field) {
					e.notice = "This " + field + " was changed elsewhere (another tab, or a colleague); it shows what is stored now."
				}
				setValue("edit-"+field, v)
				e.base[field] = v
			}
		}
		e.shown = now
		if e.notice != notice {
			e.ctx.Dispatch(func(app.Context) {}) // drawn now, not at the next change
		}
	})
}

// follow goes on with the copy of the annotation that a new revision
// carried it onto (now are the copy's fields): the copy may hold the
// annotation as it was before the reader's last words (a watched page
// captured, or a colleague's revision made, while they typed), so every
// field the reader typed, or this editor saved on the original since it
// opened, is saved onto the copy from the base it was typed from: nothing
// typed stays behind on the old revision, and the fields are not set back
// to the copy's older text (tester 5, bug 12). A field this editor never
// saved takes the copy's value: a colleague's change that came with the
// copy is theirs to keep, not to be written over by what the editor drew.
func (e *annotationEditor) follow(now map[string]string) {
	e.on = e.Annotation.ID
	for field, v := range now {
		held, typing := e.pending[field]
		switch {
		case typing:
		case e.saved[field]:
			held = e.base[field]
		default:
			if !sameWords(v, e.base[field]) {
				setValue("edit-"+field, v)
			}
			e.base[field] = v
			continue
		}
		if !sameWords(held, v) {
			e.pending[field] = held
		}
	}
	e.shown = now
	if len(e.pending) > 0 {
		e.flush()
	}
}

// bothKept tells the reader that their save of field found another tab's
// text there and kept both.
func (e *annotationEditor) bothKept(field string) {
	e.ctx.Dispatch(func(app.Context) {
		e.notice = "This " + field + " was changed elsewhere (another tab, or a colleague) while you were typing: both texts are kept. Edit it to keep what you want."
	})
}

// sameWords reports whether two values of a field are the same once stored
// (spaces and commas aside: saving trims them).
func sameWords(a, b string) bool {
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ',' || unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	return strip(a) == strip(b)
}

// fields are the values the form shows, by field name.
func (e *annotationEditor) fields() map[string]string {
	out := make(map[string]string, len(library.EditFields))
	for _, f := range library.EditFields {
		out[f], _ = e.Annotation.Field(f)
	}
	return out
}

// typed keeps a keystroke's value as a draft and saves it once the reader
// pauses.
func (e *annotationEditor) typed(ctx app.Context, field, value string) {
	base := e.base[field]
	keepDraft(ctx, draft{Story: e.StoryID, Annotation: e.Annotation.ID, Field: field, Value: value, Base: &base})
	e.pending[field] = value
	e.typing++
	n := e.typing
	ctx.After(saveDelay, func(app.Context) {
		if n == e.typing {
			e.flush()
		}
	})
}

// changed saves a field the reader left or chose a value in, at once.
func (e *annotationEditor) changed(field, value string) {
	e.pending[field] = value
	e.flush()
}

// flush saves every pending field. What it saves is the base of what
// the reader types next: the store holds it, unless another tab's text
// is merged in, which comes back as a change.
func (e *annotationEditor) flush() {
	for field, value := range e.pending {
		e.Save(field, e.base[field], value)
		e.base[field] = value
		e.saved[field] = true
	}
	clear(e.pending)
}

func (e *annotationEditor) Render() app.UI {
	a := e.Annotation
	// The text fields are drawn with the value they start from only:
	// go-app sets a field's value whenever the one drawn changes, and
	// would replace what the reader is typing with another tab's save.
	// OnUpdate sets the fields the reader is not in. A field drawn anew
	// (the kind changed and the speaker is back) starts from what is
	// stored now, or what was typed and is not saved yet.
	if e.first == nil {
		e.first = map[string]string{}
	}
	now := e.fields()
	drawn := map[string]bool{}
	start := func(field string) string {
		if !e.drawn[field] {
			v, typing := e.pending[field]
			if !typing {
				v = now[field]
			}
			e.first[field] = v
		}
		drawn[field] = true
		return e.first[field]
	}
	value := func(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }
	change := func(field string) app.EventHandler {
		return func(ctx app.Context, _ app.Event) { e.changed(field, value(ctx)) }
	}
	input := func(field string) app.EventHandler {
		return func(ctx app.Context, _ app.Event) { e.typed(ctx, field, value(ctx)) }
	}
	// Every element keeps its place whatever is shown (a notice, the
	// words before, the kind's own field), each optional one in a slot
	// of its own: go-app matches elements by position, and one put in
	// front of the fields made it draw them again from their first
	// values, dropping what the reader had typed or another tab had
	// saved since (tester 4's stale editor and lost words).
	ui := app.Section().ID("editor").Class("editor").DataSet("id", a.ID).Aria("label", "Edit annotation").Body(
		app.Blockquote().Class("exact").Text(a.Exact()),
		app.P().ID("edit-elsewhere").Class("notice").Role("status").Hidden(e.notice == "").Text(e.notice),
		app.Div().Body(app.If(a.Before != "" && a.Before != a.Exact(), func() app.UI {
			return app.P().Class("before").Body(app.Strong().Text("Before: "), app.Del().Text(a.Before))
		})),
		app.Div().Class("field").Body(
			app.Label().For("edit-kind").Text("Kind"),
			app.Select().ID("edit-kind").Disabled(e.ReadOnly).OnChange(change("kind")).Body(app.Range(annotation.Kinds).Slice(func(i int) app.UI {
				k := annotation.Kinds[i]
				return app.Option().Value(string(k)).Text(string(k)).Selected(k == a.Kind)
			})),
		),
		app.Div().Body(app.If(a.Kind == annotation.KindQuote, func() app.UI {
			return app.Div().Class("field").Body(
				app.Label().For("edit-speaker").Text("Speaker"),
				app.Input().ID("edit-speaker").ReadOnly(e.ReadOnly).List("speakers").Value(start("speaker")).Placeholder("Who said it?").
					OnInput(input("speaker")).OnChange(change("speaker")),
				app.DataList().ID("speakers").Body(app.Range(e.Speakers).Slice(func(i int) app.UI {
					return app.Option().Value(e.Speakers[i])
				})),
			)
		})),
		app.Div().Body(app.If(a.Kind == annotation.KindClaim, func() app.UI {
			return app.Div().Class("field").Body(
				app.Label().For("edit-verdict").Text("Verdict"),
				app.Select().ID("edit-verdict").Disabled(e.ReadOnly).OnChange(change("verdict")).Body(app.Range(annotation.Verdicts).Slice(func(i int) app.UI {
					v := annotation.Verdicts[i]
					return app.Option().Value(string(v)).Text(string(v)).Selected(v == a.Verdict)
				})),
			)
		})),
		app.Div().Class("field").Body(
			app.Label().For("edit-tags").Text("Tags (comma-separated)"),
			app.Input().ID("edit-tags").ReadOnly(e.ReadOnly).Value(start("tags")).
				OnInput(input("tags")).OnChange(change("tags")),
		),
		app.Div().Class("field").Body(
			app.Label().For("edit-note").Text("Note"),
			app.Textarea().ID("edit-note").ReadOnly(e.ReadOnly).Rows(3).Text(start("note")).
				OnInput(input("note")).OnChange(change("note")),
		),
		app.Div().Class("dialog-actions").Body(
			app.Button().ID("edit-delete").Class("danger").Disabled(e.ReadOnly || e.deleting).Text("Delete").OnClick(func(ctx app.Context, _ app.Event) {
				if !e.deleting {
					e.deleting = true
					e.Delete(ctx)
				}
			}),
			app.Button().ID("edit-close").Text("Done").OnClick(func(ctx app.Context, _ app.Event) { e.Close(ctx) }),
		),
	)
	e.drawn = drawn
	return ui
}
