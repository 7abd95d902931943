package suggest

import (
	"cmp"
	"strings"

	"github.com/redline-news/redline/internal/span"
)

// speakerRef is a resolved speaker: the name, where the words that named
// it are (name, pronoun or role phrase), and how it was resolved.
type speakerRef struct {
	name    string
	at      span.Span
	via     string // "name", "pronoun", "role" or "" (a subject that names no one: "the report")
	surface string // the subject as written
}

// analysis is everything the passes share about one text.
type analysis struct {
	runes      []rune
	toks       []token
	sents      []sentence
	sentOf     []int
	mentions   []mention
	tokMention []int
	quotes     []rawQuote
	quoted     []bool // per token: inside a quotation's marks
	quoteOf    []int  // per token: the index in quotes of the quotation it is inside, or -1
	inner      []innerQuote
	// verbSpeaker maps the token index of each speech verb to its speaker,
	// resolved in text order so pronouns see the speakers before them.
	verbSpeaker map[int]speakerRef
}

func analyse(text string) *analysis {
	a := &analysis{runes: []rune(text)}
	a.toks = tokenize(a.runes)
	a.sents, a.sentOf = splitSentences(a.toks)
	a.mentions, a.tokMention = findMentions(a.toks, a.sentOf)
	a.quotes = findQuotes(a.runes)
	a.inner = findInnerQuotes(a.runes, a.quotes)
	a.quoted = make([]bool, len(a.toks))
	a.quoteOf = make([]int, len(a.toks))
	q := 0
	for k, t := range a.toks {
		for q < len(a.quotes) && a.quotes[q].close < t.start {
			q++
		}
		a.quoted[k] = q < len(a.quotes) && a.quotes[q].open < t.start && t.start < a.quotes[q].close
		a.quoteOf[k] = -1
		if a.quoted[k] {
			a.quoteOf[k] = q
		}
	}
	a.resolveVerbs()
	return a
}

// resolveVerbs walks the text once, keeping the last speaker (the last
// resolved subject of a speech verb) and the last person named. A he/she
// resolves to the last speaker if there is one, else to the last person:
// in news copy a pronoun after a quote almost always means its speaker,
// even when another person was named in between. Inside a quotation (a
// publication quoting someone: “… spokeswoman Maria Zakharova claimed …
// ‘…,’ she said.”) the people and speakers of the quoted text come first,
// and they do not leak out to the pronouns of the article around it.
func (a *analysis) resolveVerbs() {
	a.verbSpeaker = map[int]speakerRef{}
	var ctx, quotedCtx pronounContext
	scope := -1
	// opening: no mention or speech verb yet in the current sentence, so a
	// person named now opens it.
	opening, sent := true, -1
	for t, tok := range a.toks {
		if a.sentOf[t] != sent {
			opening, sent = true, a.sentOf[t]
		}
		if a.quoteOf[t] != scope {
			scope, quotedCtx = a.quoteOf[t], pronounContext{}
		}
		if m := a.tokMention[t]; m >= 0 && a.mentions[m].last == t {
			if a.mentions[m].kind == mName && a.mentions[m].person {
				ctx.lastPerson = a.mentions[m].canonical
				quotedCtx.lastPerson = ctx.lastPerson
				if opening && !a.quoted[t] {
					ctx.newSubject = ctx.lastPerson
				}
			}
			opening = false
		}
		if tok.kind == tWord && speechVerbs[tok.lower] != 0 {
			opening = false
		}
		if tok.kind != tWord || !a.reportsSpeech(t) {
			continue
		}
		// A speech verb whose subject names no one ("a witness said") still
		// attributes the quotation next to it, to no one.
		var ref speakerRef
		if m := a.subjectOf(t); m >= 0 {
			pronoun := ctx.pronoun()
			if scope >= 0 {
				pronoun = cmp.Or(quotedCtx.lastSpeaker, quotedCtx.lastPerson, ctx.otherThanSpeaker(), pronoun)
			}
			ref = a.resolve(m, pronoun)
		}
		a.verbSpeaker[t] = ref
		switch {
		case ref.name == "":
		case scope >= 0:
			quotedCtx.lastSpeaker = ref.name
		default:
			ctx.lastSpeaker, ctx.newSubject = ref.name, ""
		}
	}
}

// pronounContext is what a he/she can refer to, in text order.
type pronounContext struct {
	lastSpeaker string // the last resolved subject of a speech verb
	lastPerson  string // the last person named anywhere
	newSubject  string // a person opening a sentence since the last speaker spoke
}

// otherThanSpeaker is the last person named, unless that is the last
// speaker: inside a quotation a pronoun is someone the quoted words are
// about, not the reporter quoting them ("Jane Roe reports that John Smith
// was asked. “‘No,’ he said.”" is Smith's no).
func (c pronounContext) otherThanSpeaker() string {
	if c.lastPerson == c.lastSpeaker {
		return ""
	}
	return c.lastPerson
}

