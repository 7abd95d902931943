package suggest

import (
	"unicode"
)

// innerQuote is a quotation nested one level inside a top-level one: the
// words a quoted publication or person quotes in turn (“… ‘…,’ she
// said.”). outer is the index of its quotation in analysis.quotes.
type innerQuote struct {
	rawQuote
	outer int
}

// famStraightSingle is '…' with straight marks, recognised only inside a
// quotation of another family: at top level a straight ' is far more often
// an apostrophe than a quotation mark.
const famStraightSingle family = famSingle + 1

// findInnerQuotes scans the content of each top-level quotation for
// quotations of another family: ‘…’ or '…' inside “…” or «…», „…“ or “…”
// inside «…», “…” or "…" inside British ‘…’. An inner quotation never
// spans a paragraph break; one still open at the break or at the end of
// its outer quotation is dropped as unbalanced.
func findInnerQuotes(r []rune, outers []rawQuote) []innerQuote {
	var out []innerQuote
	for oi, o := range outers {
		outerFam, _ := opener(r, o.open)
		open := -1
		var fam family
		for i := o.content.Start; i < o.content.End; i++ {
			if r[i] == '\n' {
				open = -1
				continue
			}
			if open >= 0 {
				if closesInner(fam, r, i, o.content.End) {
					if q, ok := makeQuote(r, open, i); ok {
						out = append(out, innerQuote{q, oi})
					}
					open = -1
				}
				continue
			}
			if f, ok := innerOpener(outerFam, r, i); ok {
				open, fam = i, f
			}
		}
	}
	return out
}

// innerOpener reports whether r[i] opens a quotation nested in one of
// family outer, and of which family.
func innerOpener(outer family, r []rune, i int) (family, bool) {
	if r[i] == '\'' {
		return famStraightSingle, outer != famSingle && straightSingleOpens(r, i)
	}
	f, ok := opener(r, i)
	if !ok || f == outer || r[i] == '"' && outer == famDouble {
		return 0, false
	}
	return f, true
}

// straightSingleOpens: a ' after a space, a dash or an opening mark and
// before a word that is not an elision ('em, 'til, '90s).
func straightSingleOpens(r []rune, i int) bool {
	if i > 0 && (isWordRune(r[i-1]) || unicode.IsPunct(r[i-1]) && !isOpenerText(string(r[i-1]))) {
		return false
	}
	return i+1 < len(r) && isWordRune(r[i+1]) && !leftApostrophe(r, i)
}

// closesInner is closes, plus the straight single mark: a ' glued to the
// word before it and not followed by a letter (shouldn't stays a word). A
// single mark after an s and before a space is a plural possessive (the
// players’ union), not a closing mark, when a later mark of the line
// closes for sure: after or before punctuation, or at the end of the
// outer quotation (‘I’m done with the players’ union,’).
func closesInner(f family, r []rune, i, end int) bool {
	if !closesSingleOrOther(f, r, i) {
		return false
	}
	if f != famSingle && f != famStraightSingle || r[i-1] != 's' || i+1 >= end || r[i+1] != ' ' {
		return true
	}
	for j := i + 1; j < end && r[j] != '\n'; j++ {
		if r[j] == r[i] && closesSingleOrOther(f, r, j) && (j+1 >= end || unicode.IsPunct(r[j+1]) || unicode.IsPunct(r[j-1])) {
			return false
		}
	}
	return true
}

func closesSingleOrOther(f family, r []rune, i int) bool {
	if f != famStraightSingle {
		return closes(f, r, i)
	}
	if r[i] != '\'' || i == 0 || unicode.IsSpace(r[i-1]) {
		return false
	}
	return i+1 == len(r) || !isWordRune(r[i+1])
}

// Where an inner quotation's speaker was found, besides the sources of
// top-level quotations (srcAfter, srcBefore, srcInherit).
const srcIntroducer = "introducer" // X stressed “… ‘…’ …” (Source): X, not the source

// innerWordsAlone is the length from which an inner quotation that nothing
// attributes is still suggested: shorter ones are terms being named or
// stressed ("I underline 'to stop this program'").
const innerWordsAlone = 6

