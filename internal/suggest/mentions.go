package suggest

import (
	"slices"
	"strings"
	"unicode"
)

// mentionKind distinguishes what can be the subject of a speech verb.
type mentionKind uint8

const (
	mName    mentionKind = iota + 1 // a capitalised name, with any title before it
	mPronoun                        // he, she, they
	mRole                           // "the minister", "the Russian president", "the ministry"
)

// mention is a possible speaker in the text. first..last are its tokens
// (titles included, so "said spokeswoman Maria Zakharova" finds it right
// after the verb); nameFirst..last are the words of the name proper.
type mention struct {
	first, last, nameFirst int
	kind                   mentionKind
	name                   string          // name as written, pronoun, or head noun of a role phrase
	canonical              string          // full name after coreference ("Lavrov" → "Sergei Lavrov")
	roles                  map[string]bool // lower-cased titles, role nouns and their modifiers
	possessive             bool
	person                 bool
}

// mentionFinder holds what the mention pass needs about the text.
type mentionFinder struct {
	toks   []token
	sentOf []int
	// capitalisedInside holds words seen capitalised away from a sentence
	// start: a sentence-initial word is a name only if it is one of them
	// ("Witkoff said" yes, "Refugees living in camps" no).
	capitalisedInside map[string]bool
}

// findMentions returns the mentions in text order and, per token, the
// index of the mention covering it (-1 if none).
func findMentions(toks []token, sentOf []int) ([]mention, []int) {
	f := &mentionFinder{toks: toks, sentOf: sentOf, capitalisedInside: map[string]bool{}}
	for i, t := range toks {
		if t.kind == tWord && isCapitalized(t.text) && !f.sentenceInitial(i) {
			f.capitalisedInside[stripPossessive(t.text)] = true
		}
	}
	var ms []mention
	for i := 0; i < len(toks); {
		m, next, ok := f.mentionAt(i)
		if ok {
			ms = append(ms, m)
		}
		i = next
	}
	corefer(ms)
	of := make([]int, len(toks))
	for i := range of {
		of[i] = -1
	}
	for k, m := range ms {
		for i := m.first; i <= m.last; i++ {
			of[i] = k
		}
	}
	return ms, of
}

// sentenceInitial reports whether toks[i] is the first word of its sentence
// or follows an opening quotation mark or a colon.
func (f *mentionFinder) sentenceInitial(i int) bool {
	for k := i - 1; k >= 0; k-- {
		t := f.toks[k]
		if t.kind == tPara || f.sentOf[k] != f.sentOf[i] {
			return true
		}
		if t.kind == tWord {
			return false
		}
		if isOpenerText(t.text) || t.text == ":" {
			return true
		}
	}
	return true
}

// mentionAt recognises a mention starting at token i and returns it with
// the index of the first token after it.
func (f *mentionFinder) mentionAt(i int) (mention, int, bool) {
	t := f.toks[i]
	if t.kind != tWord {
		return mention{}, i + 1, false
	}
	switch t.lower {
	case "he", "she", "they":
		return mention{first: i, last: i, nameFirst: i, kind: mPronoun, name: t.lower}, i + 1, true
	case "the":
		if m, ok := f.rolePhrase(i); ok {
			return m, m.last + 1, true
		}
		return mention{}, i + 1, false
	}
	end := f.nameSequence(i)
	if end < 0 {
		return mention{}, i + 1, false
	}
	m, ok := f.buildName(i, end)
	return m, end + 1, ok
}

// rolePhrase matches "the [up to three modifiers] role-noun" not followed
// by a capitalised word (then it is a title before a name, handled there).
func (f *mentionFinder) rolePhrase(i int) (mention, bool) {
	for k := i + 1; k <= i+4 && k < len(f.toks); k++ {
		t := f.toks[k]
		if t.kind != tWord || commonWords[t.lower] || speechVerbs[t.lower] != 0 {
			return mention{}, false
		}
		if !roleNouns[t.lower] && !orgNouns[t.lower] {
			continue
		}
		if k+1 < len(f.toks) && f.toks[k+1].kind == tWord && isCapitalized(f.toks[k+1].text) {
			return mention{}, false
		}
		roles := map[string]bool{}
		for j := i + 1; j <= k; j++ {
			roles[f.toks[j].lower] = true
		}
		return mention{first: i, last: k, nameFirst: i, kind: mRole, name: t.lower, roles: roles}, true
	}
	return mention{}, false
}

