package suggest

import (
	"strings"

	"github.com/redline-news/redline/internal/span"
)

// A claim's check-worthiness is the sum of the weights of the features its
// sentence has, clamped to [0, 1]. Sentences scoring below minClaimScore,
// questions and sentences of fewer than minClaimWords words are not claims.
// A sentence lying wholly inside a suggested quotation is kept at half its
// score: what someone said is worth checking, but the quote suggestion
// already covers those words.
const (
	minClaimScore = 0.3
	minClaimWords = 6
)

// claimFeature is one signal of a checkable statement, tested on a
// sentence's tokens.
type claimFeature struct {
	name   string
	weight float64
	has    func(a *analysis, s sentence) bool
}

// onTokens adapts a test on the sentence's tokens.
func onTokens(f func([]token) bool) func(*analysis, sentence) bool {
	return func(a *analysis, s sentence) bool { return f(a.toks[s.first : s.last+1]) }
}

var claimFeatures = []claimFeature{
	{"number", 0.30, onTokens(hasNumber)},
	{"percentage", 0.15, onTokens(anyWord(`% percent per-cent`))},
	{"money", 0.15, onTokens(anyWord(`$ € £ ¥ dollars euros yuan rupees million billion trillion`))},
	{"date", 0.10, onTokens(hasDate)},
	{"comparison", 0.20, onTokens(anyWord(`than compared increase increased decrease decreased rose risen fell fallen doubled tripled halved more less fewer higher lower`))},
	{"superlative", 0.15, onTokens(anyWord(`largest biggest highest lowest most least first only record best worst fastest oldest youngest greatest smallest longest shortest deadliest`))},
	{"causal", 0.15, onTokens(anyWord(`because caused causes cause led leads resulted result blamed due`))},
	{"source", 0.15, onTokens(anyWord(`according said says told reported reports report study survey data statistics figures estimated estimates found announced`))},
	{"named", 0.10, (*analysis).namesSomeone},
	{"opinion", -0.20, onTokens(anyWord(`think believe should must hope feel beautiful terrible wonderful awful opinion`))},
	{"hedge", -0.05, onTokens(anyWord(`may might could possibly perhaps`))},
}

// spelledNumbers count as numbers ("three refugees", "hundreds of people").
var spelledNumbers = wordSet(`two three four five six seven eight nine ten eleven twelve twenty
thirty forty fifty hundred hundreds thousand thousands million millions billion billions dozen
dozens half third quarter`)

func anyWord(list string) func([]token) bool {
	set := wordSet(list)
	return func(words []token) bool {
		for _, w := range words {
			if set[w.lower] {
				return true
			}
		}
		return false
	}
}

// hasNumber: a figure that is not just a year, or a spelled-out number.
func hasNumber(words []token) bool {
	for _, w := range words {
		if w.kind == tWord && hasDigit(w.text) && !isYear(w.text) || spelledNumbers[w.lower] {
			return true
		}
	}
	return false
}

func hasDate(words []token) bool {
	for _, w := range words {
		if isYear(w.text) || monthsAndDays[w.lower] && isCapitalized(w.text) {
			return true
		}
	}
	return false
}

func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && !strings.ContainsFunc(w, func(c rune) bool { return c < '0' || c > '9' })
}

// findClaims scores every sentence.
func (a *analysis) findClaims(quotes []quoteResult) []Suggestion {
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
		score, reasons := 0.0, []string(nil)
		for _, f := range claimFeatures {
			if f.has(a, s) {
				score += f.weight
				reasons = append(reasons, f.name)
			}
		}
		at := span.Span{Start: toks[0].start, End: toks[len(toks)-1].end}
		if insideQuotation(at, quotes) {
			score /= 2
			reasons = append(reasons, "inside a quotation")
		}
		score = min(1, max(0, score))
		if score < minClaimScore {
			continue
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

// namesSomeone reports a name outside quotation marks in the sentence.
func (a *analysis) namesSomeone(s sentence) bool {
	for k := s.first; k <= s.last; k++ {
		if m := a.tokMention[k]; m >= 0 && a.mentions[m].kind == mName && !a.quoted[k] {
			return true
		}
	}
	return false
}
