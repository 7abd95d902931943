// Package anchor turns selectors into spans of a text and back: it
// describes a span as W3C selectors, anchors selectors onto a text and
// re-anchors them onto a later revision.
package anchor

// TextQuote is a W3C TextQuoteSelector: the exact text, with the text just
// before and after it to tell repeated occurrences apart.
type TextQuote struct{ Exact, Prefix, Suffix string }

// TextPosition is a W3C TextPositionSelector: a half-open range of Unicode
// code points [Start, End) in the canonical text.
type TextPosition struct{ Start, End int }

// Selector is what an annotation keeps about its target: a quote, a
// position, or both (the position is a hint; the quote is the evidence).
type Selector struct {
	Quote    *TextQuote
	Position *TextPosition
}
