package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/store"
)

// storyPage is the reading view of one story: the article with its
// highlights, tagging by keyboard or toolbar, the sidebar of annotations,
// the editor, undo, import and export.
type storyPage struct {
	app.Compo

	m        *storyModel // shared with the page's components
	storyID  string
	project  string // the project the story is in; "" for the personal library
	filter   library.Filter
	showHelp bool

	focusEditor bool // the next editor opened takes the focus
	cursor      wordCursor

	showAll bool // list every annotation in the sidebar, however many

	suggesting  bool // Suggest mode
	suggestions []library.Suggestion
	suggestAt   int // index of the suggestion being decided

	printing *printView // what the last Print drew (nil: not asked)

	importing   bool     // the import dialog is open
	importPaste string   // JSON pasted into the import dialog
	importErrs  []string // why the last import was rejected

	keyFn, selFn app.Func
	stopWatch    func()
	stopDrop     func()
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
	p.storyID = ctx.Page().URL().Query().Get("id")
	m.sess, m.selected, m.compare, m.unrelated, m.status = nil, "", nil, nil, busy("Opening…")
	p.suggesting = false
	p.cursor, p.printing = wordCursor{resume: -1}, nil
	id := p.storyID
	p.project = ctx.Page().URL().Query().Get("project") // "" for the personal library
	project := p.project
	ctx.Async(func() {
		lib, watch, err := storyLibrary(context.Background(), project)
		var sess *library.Session
		if err == nil {
			sess, err = lib.Open(context.Background(), id)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				if errors.Is(err, store.ErrNotFound) {
					err = errors.New("this story is not in your library (it may have been deleted)")
				}
				m.status = failure(err)
				p.openWhenItArrives(ctx, watch)
				return
			}
			m.sess, m.status = sess, status{}
			p.keepPendingTags(ctx)
			p.applyDrafts(ctx)
			if p.stopWatch != nil {
				p.stopWatch()
			}
			p.stopWatch = watch(func(storyID string) {
				if storyID == id {
					p.m.reload()
				}
			})
		})
	})
}

func (p *storyPage) OnMount(ctx app.Context) {
	p.model(ctx)
	p.keyFn = app.FuncOf(func(this app.Value, args []app.Value) any {
		p.onKey(ctx, args[0])
		return nil
	})
	p.selFn = app.FuncOf(func(this app.Value, args []app.Value) any {
		placeNearSelection("tagbar")
		return nil
	})
	p.stopDrop = onFilesDropped(func(files app.Value) { p.onDrop(ctx, files) })
	app.Window().Call("addEventListener", "keydown", p.keyFn)
	app.Window().Get("document").Call("addEventListener", "selectionchange", p.selFn)
}

func (p *storyPage) OnDismount() {
	app.Window().Call("removeEventListener", "keydown", p.keyFn)
	app.Window().Get("document").Call("removeEventListener", "selectionchange", p.selFn)
	p.keyFn.Release()
	p.selFn.Release()
	p.stopDrop()
	if p.stopWatch != nil {
		p.stopWatch()
	}
}

// onKey handles the page's keyboard shortcuts. It runs inside the browser's
// event dispatch, so it decides synchronously whether to take the key
// (preventDefault) and hands the work to the UI goroutine.
func (p *storyPage) onKey(ctx app.Context, e app.Value) {
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
	if ctrl && (key == "z" || key == "Z") && !e.Get("shiftKey").Bool() {
		e.Call("preventDefault")
		ctx.Dispatch(p.undo)
		return
	}
	if ctrl || e.Get("altKey").Bool() {
		return
	}
	// within, not target.closest: an event sent to the document itself
	// (a script, an extension) has no closest, and calling it panicked,
	// which stops the whole app.
	onControl := within(e, "button, a[href], summary")
	if step, ok := cursorStep(key, e.Get("shiftKey").Bool()); ok && target.Get("id").String() == "article" {
		e.Call("preventDefault")
		extend := e.Get("shiftKey").Bool()
		ctx.Dispatch(func(app.Context) { p.moveCursor(step, extend) })
		return
	}
	if act := p.suggestKey(key, e.Get("shiftKey").Bool(), onControl); act != nil {
		e.Call("preventDefault")
		ctx.Dispatch(act)
		return
	}
	var act func(app.Context)
	switch key {
	case "q", "c", "n":
		// With no words selected, n (and p) step through the changes of
		// the comparison open, if any: comparePanel's keys.
		sel, ok := selection("article")
		if !ok {
			return
		}
		// Here, in the keydown's dispatch, not on the UI goroutine: the
		// mark is drawn before the browser paints the next frame.
		e.Call("preventDefault")
		kind := map[string]annotation.Kind{"q": annotation.KindQuote, "c": annotation.KindClaim, "n": annotation.KindNote}[key]
		p.tag(ctx, sel, kind, p.fromCursor(sel))
		return
	case "j":
		act = func(ctx app.Context) { p.step(ctx, 1) }
	case "k":
		act = func(ctx app.Context) { p.step(ctx, -1) }
	case "Enter":
		// Enter on a control is the control's: it must still press buttons.
		if p.m.selected == "" || onControl {
			return
		}
		// The field a reader most often fills for the kind: a quote's
		// speaker, a claim's verdict, a note's text.
		act = func(ctx app.Context) { focusFirst(editorFirstField) }
	case "?":
		act = func(ctx app.Context) { p.showHelp = !p.showHelp }
	case "Escape":
		act = func(ctx app.Context) { p.showHelp, p.importing, p.m.selected = false, false, "" }
	default:
		return
	}
	e.Call("preventDefault")
	ctx.Dispatch(act)
}

