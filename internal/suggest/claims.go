package suggest

import (
	"strings"

	"github.com/redline-news/redline/internal/checkworthy"
	"github.com/redline-news/redline/internal/span"
)

// A claim is a sentence the check-worthiness model (internal/checkworthy,
// trained on sentences fact-checkers labelled) scores at or above its
// threshold. Questions and sentences of fewer than minClaimWords words are
// not claims. A sentence lying wholly inside a suggested quotation is kept
// at half its score: what someone said is worth checking, but the quote
// suggestion already covers those words.
const minClaimWords = 5

// findClaims scores every sentence.
func (a *analysis) findClaims(quotes []quoteResult) []Suggestion {
	model := checkworthy.Default()
	var out []Suggestion
	for _, s := range a.sents {
		toks := a.toks[s.first : s.last+1]
		words := 0
		for _, t := range toks {
			if t.kind == tWord {
				words++
			}
		}
		if words < minClaimWords || isQuestion(toks) {
			continue
		}
		at := span.Span{Start: toks[0].start, End: toks[len(toks)-1].end}
		text := string(a.runes[at.Start:at.End])
		score := model.Score(text)
		if score < float64(model.Threshold) {
			continue
		}
		reasons := model.Cues(text)
		if len(reasons) == 0 {
			reasons = []string{"wording"}
		}
		if insideQuotation(at, quotes) {
			score /= 2
			reasons = append(reasons, "inside a quotation")
		}
		out = append(out, Suggestion{Kind: Claim, Span: at, Score: score, Reason: strings.Join(reasons, " + ")})
	}
	return out
}

// isQuestion: the sentence's last terminal mark is a question mark.
func isQuestion(toks []token) bool {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].kind == tPunct && isTerminal(toks[i].text) {
			return toks[i].text == "?"
		}
	}
	return false
}

// insideQuotation: the sentence lies within a quotation's marks.
func insideQuotation(s span.Span, quotes []quoteResult) bool {
	for _, q := range quotes {
		if q.q.open <= s.Start && s.End <= q.q.close+1 {
			return true
		}
	}
	return false
}
