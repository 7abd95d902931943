package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/store"
)

// The story's operations that several of the page's components ask for:
// selecting an annotation, saving an edited field, deleting, undo and
// showing another revision. Each changes the session and redraws the
// page, so every component draws what changed.

// selectAnnotation selects an annotation and brings it into view.
func (m *storyModel) selectAnnotation(id string) {
	m.redraw(func(ctx app.Context) {
		m.selected = id
		ctx.Defer(func(app.Context) {
			// The list entry first, and only within the sticky column
			// beside the text (on a phone the list is below the article,
			// and going there would take the reader away from the
			// words): the article scrolls last, so the words end in view.
			mark := `#article mark[data-id="` + cssString(id) + `"]`
			if narrowScreen() {
				scrollAboveSheet(mark)
				return
			}
			scrollWithinSide(`#sidebar li[data-id="` + cssString(id) + `"]`)
			scrollIntoView(mark)
		})
	})
}

// saveField stores one field of an annotation as the editor holds it,
// typed from base (see library.Session.UpdateField: another tab's text
// saved meanwhile is kept with it). Its draft is dropped once stored, or
// once refused because the annotation is gone.
func (m *storyModel) saveField(id, field, base, value string) {
	d := draft{Story: m.storyID, Annotation: id, Field: field, Value: value}
	ui := m.ui // the editor may be gone when the save is done
	m.change(func(ctx context.Context, s *library.Session) (string, error) {
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
				if e := m.editor; e != nil && e.Annotation.ID == id {
					e.bothKept(field)
				}
			})
			return "This " + field + " was changed elsewhere while you typed: both texts are kept.", err
		}
		return "Saved.", err
	}, nil)
}

// applyDrafts stores what was typed in the story's editor and not yet
// saved when its tab last closed.
func (m *storyModel) applyDrafts(ctx app.Context) {
	for _, d := range storyDrafts(ctx, m.storyID) {
		a, ok := m.sess.Find(d.Annotation)
		stored, known := a.Field(d.Field)
		if !ok || !known || stored == d.Value {
			dropDraft(ctx, d)
			continue
		}
		base := stored
		if d.Base != nil {
			base = *d.Base
		}
		m.saveField(d.Annotation, d.Field, base, d.Value)
	}
}

func (m *storyModel) remove(id string) {
	m.change(func(ctx context.Context, s *library.Session) (string, error) {
		return "Deleted. Ctrl+Z brings it back.", s.Delete(ctx, id)
	}, func(app.Context) { m.selected = "" })
}

func (m *storyModel) undo() {
	m.flushEdits()
	m.change(func(ctx context.Context, s *library.Session) (string, error) {
		what, err := s.Undo(ctx)
		return "Undid the last " + what + ".", err
	}, func(app.Context) {
		// An undone tag takes its open editor with it; this page did it,
		// so the editor closes without blaming elsewhere (the reload a
		// project story's sync then brings would).
		if m.sess == nil {
			return
		}
		if _, ok := m.sess.Find(m.selected); !ok {
			m.selected = ""
		}
	})
}

// show switches to revision i; in Suggest mode the suggestions become
// that revision's.
func (m *storyModel) show(_ app.Context, i int) {
	m.flushEdits()
	m.change(func(ctx context.Context, s *library.Session) (string, error) {
		return "", s.Show(ctx, i)
	}, func(ctx app.Context) {
		m.selected = ""
		if m.suggest != nil {
			m.suggest.revisionShown()
		}
	})
}

// cssString escapes a value for a double-quoted CSS attribute selector.
func cssString(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\a `).Replace(s)
}
