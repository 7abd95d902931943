package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A draft is what the reader typed in one field of the annotation editor
// and is not stored yet. Saving goes through IndexedDB, which is
// asynchronous: a tab closed or reloaded within the save's few
// milliseconds (or the editor's debounce) would lose the last keystrokes.
// localStorage is written synchronously, on every keystroke, so the draft
// survives; the story applies what is left of its drafts when it opens.
type draft struct {
	Story, Annotation, Field, Value string
	// Base is the stored value the typing started from (nil in a draft
	// kept before there was one: the value then stored is taken).
	Base *string `json:",omitempty"`
}

const draftPrefix = "redline.draft."

func (d draft) key() string { return draftPrefix + d.Story + "\x00" + d.Annotation + "\x00" + d.Field }

func keepDraft(ctx app.Context, d draft) {
	if err := ctx.LocalStorage().Set(d.key(), d); err != nil {
		app.Log("keeping a draft:", err)
	}
}

// dropDraft forgets a draft once value is stored, unless the reader has
// typed on since (the draft then holds a newer value, saved next).
func dropDraft(ctx app.Context, d draft) {
	var kept draft
	if ctx.LocalStorage().Get(d.key(), &kept) == nil && kept.Value == d.Value {
		ctx.LocalStorage().Del(d.key())
	}
}

// storyDrafts are the drafts left for one story.
func storyDrafts(ctx app.Context, storyID string) []draft {
	var out []draft
	ctx.LocalStorage().ForEach(func(k string) {
		if !strings.HasPrefix(k, draftPrefix+storyID+"\x00") {
			return
		}
		var d draft
		if ctx.LocalStorage().Get(k, &d) == nil {
			out = append(out, d)
		}
	})
	return out
}