// suggestKey is what a key does in Suggest mode (nil: not a Suggest key).
// Tab is taken only while suggesting and only outside form fields, so
// keyboard navigation works everywhere else.
func (p *storyPage) suggestKey(key string, shift, onControl bool) func(app.Context) {
	if !p.suggesting {
		return nil
	}
	switch key {
	case "Enter":
		if onControl { // Enter on a focused button presses that button
			return nil
		}
		return func(ctx app.Context) { p.decideSuggestion(ctx, true) }
	case "a":
		return func(ctx app.Context) { p.decideSuggestion(ctx, true) }
	case "x":
		return func(ctx app.Context) { p.decideSuggestion(ctx, false) }
	case "Tab":
		dir := map[bool]int{false: 1, true: -1}[shift]
		return func(ctx app.Context) { p.stepSuggestion(ctx, dir) }
	case "Escape":
		return func(ctx app.Context) { p.suggesting = false }
	}
	return nil
}

// saveField stores one field of an annotation as the editor holds it,
// typed from base (see library.Session.UpdateField: another tab's text
// saved meanwhile is kept with it). Its draft is dropped once stored, or
// once refused because the annotation is gone.
func (p *storyPage) saveField(id, field, base, value string) {
	d := draft{Story: p.storyID, Annotation: id, Field: field, Value: value}
	ui := p.m.ui // the editor may be gone when the save is done
	p.m.change(func(ctx context.Context, s *library.Session) (string, error) {
		_, both, err := s.UpdateField(ctx, id, field, base, value)
		if err == nil || errors.Is(err, store.ErrConflict) || errors.Is(err, store.ErrNotFound) {
			ui.Dispatch(func(ctx app.Context) { dropDraft(ctx, d) })
		}
		if errors.Is(err, store.ErrNotFound) {
			// Deleted in another tab while the reader typed: say so, and
			// give back the words, rather than a "Saved." that is not true.
			err = fmt.Errorf("this annotation was deleted, in another tab; your %s was not saved: “%s”", field, shorten(value, 200))
		}
		if both {
			ui.Dispatch(func(app.Context) {
				if e := p.m.editor; e != nil && e.Annotation.ID == id {
					e.bothKept(field)
				}
			})
			return "Another tab changed this " + field + " while you typed: both texts are kept.", err
		}
		return "Saved.", err
	}, nil)
}

// applyDrafts stores what was typed in the story's editor and not yet
// saved when its tab last closed.
func (p *storyPage) applyDrafts(ctx app.Context) {
	for _, d := range storyDrafts(ctx, p.storyID) {
		a, ok := p.m.sess.Find(d.Annotation)
		stored, known := a.Field(d.Field)
		if !ok || !known || stored == d.Value {
			dropDraft(ctx, d)
			continue
		}
		base := stored
		if d.Base != nil {
			base = *d.Base
		}
		p.saveField(d.Annotation, d.Field, base, d.Value)
	}
}

func (p *storyPage) remove(ctx app.Context, id string) {
	p.m.change(func(ctx context.Context, s *library.Session) (string, error) {
		return "Deleted. Ctrl+Z brings it back.", s.Delete(ctx, id)
	}, func(app.Context) { p.m.selected = "" })
}

func (p *storyPage) undo(ctx app.Context) {
	p.m.flushEdits()
	p.m.change(func(ctx context.Context, s *library.Session) (string, error) {
		what, err := s.Undo(ctx)
		return "Undid the last " + what + ".", err
	}, nil)
}

// step selects the next (+1) or previous (-1) annotation in the sidebar's
// order and scrolls to it.
func (p *storyPage) step(ctx app.Context, dir int) {
	if p.m.sess == nil {
		return
	}
	list := p.m.sess.Filtered(p.filter)
	if len(list) == 0 {
		return
	}
	i := slices.IndexFunc(list, func(a library.Placed) bool { return a.ID == p.m.selected })
	switch {
	case i < 0 && dir < 0:
		i = len(list) - 1
	case i < 0:
		i = 0
	default:
		i = (i + dir + len(list)) % len(list)
	}
	p.selectAnnotation(ctx, list[i].ID)
}

