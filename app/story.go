package ui

import (
	"context"
	"errors"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/store"
)

// storyPage is the reading view of one story. It opens the story, routes
// the page's keys to the component they are for, and composes what a
// user sees (story_view.go): the tools (storyActions), the revisions,
// Suggest mode, the comparison, the article (articleView), the sidebar
// with its editor, the print view and the dialogs. They share the
// storyModel, whose library.Session is the one model they all call.
type storyPage struct {
	app.Compo

	m *storyModel // shared with the page's components

	keyFn, selFn app.Func
	stopWatch    func()
}

// model is the page's storyModel, made on first use (OnNav may come
// before OnMount).
func (p *storyPage) model(ctx app.Context) *storyModel {
	if p.m == nil {
		p.m = &storyModel{ui: ctx}
	}
	return p.m
}

func (p *storyPage) OnNav(ctx app.Context) {
	m := p.model(ctx)
	m.storyID = ctx.Page().URL().Query().Get("id")
	m.project = ctx.Page().URL().Query().Get("project") // "" for the personal library
	m.sess, m.selected, m.compare, m.unrelated, m.status, m.printing = nil, "", nil, nil, busy("Opening…"), nil
	m.gone, m.goneWhy = false, status{} // another story (a moved one's project copy) is not gone
	id, project := m.storyID, m.project
	ctx.Async(func() {
		lib, watch, err := storyLibrary(context.Background(), project)
		var sess *library.Session
		var article articleViews
		if err == nil {
			sess, err = lib.Open(context.Background(), id)
		}
		if err == nil {
			err = article.prepare(sess, lib.TurnCheck(context.Background()))
		}
		var moved *Project
		if errors.Is(err, store.ErrNotFound) && project == "" {
			moved = movedInto(context.Background(), id)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				if errors.Is(err, store.ErrNotFound) {
					err = errors.New("this story is not in your library (it may have been deleted)")
				}
				m.status = failure(err)
				if moved != nil {
					m.status = movedAway(*moved, id)
				}
				p.openWhenItArrives(ctx, watch)
				return
			}
			m.sess, m.article, m.status = sess, article, status{}
			ctx.Page().SetTitle(sess.Story.Title + " — Redline")
			m.version++
			m.keepPendingTags(ctx)
			m.applyDrafts(ctx)
			if p.stopWatch != nil {
				p.stopWatch()
			}
			p.stopWatch = watch(func(storyID string) {
				if storyID == id {
					m.reload()
				}
			})
		})
	})
}

func (p *storyPage) OnMount(ctx app.Context) {
	startCoreOnIntent()
	p.model(ctx)
	p.keyFn = app.FuncOf(func(this app.Value, args []app.Value) any {
		p.onKey(ctx, args[0])
		return nil
	})
	p.selFn = app.FuncOf(func(this app.Value, args []app.Value) any {
		placeNearSelection("tagbar")
		return nil
	})
	app.Window().Call("addEventListener", "keydown", p.keyFn)
	app.Window().Get("document").Call("addEventListener", "selectionchange", p.selFn)
}

func (p *storyPage) OnDismount() {
	app.Window().Call("removeEventListener", "keydown", p.keyFn)
	app.Window().Get("document").Call("removeEventListener", "selectionchange", p.selFn)
	p.keyFn.Release()
	p.selFn.Release()
	if p.stopWatch != nil {
		p.stopWatch()
	}
}

// onKey is the page's one keydown listener: it hands each shortcut to the
// component it is for (Suggest mode first, while on). It runs inside the
// browser's event dispatch, so it decides synchronously whether to take
// the key (preventDefault) and hands the work to the UI goroutine.
func (p *storyPage) onKey(ctx app.Context, e app.Value) {
	m := p.m
	target := e.Get("target")
	key := e.Get("key").String()
	ctrl := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()
	// Truthy, not Bool: SVG elements (the timeline) have no
	// isContentEditable, and Bool on undefined panics.
	if typingTarget(target.Get("tagName").String(), target.Get("isContentEditable").Truthy()) {
		if key == "Escape" {
			// From the editor back to the text, where the word cursor
			// goes on after the words just tagged.
			if within(e, "#editor") && app.Window().GetElementByID("article").Truthy() {
				focusFirst("#article")
			} else {
				target.Call("blur")
			}
		}
		return
	}
	if ctrl && (key == "z" || key == "Z") && !e.Get("shiftKey").Bool() && !m.readOnly() {
		e.Call("preventDefault")
		ctx.Dispatch(func(app.Context) { m.undo() })
		return
	}
	if ctrl || e.Get("altKey").Bool() || m.sess == nil {
		return
	}
	// within, not target.closest: an event sent to the document itself
	// (a script, an extension) has no closest, and calling it panicked,
	// which stops the whole app.
	onControl := within(e, "button, a[href], summary")
	if step, ok := cursorStep(key, e.Get("shiftKey").Bool()); ok && target.Get("id").String() == "article" && m.text != nil {
		e.Call("preventDefault")
		extend := e.Get("shiftKey").Bool()
		ctx.Dispatch(func(app.Context) { m.text.moveCursor(step, extend) })
		return
	}
	if m.suggest != nil {
		if act := m.suggest.key(key, e.Get("shiftKey").Bool(), onControl); act != nil {
			e.Call("preventDefault")
			ctx.Dispatch(act)
			return
		}
	}
	var act func(app.Context)
	switch key {
	case "q", "c", "n":
		// With no words selected, n (and p) step through the changes of
		// the comparison open, if any: comparePanel's keys.
		sel, ok := selection("article")
		if !ok || m.text == nil || m.readOnly() {
			return
		}
		// Here, in the keydown's dispatch, not on the UI goroutine: the
		// mark is drawn before the browser paints the next frame.
		e.Call("preventDefault")
		kind := map[string]annotation.Kind{"q": annotation.KindQuote, "c": annotation.KindClaim, "n": annotation.KindNote}[key]
		m.text.tag(ctx, sel, kind, m.text.fromCursor(sel))
		return
	case "j", "k":
		if m.sidebar == nil {
			return
		}
		dir := map[string]int{"j": 1, "k": -1}[key]
		act = func(app.Context) { m.sidebar.step(dir) }
	case "Enter":
		// Enter on a control is the control's: it must still press buttons.
		if m.selected == "" || onControl {
			return
		}
		// The field a reader most often fills for the kind: a quote's
		// speaker, a claim's verdict, a note's text; after the Enter's
		// keyup, which would pop a verdict's list open.
		e.Call("preventDefault")
		app.Window().Call("redlineFocusAfterKey", editorFirstField)
		return
	case "?":
		if m.help == nil {
			return
		}
		act = func(app.Context) { m.help.toggle() }
	case "Escape":
		act = func(app.Context) {
			if m.help != nil {
				m.help.hide()
			}
			if m.importer != nil {
				m.importer.hide()
			}
			m.redraw(func(app.Context) { m.selected = "" })
		}
	default:
		return
	}
	e.Call("preventDefault")
	ctx.Dispatch(act)
}

// bylineText is an article's author line as a byline: "By Ann Lee",
// kept as it is when the page already says "By".
func bylineText(byline string) string {
	if len(byline) >= 3 && strings.EqualFold(byline[:3], "by ") {
		return byline
	}
	return "By " + byline
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func focusFirst(selector string) {
	el := app.Window().Get("document").Call("querySelector", selector)
	if el.Truthy() {
		el.Call("focus")
	}
}