// nameSequence returns the last token of a name sequence starting at i, or
// -1. The sequence is capitalised words, with particles, initials and title
// abbreviations ("Dr."), and lower-case title runs that lead to a
// capitalised word ("US special envoy Steve Witkoff", "spokeswoman, Jane Roe").
func (f *mentionFinder) nameSequence(i int) int {
	end := -1
	for k := i; k < len(f.toks); k++ {
		t := f.toks[k]
		next := func() bool { return k+1 < len(f.toks) && f.capitalWord(k+1) }
		switch {
		case k > i && t.kind == tWord && len(t.lower) > 1 && endsName(t.lower): // "A." is an initial, not the article
			return end
		case t.kind == tWord && f.capitalWord(k):
			end = k
		case t.kind == tWord && particles[t.lower] && end >= 0 && k+1 < len(f.toks) && (next() || particles[f.toks[k+1].lower]):
		case t.kind == tWord && titleWords[t.lower] && f.titleRunLeadsToName(k):
		case t.kind == tPunct && t.text == "." && end == k-1 && t.start == f.toks[k-1].end &&
			(titleAbbreviations[f.toks[k-1].lower] || len([]rune(f.toks[k-1].text)) == 1) && next():
		case t.kind == tPunct && t.text == "&" && end == k-1 && next(): // E&E News, Johnson & Johnson
		case t.kind == tPunct && t.text == "," && k > i && titleWords[f.toks[k-1].lower] && !isCapitalized(f.toks[k-1].text) && next():
		default:
			return end
		}
	}
	return end
}

// endsName: in title-case headlines, common words and verbs are
// capitalised too ("Lanny A. Breuer Before the Senate", "James M. Cole
// Speaks"); they are never inside a name.
func endsName(lower string) bool {
	return commonWords[lower] || speechVerbs[lower] != 0 || headlineVerbs[lower]
}

func (f *mentionFinder) capitalWord(k int) bool {
	t := f.toks[k]
	return t.kind == tWord && isCapitalized(t.text) && !monthsAndDays[t.lower]
}

// titleRunLeadsToName: up to three lower-case title words, then (after an
// optional comma) a capitalised word.
func (f *mentionFinder) titleRunLeadsToName(k int) bool {
	for j := k; j < len(f.toks) && j <= k+3; j++ {
		t := f.toks[j]
		if t.kind == tPunct && t.text == "," {
			return j+1 < len(f.toks) && f.capitalWord(j+1)
		}
		if t.kind != tWord {
			return false
		}
		if f.capitalWord(j) {
			return true
		}
		if !titleWords[t.lower] {
			return false
		}
	}
	return false
}

// buildName turns the sequence i..end into a mention: leading common words
// dropped, titles split off as roles, a possessive ’s noted.
func (f *mentionFinder) buildName(i, end int) (mention, bool) {
	var words []int
	for k := i; k <= end; k++ {
		if f.toks[k].kind == tWord {
			words = append(words, k)
		}
	}
	for len(words) > 0 && commonWords[f.toks[words[0]].lower] {
		words = words[1:]
	}
	if len(words) == 0 {
		return mention{}, false
	}
	first := words[0]
	if len(words) == 1 && f.sentenceInitial(first) && !f.capitalisedInside[stripPossessive(f.toks[first].text)] && !isAcronym(f.toks[first].text) && !f.speaksNext(first) {
		return mention{}, false
	}
	roles := map[string]bool{}
	split := -1
	for w, k := range words {
		if isTitleWord(strings.TrimSuffix(f.toks[k].lower, ".")) {
			split = w
		}
	}
	if f.portfolioAt(first) {
		roles[f.toks[first-2].lower] = true
		if split < 0 && len(words) >= 3 {
			split = 0
		}
	}
	nameWords := words
	if split >= 0 && split < len(words)-1 && !anyIn(f.toks, words[split+1:], orgWords) {
		for _, k := range words[:split+1] {
			addRole(roles, f.toks[k].lower)
		}
		nameWords = words[split+1:]
	} else if split == len(words)-1 && roleNouns[f.toks[words[split]].lower] {
		for _, k := range words {
			roles[f.toks[k].lower] = true
		}
		return mention{first: first, last: end, nameFirst: first, kind: mRole, name: f.toks[words[split]].lower, roles: roles}, true
	}
	var name strings.Builder
	for k := nameWords[0]; k <= end; k++ {
		if k > nameWords[0] && f.toks[k].start > f.toks[k-1].end {
			name.WriteByte(' ')
		}
		name.WriteString(f.toks[k].text)
	}
	m := mention{first: first, last: end, nameFirst: nameWords[0], kind: mName, roles: roles}
	m.name = stripPossessive(name.String())
	m.possessive = m.name != name.String()
	m.canonical = m.name
	f.appositiveRoles(end, roles)
	m.person = isPersonName(f.toks, nameWords, roles)
	return m, true
}