func (p *storyPage) selectAnnotation(ctx app.Context, id string) {
	p.m.selected = id
	ctx.Defer(func(app.Context) {
		// The list entry first, and only within the sticky column beside
		// the text (on a phone the list is below the article, and going
		// there would take the reader away from the words): the article
		// scrolls last, so the words end in view.
		if !narrowScreen() {
			scrollWithinSide(`#sidebar li[data-id="` + cssString(id) + `"]`)
		}
		scrollIntoView(`#article mark[data-id="` + cssString(id) + `"]`)
	})
}

// cssString escapes a value for a double-quoted CSS attribute selector.
func cssString(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\a `).Replace(s)
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

// onArticleClick selects the innermost highlight under the pointer.
func (p *storyPage) onArticleClick(ctx app.Context, e app.Event) {
	mark := e.Get("target").Call("closest", "mark[data-id]")
	if mark.Truthy() {
		p.selectAnnotation(ctx, mark.Get("dataset").Get("id").String())
	}
}

func (p *storyPage) tagFromToolbar(kind annotation.Kind) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if sel, ok := selection("article"); ok {
			p.tag(ctx, sel, kind, false)
		}
	}
}

func (p *storyPage) export(csv bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if p.m.sess == nil {
			return
		}
		name := fileName(p.m.sess.Story.Title)
		var data []byte
		var err error
		if csv {
			data, err = p.m.sess.ExportCSV()
		} else {
			data, err = p.m.sess.ExportJSON()
		}
		if err != nil {
			p.m.status = failure(err)
			return
		}
		if csv {
			download(name+".csv", "text/csv", data)
		} else {
			download(name+".jsonld", "application/ld+json", data)
		}
	}
}

// fileName turns a story title into a safe download name: its letters
// and digits in any script, lower case, the rest one hyphen ("Māori" stays
// "māori"; a browser saves any Unicode name).
func fileName(title string) string {
	var b []rune
	for _, r := range strings.ToLower(title) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Mc, r):
			b = append(b, r)
		case len(b) > 0 && b[len(b)-1] != '-':
			b = append(b, '-')
		}
		if len(b) >= 60 {
			break
		}
	}
	name := strings.Trim(string(b), "-")
	if name == "" {
		name = "story"
	}
	return "redline-" + name
}

// onDrop takes dropped files: annotation JSON is imported, articles become
// later revisions.
func (p *storyPage) onDrop(ctx app.Context, dropped app.Value) {
	readFiles(ctx, dropped, annotation.MaxInputBytes, func(ctx app.Context, files []pickedFile) {
		var articles []pickedFile
		for _, f := range files {
			if isAnnotationFile(f.Name) {
				p.importing = true
				p.importData(ctx, f.Data)
				continue
			}
			articles = append(articles, f)
		}
		if len(articles) > 0 {
			p.m.addRevisions(articles)
		}
	})
}

func (p *storyPage) onImportFile(ctx app.Context, e app.Event) {
	readFiles(ctx, ctx.JSSrc().Get("files"), annotation.MaxInputBytes, func(ctx app.Context, files []pickedFile) {
		for _, f := range files {
			if f.Err != "" {
				p.importErrs = []string{f.Name + " " + f.Err}
				return
			}
			p.importData(ctx, f.Data)
		}
	})
}

func (p *storyPage) importData(ctx app.Context, data []byte) {
	sess := p.m.sess
	if sess == nil {
		return
	}
	p.m.flushEdits()
	var res library.ImportResult
	var err error
	turn := p.m.ops.ticket()
	ctx.Async(func() {
		p.m.ops.run(turn, func() { res, err = sess.Import(context.Background(), data) })
		ctx.Dispatch(func(ctx app.Context) {
			var ie *library.ImportError
			switch {
			case errors.As(err, &ie):
				p.importErrs = ie.Problems
			case err != nil:
				p.importErrs = []string{err.Error()}
			default:
				p.importing, p.importErrs, p.importPaste = false, nil, ""
				msg := fmt.Sprintf("Imported %s.", plural(res.Added, "annotation"))
				if res.Present > 0 {
					msg += fmt.Sprintf(" %d were already here.", res.Present)
				}
				if res.Approximate > 0 {
					msg += fmt.Sprintf(" %d of them landed on words that differ from their quote: check them.", res.Approximate)
				}
				p.m.status = success(msg)
			}
		})
	})
}

// show switches to revision i; in Suggest mode the suggestions become
// that revision's.
func (p *storyPage) show(ctx app.Context, i int) {
	p.m.flushEdits()
	p.m.change(func(ctx context.Context, s *library.Session) (string, error) {
		return "", s.Show(ctx, i)
	}, func(ctx app.Context) {
		p.m.selected = ""
		if p.suggesting {
			p.suggestAt = 0
			p.loadSuggestions(ctx)
		}
	})
}
