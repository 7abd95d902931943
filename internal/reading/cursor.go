package reading

import (
	"sort"

	"github.com/redline-news/redline/internal/span"
)

// Words are the words of text in order, as SnapToWords sees them: runs of
// word characters, with an apostrophe or hyphen inside a word kept in it.
// A selection made of whole words is what SnapToWords leaves as it is, so
// what the word cursor shows is what gets tagged.
func Words(text []rune) []span.Span {
	var out []span.Span
	for i := 0; i < len(text); {
		if !isWordRune(text[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && insideWord(text, j) {
			j++
		}
		out = append(out, span.Span{Start: i, End: j})
		i = j
	}
	return out
}

// Cursor is a selection made from the keyboard a word at a time, the way
// a text editor's Shift+Ctrl+arrows make one: Anchor is the word where it
// began and stays, Focus the word the keys move. Both index a Words list.
type Cursor struct{ Anchor, Focus int }

// Step is one move of a cursor's focus.
type Step int

const (
	NextWord Step = iota
	PreviousWord
	// ParagraphEnd goes to the last word of the focus's paragraph, or of
	// the next paragraph when it is already there.
	ParagraphEnd
	// ParagraphStart goes to the first word of the focus's paragraph, or
	// of the previous paragraph when it is already there.
	ParagraphStart
)

// Span is the text the cursor selects: from its first word to its last.
func (c Cursor) Span(words []span.Span) span.Span {
	a, b := words[c.Anchor], words[c.Focus]
	return span.Span{Start: min(a.Start, b.Start), End: max(a.End, b.End)}
}

// Backward reports whether the focus is before the anchor (a selection
// the browser draws with its moving end first).
func (c Cursor) Backward() bool { return c.Focus < c.Anchor }

// CursorOn is the cursor on an existing selection (a mouse drag, or the
// cursor drawn last time): its anchor is the first word the selection
// touches, its focus the last, the other way round when backward. ok is
// false when the selection touches no word.
func CursorOn(words []span.Span, sel span.Span, backward bool) (c Cursor, ok bool) {
	first := sort.Search(len(words), func(i int) bool { return words[i].End > sel.Start })
	last := sort.Search(len(words), func(i int) bool { return words[i].Start >= sel.End }) - 1
	if first >= len(words) || last < first {
		return Cursor{}, false
	}
	if backward {
		return Cursor{Anchor: last, Focus: first}, true
	}
	return Cursor{Anchor: first, Focus: last}, true
}

// CursorFrom is the cursor on one word: the first that ends after offset
// at (the last word when none does). ok is false when there are no words.
func CursorFrom(words []span.Span, at int) (c Cursor, ok bool) {
	if len(words) == 0 {
		return Cursor{}, false
	}
	i := min(sort.Search(len(words), func(i int) bool { return words[i].End > at }), len(words)-1)
	return Cursor{Anchor: i, Focus: i}, true
}

// Move moves the cursor one step. Without extend, the cursor becomes the
// one word the step lands on: the word after the selection or before it,
// so an arrow leaves a selection of several words at its end. With
// extend, NextWord selects one word more and PreviousWord one word less
// (never less than one), both at the selection's end whichever way it was
// made, as the help says (tester 4, bug 18: after Shift+Up, moving the
// focus made Shift+Right shrink it); the paragraph steps move the focus
// and the anchor stays. At either end of the text the cursor stays where
// it is.
func (c Cursor) Move(words, paragraphs []span.Span, step Step, extend bool) Cursor {
	if extend && (step == NextWord || step == PreviousWord) {
		first, last := min(c.Anchor, c.Focus), max(c.Anchor, c.Focus)
		if step == NextWord {
			return Cursor{Anchor: first, Focus: min(last+1, len(words)-1)}
		}
		return Cursor{Anchor: first, Focus: max(last-1, first)}
	}
	from := c.Focus
	if !extend {
		switch step {
		case NextWord:
			from = max(c.Anchor, c.Focus)
		case PreviousWord:
			from = min(c.Anchor, c.Focus)
		}
	}
	to := from
	switch step {
	case NextWord:
		to = min(from+1, len(words)-1)
	case PreviousWord:
		to = max(from-1, 0)
	case ParagraphEnd:
		to = lastWordOf(words, paragraphs, paragraphOf(paragraphs, words[from]))
		if to == from {
			to = lastWordOf(words, paragraphs, paragraphOf(paragraphs, words[min(from+1, len(words)-1)]))
		}
	case ParagraphStart:
		to = firstWordOf(words, paragraphs, paragraphOf(paragraphs, words[from]))
		if to == from {
			to = firstWordOf(words, paragraphs, paragraphOf(paragraphs, words[max(from-1, 0)]))
		}
	}
	if extend {
		return Cursor{Anchor: c.Anchor, Focus: to}
	}
	return Cursor{Anchor: to, Focus: to}
}

// paragraphOf is the index of the paragraph holding w's start (-1: none,
// then the whole text counts as one paragraph).
func paragraphOf(paragraphs []span.Span, w span.Span) int {
	i := sort.Search(len(paragraphs), func(i int) bool { return paragraphs[i].End > w.Start })
	if i < len(paragraphs) && paragraphs[i].Start <= w.Start {
		return i
	}
	return -1
}

func firstWordOf(words, paragraphs []span.Span, p int) int {
	if p < 0 {
		return 0
	}
	return min(sort.Search(len(words), func(i int) bool { return words[i].Start >= paragraphs[p].Start }), len(words)-1)
}

func lastWordOf(words, paragraphs []span.Span, p int) int {
	if p < 0 {
		return len(words) - 1
	}
	return max(sort.Search(len(words), func(i int) bool { return words[i].Start >= paragraphs[p].End })-1, 0)
}