// isTitleWord: a title word, or a hyphenated one with a title word in it
// ("President-Elect", "Then-Candidate").
func isTitleWord(lower string) bool {
	if titleWords[lower] {
		return true
	}
	parts := strings.Split(lower, "-")
	return len(parts) > 1 && slices.ContainsFunc(parts, func(p string) bool { return titleWords[p] })
}

// speaksNext reports a word followed at once by a finite speech verb: a
// sentence-initial "Ebel reports" or "Bloomberg reported" names a speaker
// even if the text capitalises it nowhere else.
func (f *mentionFinder) speaksNext(k int) bool {
	return k+1 < len(f.toks) && f.toks[k+1].kind == tWord && speechVerbs[f.toks[k+1].lower] == vFinite
}

// portfolioAt reports a capitalised word that completes a title before a
// name: "Secretary of Agriculture Sonny Perdue", "Minister of Health Jane
// Roe" (the portfolio is a role, the name follows it). The title must be
// capitalised: in "the prime minister of Spain, Jose Zapatero" Spain is a
// place.
func (f *mentionFinder) portfolioAt(k int) bool {
	return k >= 2 && f.toks[k-1].lower == "of" && titleWords[f.toks[k-2].lower] && isCapitalized(f.toks[k-2].text)
}

// titleRoles expand title abbreviations to the role nouns a later role
// phrase uses: "Sen. Jane Roe" … "the senator said".
var titleRoles = map[string]string{"sen": "senator", "rep": "representative", "gov": "governor",
	"gen": "general", "dr": "doctor", "prof": "professor", "capt": "captain", "lt": "lieutenant",
	"col": "colonel", "sgt": "sergeant", "rev": "reverend", "amb": "ambassador", "supt": "superintendent"}

func addRole(roles map[string]bool, title string) {
	roles[title] = true
	if r, ok := titleRoles[title]; ok {
		roles[r] = true
	}
}

// appositiveRoles adds the role nouns of ", a public health expert," or
// "is a geologist" right after a name.
func (f *mentionFinder) appositiveRoles(end int, roles map[string]bool) {
	k := end + 1
	if k >= len(f.toks) || !(f.toks[k].text == "," || f.toks[k].lower == "is" || f.toks[k].lower == "was") {
		return
	}
	for j := k + 1; j < len(f.toks) && j <= k+8; j++ {
		t := f.toks[j]
		if t.kind != tWord {
			return
		}
		if roleNouns[t.lower] {
			roles[t.lower] = true
		}
	}
}

// isPersonName: a name with a personal title or role, or of two or more
// words none of which marks an organisation or a place.
func isPersonName(toks []token, words []int, roles map[string]bool) bool {
	if anyIn(toks, words, orgWords) {
		return false
	}
	for r := range roles {
		if roleNouns[r] || titleAbbreviations[strings.TrimSuffix(r, ".")] {
			return true
		}
	}
	if len(words) < 2 {
		return false
	}
	for _, k := range words {
		if isAcronym(toks[k].text) {
			return false
		}
	}
	return true
}

func anyIn(toks []token, words []int, set map[string]bool) bool {
	for _, k := range words {
		if set[toks[k].lower] {
			return true
		}
	}
	return false
}

func isAcronym(w string) bool {
	letters := 0
	for _, c := range w {
		if unicode.IsLower(c) {
			return false
		}
		if unicode.IsLetter(c) {
			letters++
		}
	}
	return letters >= 2
}

func stripPossessive(w string) string {
	for _, s := range []string{"’s", "'s"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			return strings.TrimSuffix(w, s)
		}
	}
	return w
}

// corefer gives one-word names the full name of the person they refer to
// ("Pagonis" → "Jennifer Pagonis"), preferring the nearest full name before
// them, else the first after (a headline may use the surname first).
func corefer(ms []mention) {
	full := map[string][]int{} // last word → indices of multi-word person names, in text order
	for j, o := range ms {
		if o.kind == mName && o.person {
			if sp := strings.LastIndexByte(o.name, ' '); sp >= 0 {
				full[o.name[sp+1:]] = append(full[o.name[sp+1:]], j)
			}
		}
	}
	for i := range ms {
		m := &ms[i]
		cands := full[m.name]
		if m.kind != mName || len(cands) == 0 || strings.Contains(m.name, " ") {
			continue
		}
		best := cands[0]
		for _, j := range cands {
			if j < i {
				best = j
			}
		}
		m.canonical, m.person = ms[best].name, true
	}
}
