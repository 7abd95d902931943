package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/reading"
	"github.com/redline-news/redline/internal/span"
)

// wordCursor selects words in the article from the keyboard (issue 16,
// bug 12): with the article focused, Left and Right select the previous
// or next word, Shift with them grows or shrinks the selection a word at
// a time, and Shift+Up or Down to the start or end of the paragraph; q, c
// or n then tag it, and the editor takes the focus. The selection is the
// browser's own, drawn by redline.js, so the toolbar, q/c/n and a mouse
// drag all see one selection; the words are internal/reading's, the ones
// a tag snaps to.
type wordCursor struct {
	drawn span.Span // the selection the cursor drew last
	// resume is where the cursor starts again when nothing is selected:
	// after the words it last tagged (-1: the first words on screen).
	resume int
}

// cursorStep is the cursor's step for a key pressed on the article, if
// the key is one of its own. Plain Up and Down are left to scroll.
func cursorStep(key string, shift bool) (reading.Step, bool) {
	switch {
	case key == "ArrowRight":
		return reading.NextWord, true
	case key == "ArrowLeft":
		return reading.PreviousWord, true
	case key == "ArrowDown" && shift:
		return reading.ParagraphEnd, true
	case key == "ArrowUp" && shift:
		return reading.ParagraphStart, true
	}
	return 0, false
}

// moveCursor takes one step from the selection in the article, or, when
// there is none, puts the cursor on a word: where it last left off, or
// the first one on screen.
func (a *articleView) moveCursor(step reading.Step, extend bool) {
	s := a.Model.sess
	if s == nil {
		return
	}
	words := reading.Words([]rune(s.Revision().Text))
	var c reading.Cursor
	var ok bool
	if sel, selected := selection("article"); selected {
		if c, ok = reading.CursorOn(words, sel, selectionBackward("article")); ok {
			c = c.Move(words, s.Paragraphs, step, extend)
		}
	} else {
		from := a.cursor.resume
		if from < 0 {
			from = app.Window().Call("redlineFirstVisible", "article").Int()
		}
		c, ok = reading.CursorFrom(words, from)
	}
	if !ok {
		return
	}
	a.cursor.drawn = c.Span(words)
	app.Window().Call("redlineSelect", "article", a.cursor.drawn.Start, a.cursor.drawn.End, c.Backward())
}

// fromCursor reports whether sel is the selection the word cursor drew,
// with the article still focused: the reader is tagging from the
// keyboard and goes on in the editor.
func (a *articleView) fromCursor(sel span.Span) bool {
	return sel == a.cursor.drawn && hasFocus("article")
}

// selectionBackward reports whether the selection in the element with the
// given id runs from its end to its start.
func selectionBackward(rootID string) bool {
	v := app.Window().Call("redlineSelection", rootID)
	return v.Truthy() && v.Get("backward").Truthy()
}
