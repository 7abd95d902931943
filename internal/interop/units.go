package interop

import (
	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/span"
)

// document is the text another tool annotated, when its file carries it
// (doccano, Label Studio, brat's .txt): its offsets are read in the tool's
// unit and turned into a quote with context, which is what Place trusts.
type document struct {
	text *anchor.Text
}

func newDocument(s string) document { return document{anchor.NewText(s)} }

// span converts [start, end) counted in u into code points. ok is false
// when the range is empty, reversed, past the text, or splits a UTF-16
// surrogate pair (an offset in the wrong unit).
func (d document) span(start, end int, u Unit) (span.Span, bool) {
	ix := d.text.Index()
	if start < 0 || end <= start {
		return span.Span{}, false
	}
	if u == CodePoints {
		return span.Span{Start: start, End: end}, end <= ix.Len()
	}
	s, e := ix.FromUTF16(start), ix.FromUTF16(end)
	if ix.UTF16(s) != start || ix.UTF16(e) != end || e <= s {
		return span.Span{}, false
	}
	return span.Span{Start: s, End: e}, true
}

// selector is the quote at s with its context, and its position in code
// points.
func (d document) selector(s span.Span) anchor.Selector { return anchor.Describe(d.text, s) }

// slice is the text at s (code points).
func (d document) slice(s span.Span) string { return d.text.Index().Slice(s) }

// utf16Span is s (code points of text) counted in UTF-16 code units.
func utf16Span(text *anchor.Text, s span.Span) (start, end int) {
	ix := text.Index()
	return ix.UTF16(s.Start), ix.UTF16(s.End)
}

// quoteOnly is a selector for words another tool quoted, with its offsets
// (in its own text) as the position hint.
func quoteOnly(exact string, start, end int) anchor.Selector {
	return anchor.Selector{Quote: &anchor.TextQuote{Exact: exact}, Position: &anchor.TextPosition{Start: start, End: end}}
}
