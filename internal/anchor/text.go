package anchor

import "github.com/redline-news/redline/internal/span"

// Text is a canonical text prepared once for many Describe and Anchor
// calls: the code-point index for byte <-> code point conversion, and the
// code points themselves for context comparison and fuzzy search. Exact
// quotes are found with strings.Index on the bytes, which is faster than
// any q-gram index we could build for texts of article size.
type Text struct {
	ix    *span.Index
	runes []rune // runes[i] is code point i; invalid bytes are U+FFFD, as in span.Index
}

// NewText prepares s for anchoring. It is O(len(s)).
func NewText(s string) *Text {
	return &Text{ix: span.NewIndex(s), runes: []rune(s)}
}

// Index is the code-point index of the text.
func (t *Text) Index() *span.Index { return t.ix }

// String is the text itself.
func (t *Text) String() string { return t.ix.Text() }

// Len is the number of code points.
func (t *Text) Len() int { return len(t.runes) }

// Runes is the text's code points, shared: callers must not change them.
// A caller that needs them too (the library's session) saves a copy of
// four bytes per code point.
func (t *Text) Runes() []rune { return t.runes }
