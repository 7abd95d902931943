package suggest

import (
	"sort"
	"strings"
)

// Where a quotation's speaker was found, from the strongest evidence to
// the weakest.
const (
	srcAfter     = "after"     // “…,” said X / “…,” X said
	srcBefore    = "before"    // X said: “…” / according to X, “…”
	srcDash      = "dash"      // “…” — X
	srcColon     = "colon"     // X: “…”
	srcStatement = "statement" // X issued the following statement …¶ “…”
	srcInherit   = "inherit"   // a second quotation continuing the previous one
	srcPrevious  = "previous"  // X said …. “…” (the sentence before names the speaker)
	srcCitation  = "citation"  // “…” (X, date)
)

// quoteResult is a quotation with its attribution.
type quoteResult struct {
	q       rawQuote
	speaker speakerRef
	source  string
	score   float64
	reason  string
}

// attributeQuotes attributes every quotation; quotations of one or two
// words are scare quotes unless their own sentence attributes them.
func (a *analysis) attributeQuotes() []quoteResult {
	top, byIndex := a.attributeTopLevel()
	return append(top, a.attributeInner(byIndex)...)
}

// attributeTopLevel attributes the top-level quotations and returns them
// also by their index in a.quotes.
func (a *analysis) attributeTopLevel() ([]quoteResult, map[int]quoteResult) {
	paraOf := make([]int, len(a.toks))
	// announcer[p] is the last "X issued the following statement" verb in
	// paragraph p, or -1.
	announcer := []int{-1}
	p := 0
	for k, t := range a.toks {
		if t.kind == tPara {
			p++
			announcer = append(announcer, -1)
		}
		paraOf[k] = p
		if _, ok := a.verbSpeaker[k]; ok && a.announcesFollowing(k) {
			announcer[p] = k
		}
	}
	var out []quoteResult
	var prev *quoteResult
	byIndex := map[int]quoteResult{}
	for i, q := range a.quotes {
		nextOpen := len(a.runes)
		if i+1 < len(a.quotes) {
			nextOpen = a.quotes[i+1].open
		}
		res := quoteResult{q: q}
		ok := a.attributeCitation(&res) || a.attributeAfter(&res, nextOpen) || a.attributeStatement(&res, announcer, paraOf) || a.attributeBefore(&res, prev) ||
			a.inherit(&res, prev, paraOf) || a.attributePrevious(&res)
		words := countWords(a.runes[q.content.Start:q.content.End])
		sameSentence := res.source == srcInherit && a.sentOf[a.tokenAt(prev.q.close)] == a.sentOf[a.tokenAt(q.open)]
		if words <= 2 && !(attributedNearby(res.source) || sameSentence) {
			continue
		}
		if !ok {
			res.score, res.reason = 0.4, "unattributed quotation"
		}
		out = append(out, res)
		prev = &out[len(out)-1]
		byIndex[i] = res
	}
	return out, byIndex
}

// attributedNearby: the attribution was found in the quotation's own
// sentence or in the words announcing it.
func attributedNearby(source string) bool {
	switch source {
	case srcAfter, srcBefore, srcDash, srcColon, srcStatement, srcCitation:
		return true
	}
	return false
}

// tokenAt is the index of the token starting at rune position pos (or the
// first one after it).
func (a *analysis) tokenAt(pos int) int {
	return sort.Search(len(a.toks), func(i int) bool { return a.toks[i].start >= pos })
}

// attributeAfter looks between the closing mark and the end of its
// sentence (or the next quotation) for a dash attribution or a speech verb.
func (a *analysis) attributeAfter(res *quoteResult, nextOpen int) bool {
	c := a.tokenAt(res.q.close)
	k := c + 1
	if k+1 < len(a.toks) && isDash(a.toks[k].text) {
		if m := a.mentionStartingAt(k + 1); m >= 0 && a.mentions[m].kind == mName {
			ref := a.resolve(m, "")
			a.set(res, ref, srcDash, "attributed: — "+ref.surface)
			return true
		}
	}
	for ; k < len(a.toks) && k <= c+15 && a.toks[k].kind != tPara && a.sentOf[k] == a.sentOf[c] && a.toks[k].start < nextOpen; k++ {
		if ref, ok := a.verbSpeaker[k]; ok {
			a.set(res, ref, srcAfter, "attributed: "+a.clause(ref, k))
			return true
		}
	}
	return false
}

// attributeCitation reads a source cited in brackets right after the
// closing mark, as press round-ups do: “…” (NBC News, 5/26/2017). The
// words are the cited publication's, whoever the sentence before says
// spoke.
func (a *analysis) attributeCitation(res *quoteResult) bool {
	k := a.tokenAt(res.q.close) + 1
	if k < len(a.toks) && (a.toks[k].text == "." || a.toks[k].text == ",") {
		k++
	}
	if k+1 >= len(a.toks) || a.toks[k].text != "(" {
		return false
	}
	k++
	if k+1 < len(a.toks) && a.toks[k].lower == "the" {
		k++
	}
	m := a.mentionStartingAt(k)
	if m < 0 || a.mentions[m].kind != mName {
		return false
	}
	if end := a.mentions[m].last + 1; end >= len(a.toks) || a.toks[end].text != "," && a.toks[end].text != ")" {
		return false
	}
	ref := a.resolve(m, "")
	a.set(res, ref, srcCitation, "cited: ("+ref.surface+")")
	return true
}