// pronoun resolves he/she: a person who opened a sentence after the last
// speaker spoke ("Jane Roe has farmed for 30 years. “It's hard,” she said."),
// else the last speaker (a person named inside reported speech, "He says
// Ruud Lubbers visited", does not take the pronoun), else the last person.
func (c pronounContext) pronoun() string {
	return cmp.Or(c.newSubject, c.lastSpeaker, c.lastPerson)
}

// reportsSpeech reports whether the speech verb at t reports speech here:
// "issued"/"released" only before "statement", and a verb followed by
// "to" only if that "to" names the listener (see toListener).
func (a *analysis) reportsSpeech(t int) bool {
	switch speechVerbs[a.toks[t].lower] {
	case 0:
		return false
	case vStatement:
		return a.statementAfter(t) >= 0
	case vAccording, vQuoted:
		return true
	}
	return t+1 >= len(a.toks) || a.toks[t+1].lower != "to" || toListener[a.toks[t].lower]
}

// statementAfter is the index of "statement" within statementWindow words
// after the verb at t, or -1.
func (a *analysis) statementAfter(t int) int {
	for k := t + 1; k < len(a.toks) && k <= t+statementWindow; k++ {
		switch {
		case a.toks[k].kind != tWord:
			return -1
		case a.toks[k].lower == "statement" || a.toks[k].lower == "statements":
			return k
		}
	}
	return -1
}

// announcesFollowing reports "X issued the following statement": the
// words that come next, after the paragraph, are X's.
func (a *analysis) announcesFollowing(t int) bool {
	if speechVerbs[a.toks[t].lower] != vStatement {
		return false
	}
	for k := t + 1; k < a.statementAfter(t); k++ {
		if a.toks[k].lower == "following" {
			return true
		}
	}
	return false
}

// subjectOf finds the mention that is the subject of the speech verb at t,
// or -1.
func (a *analysis) subjectOf(t int) int {
	switch speechVerbs[a.toks[t].lower] {
	case vAccording:
		if t+2 < len(a.toks) && a.toks[t+1].lower == "to" {
			return a.mentionStartingAt(t + 2)
		}
		return -1
	case vQuoted:
		k := a.skipBack(t - 1)
		if k >= 0 && (a.toks[k].lower == "was" || a.toks[k].lower == "is" || a.toks[k].lower == "were") {
			return a.leftMention(k - 1)
		}
		return a.leftMention(t - 1)
	case vParticiple:
		return a.clauseSubject(t)
	}
	if m := a.leftMention(t - 1); m >= 0 {
		return m
	}
	if speechVerbs[a.toks[t].lower] != vStatement && a.inverted(t) {
		k := t + 1
		if k < len(a.toks) && a.toks[k].text == "," {
			k++
		}
		if m := a.mentionStartingAt(k); m >= 0 {
			return m
		}
	}
	return a.clauseSubject(t)
}

// skipBack skips adverbs and auxiliaries leftwards from k.
func (a *analysis) skipBack(k int) int {
	for k >= 0 && a.toks[k].kind == tWord && !isCapitalized(a.toks[k].text) &&
		(skipBeforeVerb[a.toks[k].lower] || strings.HasSuffix(a.toks[k].lower, "ly")) {
		k--
	}
	return k
}

// leftMention is the mention ending at k (after skipping adverbs), or the
// one before an appositive ("Lepore, who also researches …, said").
func (a *analysis) leftMention(k int) int {
	k = a.skipBack(a.skipParenthesis(a.skipBack(k)))
	if k < 0 {
		return -1
	}
	if a.toks[k].text == "," {
		// "X, who …, said" (the appositive describes X) or "the prime
		// minister of Spain, Jose Zapatero, said" (the appositive is the
		// name): prefer whichever side is a person.
		head := -1
		for j := k - 1; j >= 0 && j >= k-15 && a.sentOf[j] == a.sentOf[k]; j-- {
			if a.toks[j].text == "," {
				head = a.subjectMentionEndingAt(a.skipParenthesis(j - 1))
				break
			}
		}
		if head >= 0 && a.mentions[head].kind == mName && !a.mentions[head].person {
			if m := a.subjectMentionEndingAt(k - 1); m >= 0 && a.mentions[m].person {
				return m
			}
		}
		return head
	}
	return a.ofOrganisation(a.subjectMentionEndingAt(k))
}

// ofOrganisation steps from an organisation to the person it belongs to
// in "Jane Roe of the Daily Bugle said": the person is the subject. A name
// after "the" is an organisation's, whatever its shape.
func (a *analysis) ofOrganisation(m int) int {
	if m < 0 || a.mentions[m].kind != mName {
		return m
	}
	k := a.mentions[m].first - 1
	article := k >= 0 && a.toks[k].lower == "the"
	if article {
		k--
	}
	if k < 1 || a.toks[k].lower != "of" || a.mentions[m].person && !article {
		return m
	}
	if p := a.subjectMentionEndingAt(k - 1); p >= 0 && a.mentions[p].kind == mName && a.mentions[p].person {
		return p
	}
	return m
}