// attributeInner attributes the inner quotations. Their speaker is looked
// for inside the outer quotation first, as for a top-level one but within
// its marks: a speech verb after the inner quotation in its sentence (‘…,’
// she said), else before it (spokeswoman Maria Zakharova claimed … ‘…’),
// else, for the first inner quotation, in the sentence before; else the
// speaker of the previous inner quotation of the same outer one.
// Failing that, a speech verb just before the outer quotation whose
// speaker is not the outer quotation's own (Trump stressed “… ‘crystal
// clear water’ …” (The New York Times)) names the inner speaker. Short
// inner quotations need an attribution inside the outer one, like
// top-level scare quotes.
func (a *analysis) attributeInner(outers map[int]quoteResult) []quoteResult {
	var out []quoteResult
	var prev *quoteResult
	prevOuter := -1
	for i, iq := range a.inner {
		parent, ok := outers[iq.outer]
		if !ok {
			continue // the outer quotation was itself a scare quote
		}
		if iq.outer != prevOuter {
			prev, prevOuter = nil, iq.outer
		}
		limit := parent.q.close
		if i+1 < len(a.inner) && a.inner[i+1].outer == iq.outer {
			limit = a.inner[i+1].open
		}
		res := quoteResult{q: iq.rawQuote}
		inside := a.attributeAfterWithin(&res, limit) || a.attributeBeforeWithin(&res, parent.q.open, prev) ||
			prev == nil && a.attributePreviousWithin(&res, parent.q.open)
		if !inside && prev != nil && prev.source != "" {
			res.speaker, res.source = prev.speaker, srcInherit
			res.score = max(0.5, prev.score-0.1)
			res.reason = "continues the quotation by " + prev.speaker.name
			inside = true
		}
		words := countWords(a.runes[iq.content.Start:iq.content.End])
		if !inside && !a.attributeIntroducer(&res, parent) && words < innerWordsAlone {
			continue
		}
		if words <= 2 && !inside {
			continue
		}
		if res.source == "" {
			res.score, res.reason = 0.4, "unattributed quotation inside a quotation"
		}
		res.reason += " (inside a quotation)"
		out = append(out, res)
		prev = &out[len(out)-1]
	}
	return out
}

// attributeAfterWithin is attributeAfter bounded by the outer quotation's
// closing mark or the next inner quotation, whichever comes first.
func (a *analysis) attributeAfterWithin(res *quoteResult, limit int) bool {
	c := a.tokenAt(res.q.close)
	for k := c + 1; k < len(a.toks) && k <= c+15 && a.toks[k].start < limit && a.toks[k].kind != tPara && a.sentOf[k] == a.sentOf[c]; k++ {
		if ref, ok := a.verbSpeaker[k]; ok {
			a.set(res, ref, srcAfter, "attributed: "+a.clause(ref, k))
			return true
		}
	}
	return false
}

// attributeBeforeWithin looks back from the opening mark to the start of
// its sentence, the outer opening mark or the previous inner quotation.
func (a *analysis) attributeBeforeWithin(res *quoteResult, outerOpen int, prev *quoteResult) bool {
	o := a.tokenAt(res.q.open)
	if o >= len(a.toks) || a.sentOf[o] < 0 {
		return false
	}
	from := max(a.sents[a.sentOf[o]].first, a.tokenAt(outerOpen)+1)
	if prev != nil {
		from = max(from, a.tokenAt(prev.q.close)+1)
	}
	for k := o - 1; k >= from; k-- {
		if ref, ok := a.verbSpeaker[k]; ok {
			a.set(res, ref, srcBefore, "attributed: "+a.clause(ref, k))
			return true
		}
	}
	return false
}

// attributePreviousWithin handles an inner quotation opening its sentence
// when the sentence before, still inside the outer marks, reports someone's
// speech (“Zakharova spoke at length on Thursday. ‘…’”): as
// attributePrevious, bounded by the outer opening mark.
func (a *analysis) attributePreviousWithin(res *quoteResult, outerOpen int) bool {
	o := a.tokenAt(res.q.open)
	if o >= len(a.toks) || a.sentOf[o] <= 0 || a.sents[a.sentOf[o]].first+1 < o {
		return false
	}
	prevSent := a.sents[a.sentOf[o]-1]
	from := max(prevSent.first, a.tokenAt(outerOpen)+1, prevSent.last-clauseLookback)
	for k := prevSent.last; k >= from; k-- {
		if ref, ok := a.verbSpeaker[k]; ok && ref.name != "" {
			a.set(res, ref, srcPrevious, "previous sentence: "+a.clause(ref, k))
			res.score -= 0.2
			return true
		}
	}
	return false
}

// attributeIntroducer gives the inner quotation the speaker of a speech
// verb before the outer quotation in its sentence, when that speaker is
// someone other than the outer quotation's.
func (a *analysis) attributeIntroducer(res *quoteResult, parent quoteResult) bool {
	intro := quoteResult{q: parent.q}
	if !a.attributeBefore(&intro, nil) || intro.speaker.name == "" || intro.speaker.name == parent.speaker.name {
		return false
	}
	a.set(res, intro.speaker, srcIntroducer, intro.reason)
	res.score = 0.6
	return true
}
