package suggest

import (
	"cmp"
	"slices"

	"github.com/redline-news/redline/internal/span"
)

// Kind is what a suggestion marks.
type Kind string

// The kinds of suggestion.
const (
	Quote Kind = "quote" // a direct quotation
	Claim Kind = "claim" // a sentence stating something checkable
)

// Suggestion is one suggested annotation. Spans are code points into the
// text given to Suggest.
type Suggestion struct {
	Kind Kind
	// Span is, for a quote, the words inside the quotation marks (the marks
	// and the spaces next to them excluded; a quotation running over several
	// paragraphs spans them all, repeated opening marks included); for a
	// claim, the sentence.
	Span span.Span
	// Speaker is the resolved speaker of a quote, "" if unknown.
	Speaker string
	// SpeakerSpan is where the speaker is named in the text: the name, or
	// the pronoun or role noun that resolved to it. Empty when Speaker is "".
	SpeakerSpan span.Span
	// Score is the confidence of a quote or the check-worthiness of a
	// claim, in [0, 1].
	Score float64
	// Reason says briefly why ("attributed: said Pagonis", "number + comparison").
	Reason string
}

// Suggest finds the direct quotations, their speakers and the check-worthy
// claims in an article's canonical text, sorted by Span.Start (then End,
// then Kind). It is deterministic and runs in time linear in the text for
// ordinary articles.
func Suggest(text string) []Suggestion {
	a := analyse(text)
	quotes := a.attributeQuotes()
	out := make([]Suggestion, 0, len(quotes))
	for _, q := range quotes {
		s := Suggestion{Kind: Quote, Span: q.q.content, Score: q.score, Reason: q.reason, Speaker: q.speaker.name}
		if s.Speaker != "" {
			s.SpeakerSpan = q.speaker.at
		}
		out = append(out, s)
	}
	out = append(out, a.findClaims(quotes)...)
	slices.SortStableFunc(out, func(x, y Suggestion) int {
		return cmp.Or(cmp.Compare(x.Span.Start, y.Span.Start), cmp.Compare(x.Span.End, y.Span.End), cmp.Compare(x.Kind, y.Kind))
	})
	return out
}

// ClaimsByScore returns the claims among suggestions, most check-worthy
// first (text order on ties).
func ClaimsByScore(suggestions []Suggestion) []Suggestion {
	var claims []Suggestion
	for _, s := range suggestions {
		if s.Kind == Claim {
			claims = append(claims, s)
		}
	}
	slices.SortStableFunc(claims, func(x, y Suggestion) int { return cmp.Compare(y.Score, x.Score) })
	return claims
}