func (a *analysis) subjectMentionEndingAt(k int) int {
	if k < 0 {
		return -1
	}
	m := a.tokMention[k]
	if m < 0 || a.mentions[m].last != k || a.mentions[m].possessive {
		return -1
	}
	return m
}

func (a *analysis) mentionStartingAt(k int) int {
	if k >= len(a.toks) {
		return -1
	}
	m := a.tokMention[k]
	if m < 0 || a.mentions[m].first != k {
		return -1
	}
	return m
}

// inverted reports a verb that comes before its subject: right after a
// closing quotation mark, a comma or the start of a clause ("…,” said Jane Roe).
func (a *analysis) inverted(t int) bool {
	k := a.skipBack(t - 1)
	if k < 0 || a.toks[k].kind == tPara || a.sentOf[k] != a.sentOf[t] {
		return true
	}
	return a.toks[k].kind == tPunct
}

// parenthesisSpan bounds how far back a closing bracket looks for its
// opening one.
const parenthesisSpan = 12

// skipParenthesis steps from a closing bracket at k to the token before its
// opening one, so that "Steny H. Hoyer (MD) released" and "Bob Menendez
// (D-N.J.), Ranking Member …, issued" find the name; otherwise returns k.
func (a *analysis) skipParenthesis(k int) int {
	if k < 0 || a.toks[k].text != ")" {
		return k
	}
	for j := k - 1; j >= 0 && j >= k-parenthesisSpan && a.toks[j].kind != tPara; j-- {
		if a.toks[j].text == "(" {
			return j - 1
		}
	}
	return k
}

// clauseLookback bounds how far back from a speech verb its clause's
// subject, or the speech verb attributing a quotation, is looked for: far
// more than any real clause, and it keeps Suggest linear on a text that
// never ends a sentence.
const clauseLookback = 60

// prepositions before a name make it an object, not the clause's subject.
var prepositions = wordSet(`in on at from to for with by of into near after before during his her
their its our my your about against between through over under`)

// clauseSubject is the first mention of the verb's sentence before it that
// can speak: not possessive, not inside a quotation, not after a
// preposition. People, pronouns and role phrases are preferred to other names.
func (a *analysis) clauseSubject(t int) int {
	s := a.sentOf[t]
	if s < 0 {
		return -1
	}
	fallback := -1
	for k := max(a.sents[s].first, t-clauseLookback); k < t; k++ {
		m := a.tokMention[k]
		if m < 0 || a.mentions[m].first != k {
			continue
		}
		mm := a.mentions[m]
		k = mm.last
		if mm.possessive || mm.first > 0 && prepositions[a.toks[mm.first-1].lower] || a.insideQuote(mm.first) {
			continue
		}
		if mm.kind != mName || mm.person {
			return m
		}
		if fallback < 0 {
			fallback = m
		}
	}
	return fallback
}

// insideQuote reports whether token k lies between quotation marks.
func (a *analysis) insideQuote(k int) bool { return a.quoted[k] }

// resolve turns a subject mention into a speaker.
func (a *analysis) resolve(m int, pronoun string) speakerRef {
	mm := a.mentions[m]
	at := span.Span{Start: a.toks[mm.nameFirst].start, End: a.toks[mm.last].end}
	ref := speakerRef{at: at, surface: string(a.runes[a.toks[mm.first].start:a.toks[mm.last].end])}
	switch mm.kind {
	case mName:
		ref.name, ref.via = mm.canonical, "name"
	case mPronoun:
		if mm.name == "they" {
			return ref
		}
		ref.name, ref.via = pronoun, "pronoun"
	case mRole:
		ref.name = a.personWithRole(m)
		ref.via = "role"
	}
	if ref.name == "" {
		ref.via = ""
	}
	return ref
}

// roleLookback bounds how many mentions back a role phrase looks for the
// person it refers to, keeping Suggest linear on long texts.
const roleLookback = 200

// personWithRole finds the named person a role phrase refers to: the one
// introduced with the role noun and the most of its modifiers ("the Russian
// president" → "Russian President Vladimir Putin"), the most recent on ties.
func (a *analysis) personWithRole(m int) string {
	head := a.mentions[m].name
	if orgNouns[head] {
		return ""
	}
	roles := map[string]map[string]bool{}
	var order []string
	for _, o := range a.mentions[max(0, m-roleLookback):m] {
		if o.kind != mName || !o.person {
			continue
		}
		if roles[o.canonical] == nil {
			roles[o.canonical] = map[string]bool{}
		}
		for r := range o.roles {
			roles[o.canonical][r] = true
		}
		order = append(order, o.canonical)
	}
	best, bestScore := "", 0
	for i := len(order) - 1; i >= 0; i-- {
		name := order[i]
		if !roles[name][head] {
			continue
		}
		score := 0
		for r := range a.mentions[m].roles {
			if roles[name][r] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = name, score
		}
	}
	return best
}
