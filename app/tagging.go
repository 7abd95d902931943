package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/span"
)

// tag answers q, c or n within the frame of the keypress: the new mark is
// put into the article's DOM at once (the paragraph's next render, after
// the write, replaces it), saying it is being saved (data-saving) until its
// IndexedDB write commits. If the write fails the mark goes and the reason
// shows. A copy of the new annotation goes to localStorage, which is
// written synchronously: a tab reloaded or closed before the write
// commits stores it when the story opens again (keepPendingTags). Tagged
// from the word cursor, the editor takes the focus once the tag is stored,
// and the cursor goes on after the words.
func (a *articleView) tag(ctx app.Context, sel span.Span, kind annotation.Kind, keyboard bool) {
	m := a.Model
	s := m.sess
	if s == nil || m.readOnly() {
		return
	}
	d, err := s.Draft(sel, kind)
	if err != nil {
		m.say(failure(err))
		return
	}
	if old, ok := s.Already(d); ok {
		// The same kind on the same words again: the one there is what the
		// reader is after, not a copy stacked under it.
		clearSelection()
		if m.editors != nil && keyboard && m.selected != old.ID {
			m.editors.focusNext()
		}
		a.cursor.resume = old.Span.End
		m.say(success(fmt.Sprintf("Already tagged as a %s: “%s”. It is selected.", old.Kind, shorten(s.Slice(old.Span), 60))))
		m.selectAnnotation(old.ID)
		return
	}
	if err := ctx.LocalStorage().Set(pendingTagKey(m.storyID, d.ID), d); err != nil {
		app.Log("keeping a tag until it is stored:", err) // the IndexedDB write still runs
	}
	// The selection goes first: cleared after the marks went in, it made
	// the browser lay out the page again at once (25 ms at 1 MB).
	clearSelection()
	var mark strings.Builder
	newMarkView(d, true, true).open(&mark)
	mark.WriteString("</mark>")
	markSaving("article", d.Span, mark.String())
	if m.editors != nil && keyboard {
		m.editors.focusNext()
	}
	a.cursor.resume = d.Span.End
	m.keep(d)
}

// keep stores a drafted tag, in turn with the page's other operations, and
// selects it once stored.
func (m *storyModel) keep(d library.Placed) {
	story := m.storyID
	if m.saving == nil {
		m.saving = map[string]bool{}
	}
	m.saving[d.ID] = true
	m.change(func(ctx context.Context, s *library.Session) (string, error) {
		_, err := s.Keep(ctx, d)
		m.ui.Dispatch(func(ctx app.Context) {
			delete(m.saving, d.ID)
			ctx.LocalStorage().Del(pendingTagKey(story, d.ID))
			if err != nil {
				unmarkSaving("article", d.ID)
			}
		})
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("Tagged a %s: “%s”.", d.Kind, shorten(s.Slice(d.Span), 60)), nil
	}, func(ctx app.Context) { m.selected = d.ID })
}

const pendingTagPrefix = "redline.tag."

func pendingTagKey(story, id string) string { return pendingTagPrefix + story + "\x00" + id }

// keepPendingTags stores the tags drawn in this story's last tab whose
// writes had not committed when it closed.
func (m *storyModel) keepPendingTags(ctx app.Context) {
	var pending []library.Placed
	ctx.LocalStorage().ForEach(func(k string) {
		if !strings.HasPrefix(k, pendingTagPrefix+m.storyID+"\x00") {
			return
		}
		var d library.Placed
		if ctx.LocalStorage().Get(k, &d) != nil || d.ID == "" {
			ctx.LocalStorage().Del(k)
			return
		}
		pending = append(pending, d)
	})
	for _, d := range pending {
		if _, ok := m.sess.Find(d.ID); ok {
			ctx.LocalStorage().Del(pendingTagKey(m.storyID, d.ID))
			continue
		}
		m.keep(d)
	}
}