// attributeBefore looks from the start of the sentence (or the end of the
// previous quotation) to the opening mark, nearest verb first.
func (a *analysis) attributeBefore(res *quoteResult, prev *quoteResult) bool {
	o := a.tokenAt(res.q.open)
	if o >= len(a.toks) || a.sentOf[o] < 0 {
		return false
	}
	from := a.sents[a.sentOf[o]].first
	if o == from && o >= 3 && a.toks[o-1].kind == tPara && a.toks[o-2].text == ":" {
		// "Jane Roe said:" ending the paragraph before the quotation.
		from, o = a.sents[a.sentOf[o-2]].first, o-2
	}
	if prev != nil {
		if pc := a.tokenAt(prev.q.close); pc+1 > from && pc < o {
			from = pc + 1
		}
	}
	if o-2 >= from && a.toks[o-1].text == ":" {
		if m := a.subjectMentionEndingAt(o - 2); m >= 0 && a.mentions[m].first == from && a.mentions[m].kind == mName {
			ref := a.resolve(m, "")
			a.set(res, ref, srcColon, "attributed: "+ref.surface+":")
			return true
		}
	}
	for k := o - 1; k >= from; k-- {
		if ref, ok := a.verbSpeaker[k]; ok {
			a.set(res, ref, srcBefore, "attributed: "+a.clause(ref, k))
			return true
		}
	}
	return false
}

// attributeStatement gives a quotation that opens a paragraph to X when the
// paragraph before says "X issued the following statement", wherever in
// that paragraph: "Hoyer released the following statement today after
// Mineta announced that he would resign:" announces Hoyer's words, not
// Mineta's, although "announced" is nearer.
func (a *analysis) attributeStatement(res *quoteResult, announcer, paraOf []int) bool {
	o := a.tokenAt(res.q.open)
	if o == 0 || o >= len(a.toks) || a.toks[o-1].kind != tPara {
		return false
	}
	k := announcer[paraOf[o]-1]
	if k < 0 {
		return false
	}
	ref := a.verbSpeaker[k]
	a.set(res, ref, srcStatement, "announced: "+a.clause(ref, k)+" the following statement")
	return true
}

// inherit gives a quotation the speaker of the previous one in the same
// paragraph: “…,” said X. “…” is two quotations by X.
func (a *analysis) inherit(res *quoteResult, prev *quoteResult, paraOf []int) bool {
	if prev == nil || prev.source == "" || paraOf[a.tokenAt(prev.q.close)] != paraOf[a.tokenAt(res.q.open)] {
		return false
	}
	res.speaker, res.source = prev.speaker, srcInherit
	res.score = max(0.5, prev.score-0.1)
	res.reason = "continues the quotation by " + prev.speaker.name
	if prev.speaker.name == "" {
		res.reason = "continues the previous quotation"
	}
	return true
}

// attributePrevious handles a quotation that opens its sentence when the
// sentence before, in the same paragraph, reports someone's speech
// ("Lepore … said an important part …. “It's really about empathy.”").
func (a *analysis) attributePrevious(res *quoteResult) bool {
	o := a.tokenAt(res.q.open)
	if o >= len(a.toks) {
		return false
	}
	s := a.sentOf[o]
	if s <= 0 || a.sents[s-1].last+1 != a.sents[s].first {
		return false
	}
	for k := a.sents[s-1].last; k >= max(a.sents[s-1].first, a.sents[s-1].last-clauseLookback); k-- {
		if ref, ok := a.verbSpeaker[k]; ok && ref.name != "" && !a.quoted[k] {
			a.set(res, ref, srcPrevious, "previous sentence: "+a.clause(ref, k))
			res.score -= 0.2
			return true
		}
	}
	return false
}

// set records an attribution and its confidence: a name is surer than a
// pronoun or role noun, which is surer than a subject that names no one.
func (a *analysis) set(res *quoteResult, ref speakerRef, source, reason string) {
	res.speaker, res.source, res.reason = ref, source, reason
	switch ref.via {
	case "name":
		res.score = 0.9
	case "pronoun", "role":
		res.score = 0.8
		res.reason += " → " + ref.name
	default:
		res.score = 0.6
	}
}

// clause renders the subject and its verb in text order ("he noted",
// "said Pagonis", "according to X").
func (a *analysis) clause(ref speakerRef, verb int) string {
	v := a.toks[verb].text
	if speechVerbs[a.toks[verb].lower] == vAccording {
		v += " to"
	}
	if ref.surface == "" {
		return v
	}
	if a.toks[verb].start < ref.at.Start {
		return v + " " + ref.surface
	}
	return ref.surface + " " + v
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// countWords counts runs of letters or digits (a hyphenated word is one).
func countWords(r []rune) int {
	return len(strings.FieldsFunc(string(r), func(c rune) bool {
		return !isWordRune(c) && c != '-' && c != '’' && c != '\''
	}))
}
