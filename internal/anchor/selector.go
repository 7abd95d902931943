package anchor

import "github.com/redline-news/redline/internal/span"

// TextQuote is a W3C TextQuoteSelector (§4.2.4): the exact text, with the
// text just before and after it to tell repeated occurrences apart.
type TextQuote struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// TextPosition is a W3C TextPositionSelector (§4.2.5): a half-open range of
// Unicode code points [Start, End) in the canonical text.
type TextPosition struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Selector is what an annotation keeps about its target: a quote, a
// position, or both (the position is a hint; the quote is the evidence).
type Selector struct {
	Quote    *TextQuote
	Position *TextPosition
}

// Method says which rule placed a selector.
type Method string

const (
	// ByPosition: the TextPositionSelector was in range and, when there is
	// a quote, the text there equals it.
	ByPosition Method = "position"
	// ByQuote: an exact occurrence of the quote.
	ByQuote Method = "quote"
	// ByFuzzy: an approximate occurrence of the quote (the text was edited).
	ByFuzzy Method = "fuzzy"
)

// Match is where a selector was placed.
type Match struct {
	Span   span.Span
	Method Method
	// Score is the confidence in [0, 1]: 1 is the exact quote with its full
	// context at the recorded position. Missing evidence (no prefix, no
	// position) counts as agreeing, as in Hypothesis; k indistinguishable
	// occurrences divide the score by k.
	Score float64
}
