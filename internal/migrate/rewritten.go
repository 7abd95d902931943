package migrate

import (
	splitter "github.com/redline-news/redline/internal/sentences"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// The rule for a passage that was moved and edited at once (pass 5 of the
// package documentation). It runs only for annotations every other pass
// orphaned, so a revision that merely edits or moves pays nothing for it.
//
//   - The annotated passage is taken at sentence granularity: the old
//     sentences it lies in (package article's sentence rules, within
//     paragraphs) form its group of k sentences.
//   - Candidates are runs of k consecutive new sentences with at least one
//     word the revision inserted: a moved passage is deleted where it was
//     and inserted where it went. Only runs sharing a distinctive word with
//     the group (one found in at most maxPosting new sentences) are scored,
//     so common words cost nothing.
//   - Group and candidate are compared as word sequences (lower case, words
//     only): similarity is the Dice coefficient of their longest common
//     subsequence, 2·LCS / (old words + new words). Words in order, not a
//     bag of words, so a sentence that merely shares names and small words
//     scores low.
//   - The best candidate must reach MinMovedEdited and beat every other by
//     movedEditedMargin: a sentence repeated in the new text ties with its
//     copy and is refused, like every near tie.
//   - One new sentence takes one passage: when groups of different old
//     sentences want the same new sentence, the most similar keeps it only
//     if it wins by the margin; the others stay orphaned. Nor does a group
//     take a sentence that the other passes placed an annotation of other
//     old text on.
//   - The annotated words are mapped through the word alignment onto the
//     candidate, and that stretch must itself stay recognisable (similarity
//     at least MinKept, as for an edit in place) and must not be another
//     old passage's: where the diff kept words of it from other old text,
//     they must be few (a quarter at most) and come from no old sentence
//     nearly as like it (see claimedElsewhere).
//
// The result is status changed with Moved set, unless the passage is found
// where it stood (inPlace): a sentence whose every token was respaced
// keeps too few words in place for an edit in place, and is found here.

// MinMovedEdited is the least sentence similarity at which inserted
// sentences are taken for an orphaned annotation's moved and edited
// passage: the diff's own threshold for a moved paragraph, so that what
// the diff shows as moved, migration carries as moved. The NewsEdits notes
// call a removed and an added sentence the same passage from a
// word-sequence ratio of 0.7; on their pairs this measure (words only, no
// punctuation) comes out up to 0.04 lower than theirs (0.78 there, 0.74
// here), so 0.65 keeps what they call the same passage and stays above
// their "related text elsewhere" and "rewritten" pairs below 0.7, which
// share a topic and some phrases (0.45 to 0.56 here) and must stay
// orphaned.
const MinMovedEdited = revision.MinMoveSimilarity

// movedEditedMargin is how much more similar than any other the chosen
// candidate must be.
const movedEditedMargin = 0.15

// minMovedEditedWords is the fewest words an annotated passage needs for
// this rule: a three-word quote, moved and edited, is too little to know.
const minMovedEditedWords = 5

// maxPosting is how many new sentences a word may occur in and still
// select candidates: rarer words point at the passage, "the" points
// everywhere.
const maxPosting = 16

// word is one word of a text: its lower-case spelling and where it is.
type word struct {
	key  string
	span span.Span
}

// sentence is one sentence: where it is and its words.
type sentence struct {
	span  span.Span
	words []word
	// follows: the sentence before it in the list is the one before it in
	// the text (no paragraph left out between), so a run may join them.
	follows bool
}

// sentences is a text cut into sentences, in order.
type sentences struct {
	list   []sentence
	byWord map[string][]int // for the new text: the sentences holding a word, each once
}

// splitText cuts the paragraphs of text (indexed by ix) that overlap
// within into sentences. With keep, only the paragraphs keep accepts are
// cut, and the sentences are indexed by word (for the new text, whose
// candidates lie in paragraphs holding inserted text).
func splitText(ix *span.Index, within span.Span, keep func(span.Span) bool) *sentences {
	out := &sentences{}
	index := keep != nil
	if index {
		out.byWord = map[string][]int{}
	}
	adjacent := false // the previous paragraph was cut too
	for _, para := range paragraphs(ix, within) {
		if index && !keep(para) {
			adjacent = false
			continue
		}
		for i, s := range splitter.Split(ix.Slice(para)) {
			abs := span.Span{Start: para.Start + s.Start, End: para.Start + s.End}
			sent := sentence{span: abs, words: splitWords(ix.Slice(abs), abs.Start), follows: i > 0 || adjacent}
			if index {
				for _, w := range sent.words {
					if p := out.byWord[w.key]; len(p) == 0 || p[len(p)-1] != len(out.list) {
						out.byWord[w.key] = append(p, len(out.list))
					}
				}
			}
			out.list = append(out.list, sent)
		}
		adjacent = true
	}
	return out
}

// oldSentencesIn returns the sentences of the old paragraphs that overlap
// s, cutting each paragraph once per migration.
func (m *migration) oldSentencesIn(s span.Span) []sentence {
	if m.oldSentences == nil {
		m.oldSentences = map[span.Span][]sentence{}
	}
	var out []sentence
	for _, para := range paragraphs(m.old.Index(), s) {
		cut, ok := m.oldSentences[para]
		if !ok {
			cut = splitText(m.old.Index(), para, nil).list
			m.oldSentences[para] = cut
		}
		out = append(out, cut...)
	}
	return out
}

// paragraphs are the blank-line-separated blocks of ix's text that overlap
// within, as code-point spans.
func paragraphs(ix *span.Index, within span.Span) []span.Span {
	text := ix.Text()
	from, to := ix.Byte(within.Start), ix.Byte(within.End)
	if i := strings.LastIndex(text[:from], "\n\n"); i >= 0 {
		from = i + 2
	} else {
		from = 0
	}
	if i := strings.Index(text[to:], "\n\n"); i >= 0 {
		to += i
	} else {
		to = len(text)
	}
	var out []span.Span
	for b := from; b < to; {
		e := strings.Index(text[b:to], "\n\n")
		if e < 0 {
			e = to - b
		}
		if strings.TrimSpace(text[b:b+e]) != "" {
			out = append(out, ix.BytesToSpan(b, b+e))
		}
		b += e + 2
	}
	return out
}

// splitWords cuts text, which starts at code point offset, into words:
// runs of letters, digits and marks, in lower case.
func splitWords(text string, offset int) []word {
	// The keys are slices of one lower-cased copy: one allocation a
	// sentence, not one a word.
	type at struct{ from, to, start, end int }
	var bounds []at
	folded := make([]byte, 0, len(text))
	start, from, p := -1, 0, offset
	for _, r := range text {
		switch {
		case revision.IsWordRune(r):
			if start < 0 {
				start, from = p, len(folded)
			}
			folded = utf8.AppendRune(folded, unicode.ToLower(r))
		case start >= 0:
			bounds = append(bounds, at{from, len(folded), start, p})
			start = -1
		}
		p++
	}
	if start >= 0 {
		bounds = append(bounds, at{from, len(folded), start, p})
	}
	keys := string(folded)
	out := make([]word, len(bounds))
	for i, b := range bounds {
		out[i] = word{keys[b.from:b.to], span.Span{Start: b.start, End: b.end}}
	}
	return out
}

// group is the old sentences an orphaned annotation lies in, and the best
// place found for them.
type group struct {
	span  span.Span // from the first sentence's start to the last one's end
	words []word
	k     int // sentences
	// best is the chosen run of n new sentences (first index), -1 if
	// none; score its similarity, pairs its word alignment (old, new word
	// index).
	best  int
	n     int
	score float64
	pairs [][2]int
	cand  []word // the chosen run's words
	run   span.Span
}

// movedEdited places the annotations of results that the other passes
// orphaned, where the rule above finds their passage moved and edited.
func (m *migration) movedEdited(results []Result) {
	var todo []int
	for i, r := range results {
		if r.Status == annotation.StatusOrphaned && !r.Old.Empty() {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 || len(m.inserted.regions) == 0 {
		return
	}
	newSents := splitText(m.new.Index(), span.Span{Start: 0, End: m.new.Len()}, m.inserted.touches)
	groups := map[span.Span]*group{}
	of := make(map[int]*group, len(todo))
	for _, i := range todo {
		var g group
		for _, s := range m.oldSentencesIn(results[i].Old) {
			if s.span.Overlaps(results[i].Old) {
				if g.k == 0 {
					g.span.Start = s.span.Start
				}
				g.span.End, g.k = s.span.End, g.k+1
				g.words = append(g.words, s.words...)
			}
		}
		if g.k == 0 {
			continue
		}
		if groups[g.span] == nil {
			g.best = -1
			m.bestRun(&g, newSents)
			groups[g.span] = &g
		}
		of[i] = groups[g.span]
	}
	m.settleClaims(groups, newSents)
	keepOffPlaced(groups, results)
	for _, i := range todo {
		if g := of[i]; g != nil && g.best >= 0 {
			if s, ok := m.mapThrough(g, results[i].Old); ok {
				results[i] = m.placeMovedEdited(results[i], s)
			}
		}
	}
}

// bestRun scores the candidate runs of g.k new sentences for g and keeps
// the best one if it is good and clear enough.
func (m *migration) bestRun(g *group, ns *sentences) {
	if len(g.words) < minMovedEditedWords {
		return
	}
	// Runs of one to k+1 sentences, holding a sentence with a
	// distinctive word of g: a moved passage may be split or merged
	// differently (a sentence splitter that cut "Jan. 25." in two).
	type run struct{ first, n int }
	runs := map[run]bool{}
	for _, w := range g.words {
		if p := ns.byWord[w.key]; len(p) <= maxPosting {
			for _, c := range p {
				for n := 1; n <= g.k+1; n++ {
					for s := max(0, c-n+1); s <= c && s+n <= len(ns.list); s++ {
						if joined(ns.list[s+1 : s+n]) {
							runs[run{s, n}] = true
						}
					}
				}
			}
		}
	}
	counts := make(map[string]int, len(g.words)) // g's words, with repeats
	for _, w := range g.words {
		counts[w.key]++
	}
	seen := make(map[string]int, len(g.words))
	type scored struct {
		run   run
		span  span.Span
		score float64
	}
	var all []scored
	best := -1
	for r := range runs {
		at := span.Span{Start: ns.list[r.first].span.Start, End: ns.list[r.first+r.n-1].span.End}
		if !m.inserted.touches(at) {
			continue
		}
		var cand []word
		for _, sent := range ns.list[r.first : r.first+r.n] {
			cand = append(cand, sent.words...)
		}
		// The words in common in any order bound those in order: a run
		// that cannot come within the margin of a good match (a rival
		// needs more than MinMovedEdited - movedEditedMargin) is not
		// aligned.
		if similarity(sharedWords(counts, cand, seen), len(g.words), len(cand)) <= MinMovedEdited-movedEditedMargin {
			continue
		}
		pairs := alignWords(g.words, cand)
		score := similarity(len(pairs), len(g.words), len(cand))
		all = append(all, scored{r, at, score})
		if best < 0 || score > all[best].score || score == all[best].score && (r.first < all[best].run.first || r.first == all[best].run.first && r.n < all[best].run.n) {
			best = len(all) - 1
			g.pairs, g.cand = pairs, cand
		}
	}
	if best < 0 || all[best].score < MinMovedEdited {
		return
	}
	// The runner-up is the best candidate elsewhere: runs that overlap the
	// best one are variants of the same place, not rivals.
	for _, c := range all {
		if !c.span.Overlaps(all[best].span) && all[best].score-c.score < movedEditedMargin {
			return
		}
	}
	b := all[best]
	g.best, g.n, g.score, g.run = b.run.first, b.run.n, b.score, b.span
}

// sharedWords counts the words of cand also in counts (a multiset), with
// repeats; seen is scratch space.
func sharedWords(counts map[string]int, cand []word, seen map[string]int) int {
	clear(seen)
	n := 0
	for _, w := range cand {
		if seen[w.key] < counts[w.key] {
			seen[w.key]++
			n++
		}
	}
	return n
}

// joined reports whether every sentence of a run after its first follows
// the one before it in the text.
func joined(rest []sentence) bool {
	for _, s := range rest {
		if !s.follows {
			return false
		}
	}
	return true
}

// keepOffPlaced takes its run from every group that would share it with an
// annotation the other passes placed there from other old text: the new
// sentence already stands for that passage.
func keepOffPlaced(groups map[span.Span]*group, results []Result) {
	for _, g := range groups {
		if g.best < 0 {
			continue
		}
		for _, r := range results {
			if r.Status != annotation.StatusOrphaned && r.New.Overlaps(g.run) && !r.Old.Overlaps(g.span) {
				g.best = -1
				break
			}
		}
	}
}

// settleClaims enforces one passage per new sentence: of the groups whose
// runs share a sentence, the most similar keeps its run if it wins by the
// margin, and every other loses its run.
func (m *migration) settleClaims(groups map[span.Span]*group, ns *sentences) {
	claims := map[int][]*group{}
	for _, g := range groups {
		for s := g.best; g.best >= 0 && s < g.best+g.n; s++ {
			claims[s] = append(claims[s], g)
		}
	}
	lose := map[*group]bool{}
	for _, gs := range claims {
		if len(gs) < 2 {
			continue
		}
		sort.Slice(gs, func(i, j int) bool { return gs[i].score > gs[j].score })
		for i, g := range gs {
			if i > 0 || g.score-gs[1].score < movedEditedMargin {
				lose[g] = true
			}
		}
	}
	for g := range lose {
		g.best = -1
	}
}

// mapThrough maps the annotated span old, inside g, onto g's chosen run
// through the word alignment: its first and last words go to their matches,
// or when they were replaced, the span takes in what replaced them; a span from a sentence's start or to its end
// keeps the whole of the new sentence's edge (opening quotation marks,
// the closing full stop).
func (m *migration) mapThrough(g *group, old span.Span) (span.Span, bool) {
	a := sort.Search(len(g.words), func(i int) bool { return g.words[i].span.End > old.Start })
	b := sort.Search(len(g.words), func(i int) bool { return g.words[i].span.Start >= old.End })
	if b-a < 1 {
		return span.Span{}, false
	}
	// The span starts at the match of its first word, or when that word
	// was replaced, just after the match of the last word before it; and
	// likewise at its end.
	from, to := 0, len(g.cand)
	first, last := -1, -1 // the span's matched pairs
	for k, p := range g.pairs {
		switch {
		case p[0] < a:
			from = p[1] + 1
		case p[0] < b:
			if first < 0 {
				first = k
			}
			last = k
		case to == len(g.cand):
			to = p[1]
		}
	}
	if first < 0 {
		return span.Span{}, false
	}
	if g.pairs[first][0] == a {
		from = g.pairs[first][1]
	}
	if g.pairs[last][0] == b-1 {
		to = g.pairs[last][1] + 1
	}
	kept := 0
	for _, p := range g.pairs {
		if a <= p[0] && p[0] < b && from <= p[1] && p[1] < to {
			kept++
		}
	}
	if kept == 0 {
		return span.Span{}, false
	}
	if to <= from {
		return span.Span{}, false
	}
	s := span.Span{Start: g.cand[from].span.Start, End: g.cand[to-1].span.End}
	if from == 0 && old.Start <= g.span.Start {
		s.Start = g.run.Start
	}
	if to == len(g.cand) && old.End >= g.words[len(g.words)-1].span.End {
		s.End = g.run.End
	}
	if similarity(kept, b-a, to-from) < MinKept || m.claimedElsewhere(g, s, to-from) {
		return span.Span{}, false
	}
	return s, true
}

// claimedElsewhere reports whether the stretch s (of n words) of g's run
// belongs to another old passage: the diff kept some of its words from old
// text outside g, and either they are more than a quarter of s, or the old
// sentence they stood in is nearly as like the run as g is. A stray "the"
// or name the diff matched across the story does not count; a sentence
// that the diff carried over from another old one does.
func (m *migration) claimedElsewhere(g *group, s span.Span, n int) bool {
	foreign := m.foreignWords(s, g.span)
	if len(foreign) == 0 {
		return false
	}
	if 4*len(foreign) > n {
		return true
	}
	seen := map[span.Span]bool{}
	for _, p := range foreign {
		for _, sent := range m.oldSentencesIn(span.Span{Start: p, End: p + 1}) {
			if sent.span.Start > p || p >= sent.span.End || seen[sent.span] {
				continue
			}
			seen[sent.span] = true
			if similarity(len(alignWords(sent.words, g.cand)), len(sent.words), len(g.cand)) > g.score-movedEditedMargin {
				return true
			}
		}
	}
	return false
}

// foreignWords lists, for each word of s in the new text that the diff
// kept from old text outside old, where that word stood in the old text.
func (m *migration) foreignWords(s, old span.Span) []int {
	ops, ix := m.d.Ops, m.new.Index()
	k := sort.Search(len(ops), func(i int) bool { return ops[i].New.End > s.Start })
	var out []int
	p, inWord := s.Start, false
	for _, r := range ix.Slice(s) {
		for k < len(ops) && ops[k].New.End <= p {
			k++
		}
		word := revision.IsWordRune(r)
		if word && !inWord && k < len(ops) && ops[k].Kind == revision.Equal {
			// Equal text may differ in typographic noise, so the offset
			// is clamped to the op.
			if o := min(ops[k].Old.Start+p-ops[k].New.Start, ops[k].Old.End-1); o < old.Start || o >= old.End {
				out = append(out, o)
			}
		}
		inWord = word
		p++
	}
	return out
}

// placeMovedEdited turns the orphaned result r into one on s.
//
// The passage may also be found where it stood: a sentence whose every
// word the revision respaced or re-punctuated ("Comey’s" to "Comey ’s")
// keeps too few words in place for an edit in place, and this rule finds
// it where it stood. That is an edit, not a move (tester 5: "moved to
// ¶25" for a paragraph that stayed the 25th): see inPlace.
func (m *migration) placeMovedEdited(r Result, s span.Span) Result {
	r.Status, r.New = annotation.StatusChanged, s
	r.After = m.new.Index().Slice(s)
	inPlace := m.inPlace(r.Old, s)
	switch same := sameWords(r.After, r.Before); {
	case same && inPlace:
		r.Status = annotation.StatusIntact
	case same:
		r.Status = annotation.StatusMoved
	}
	r.Moved = r.Status == annotation.StatusChanged && !inPlace
	r.Annotation.Target.Selector = anchor.Describe(m.new, s)
	r.Annotation.Status, r.Annotation.Before, r.Annotation.Moved = r.Status, r.Before, r.Moved
	return r
}

// inPlace reports whether the new span s stands where the old span old
// stood: between the text the diff kept just before old and the text it
// kept just after it. Nearness is not enough: a sentence moved past its
// neighbour is near its old place too (a held-out pair has one), and
// has that neighbour's kept words on its other side.
func (m *migration) inPlace(old, s span.Span) bool {
	ops := m.d.Ops
	k := sort.Search(len(ops), func(i int) bool { return ops[i].Old.End > old.Start })
	for i := k - 1; i >= 0; i-- {
		if ops[i].Kind == revision.Equal && !ops[i].Old.Empty() {
			if ops[i].New.End > s.Start {
				return false
			}
			break
		}
	}
	for i := k; i < len(ops); i++ {
		if ops[i].Kind == revision.Equal && ops[i].Old.Start >= old.End && !ops[i].Old.Empty() {
			return ops[i].New.Start >= s.End
		}
	}
	return true
}

// alignWords aligns two word lists by their keys (revision.AlignWords).
func alignWords(a, b []word) [][2]int {
	keys := func(ws []word) []string {
		out := make([]string, len(ws))
		for i, w := range ws {
			out[i] = w.key
		}
		return out
	}
	return revision.AlignWords(keys(a), keys(b))
}
