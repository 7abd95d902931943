// Package corpus generates the test data of Redline's comparative
// benchmarks (`make bench`): a ~100 KB article, a revision of it with known
// edits (words replaced, paragraphs deleted and moved) and annotations on
// the old text whose true place in the revision is known, so that a tool
// that carries them over can be checked word by word, not only timed.
//
// The article is the sample article's paragraphs repeated until it is long
// enough. Every round after the first is shuffled and has a fifth of its
// words replaced, so that a quote with its context seldom occurs twice, as
// in one long story, while the copies still share many phrases (which is
// what makes re-anchoring hard).
// Everything is drawn from a fixed seed: the same sample gives the same
// data on every machine.
package corpus

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/span"
)

// The edit rates of the revision, and how much each repeated round of
// paragraphs is reworded so that the copies are not identical.
const (
	roundRewording = 0.20 // words replaced in each round after the first
	deleteRate     = 0.04 // paragraphs deleted
	moveRate       = 0.04 // paragraphs moved elsewhere (kept word for word)
	wordEditRate   = 0.03 // words replaced in the paragraphs that stay
	minQuoteWords  = 2
	maxQuoteWords  = 12
)

// Fate says what the revision did to an annotation's words.
type Fate string

const (
	Kept    Fate = "kept"    // unchanged, in place
	Moved   Fate = "moved"   // unchanged, in a paragraph moved elsewhere
	Edited  Fate = "edited"  // some of its words replaced, the others still there
	Deleted Fate = "deleted" // its paragraph deleted, or every one of its words replaced
)

// Annotation is a quote on the old text and where its words truly are in
// the new one. Offsets are code points.
type Annotation struct {
	ID     string    `json:"id"`
	Exact  string    `json:"exact"`
	Prefix string    `json:"prefix"`
	Suffix string    `json:"suffix"`
	Old    span.Span `json:"old"`
	Fate   Fate      `json:"fate,omitempty"`
	// Truth is the span of the same word slots in the new text, replaced
	// words included; zero when Deleted.
	Truth span.Span `json:"truth,omitzero"`
}

// Pair is an article, its revision and the annotations to carry over.
type Pair struct {
	Old         string       `json:"old"`
	New         string       `json:"new"`
	Annotations []Annotation `json:"annotations"`
	Edits       Edits        `json:"-"`
}

// Edits counts what the revision did.
type Edits struct {
	ParagraphsDeleted, ParagraphsMoved, WordsReplaced int
}

// Generate builds a pair of at least size bytes of old text from sample (a
// canonical text: paragraphs separated by one blank line, words by single
// spaces) with n annotations of 2 to 12 words (fewer in a shorter paragraph). The sample needs two
// different words at least, or no word could be replaced.
func Generate(sample string, size, n int) (Pair, error) {
	rng := rand.New(rand.NewPCG(2025, 3))
	vocab := strings.Fields(sample)
	if len(vocab) == 0 || !slices.ContainsFunc(vocab, func(w string) bool { return w != vocab[0] }) {
		return Pair{}, errors.New("corpus: the sample needs at least two different words")
	}
	paras := strings.Split(sample, "\n\n")
	for _, p := range paras {
		if slices.Contains(strings.Split(p, " "), "") {
			return Pair{}, errors.New("corpus: the sample is not canonical (an empty paragraph, or words not separated by single spaces)")
		}
	}
	old := repeat(rng, paras, vocab, size)

	var p Pair
	// The revision: which old paragraphs stay (in which order) and their words.
	var order, moved []int
	words := make([][]string, len(old))
	replaced := make([][]bool, len(old))
	for i, ws := range old {
		switch r := rng.Float64(); {
		case r < deleteRate:
			p.Edits.ParagraphsDeleted++
			continue
		case r < deleteRate+moveRate:
			moved = append(moved, i)
			words[i] = ws
			continue
		}
		words[i] = slices.Clone(ws)
		replaced[i] = make([]bool, len(ws))
		for j := range ws {
			if rng.Float64() < wordEditRate {
				words[i][j], replaced[i][j] = otherWord(rng, vocab, ws[j]), true
				p.Edits.WordsReplaced++
			}
		}
		order = append(order, i)
	}
	p.Edits.ParagraphsMoved = len(moved)
	for _, i := range moved {
		order = slices.Insert(order, rng.IntN(len(order)+1), i)
	}

	var oldAt, newAt [][]int
	p.Old, oldAt = layout(old, nil)
	p.New, newAt = layout(words, order)

	text := anchor.NewText(p.Old)
	var slots [][2]int // every word of the old text: paragraph, word
	for i, ws := range old {
		for j := range ws {
			slots = append(slots, [2]int{i, j})
		}
	}
	for id := range n {
		slot := slots[rng.IntN(len(slots))]
		para, first := slot[0], slot[1]
		count := min(minQuoteWords+rng.IntN(maxQuoteWords-minQuoteWords+1), len(old[para]))
		first = min(first, len(old[para])-count)
		last := first + count - 1

		a := Annotation{
			ID:   fmt.Sprintf("urn:redline:bench:%04d", id),
			Old:  span.Span{Start: oldAt[para][first], End: oldAt[para][last] + utf8.RuneCountInString(old[para][last])},
			Fate: Kept,
		}
		sel := anchor.Describe(text, a.Old)
		a.Exact, a.Prefix, a.Suffix = sel.Quote.Exact, sel.Quote.Prefix, sel.Quote.Suffix
		switch {
		case newAt[para] == nil:
			a.Fate = Deleted
		case replaced[para] == nil:
			a.Fate = Moved
		case slices.Contains(replaced[para][first:last+1], true):
			a.Fate = Edited
			if !slices.Contains(replaced[para][first:last+1], false) {
				a.Fate = Deleted
			}
		}
		if a.Fate != Deleted {
			a.Truth = span.Span{Start: newAt[para][first], End: newAt[para][last] + utf8.RuneCountInString(words[para][last])}
		}
		p.Annotations = append(p.Annotations, a)
	}
	return p, nil
}

// repeat lays paragraphs out round after round until they hold size bytes;
// rounds after the first are shuffled and partly reworded.
func repeat(rng *rand.Rand, paras, vocab []string, size int) [][]string {
	var out [][]string
	total := 0
	for round := 0; total < size; round++ {
		order := identity(len(paras))
		if round > 0 {
			order = rng.Perm(len(paras))
		}
		for _, i := range order {
			ws := strings.Split(paras[i], " ")
			if round > 0 {
				for j := range ws {
					if rng.Float64() < roundRewording {
						ws[j] = otherWord(rng, vocab, ws[j])
					}
				}
			}
			if len(out) > 0 {
				total += len("\n\n")
			}
			out = append(out, ws)
			total += len(strings.Join(ws, " "))
			if total >= size {
				break
			}
		}
	}
	return out
}

func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// otherWord is a word of vocab that differs from w.
func otherWord(rng *rand.Rand, vocab []string, w string) string {
	for {
		if v := vocab[rng.IntN(len(vocab))]; v != w {
			return v
		}
	}
}

// layout joins the paragraphs listed in order (all of them, in turn, when
// order is nil) and returns the text with the code-point offset of every
// word; the rows of paragraphs left out are nil.
func layout(paras [][]string, order []int) (string, [][]int) {
	if order == nil {
		order = identity(len(paras))
	}
	at := make([][]int, len(paras))
	var b strings.Builder
	cp := 0
	for k, i := range order {
		if k > 0 {
			b.WriteString("\n\n")
			cp += 2
		}
		at[i] = make([]int, len(paras[i]))
		for j, w := range paras[i] {
			if j > 0 {
				b.WriteByte(' ')
				cp++
			}
			at[i][j] = cp
			b.WriteString(w)
			cp += utf8.RuneCountInString(w)
		}
	}
	return b.String(), at
}

// Task is the pair as the tools under test get it: the texts and the
// annotations, without their fates and truths.
func (p Pair) Task() Pair {
	t := Pair{Old: p.Old, New: p.New, Annotations: slices.Clone(p.Annotations)}
	for i := range t.Annotations {
		t.Annotations[i].Fate, t.Annotations[i].Truth = "", span.Span{}
	}
	return t
}

// Model is the annotation as Redline stores it on the old text: a quote
// with both W3C selectors.
func (a Annotation) Model() annotation.Annotation {
	return annotation.Annotation{
		ID:   a.ID,
		Kind: annotation.KindQuote,
		Target: annotation.Target{
			Source: annotation.StorySource("bench"),
			Selector: anchor.Selector{
				Quote:    &anchor.TextQuote{Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix},
				Position: &anchor.TextPosition{Start: a.Old.Start, End: a.Old.End},
			},
		},
	}
}

// Collection is the annotations as a W3C AnnotationCollection, the file a
// reader would import into Redline.
func (p Pair) Collection() ([]byte, error) {
	anns := make([]annotation.Annotation, len(p.Annotations))
	for i, a := range p.Annotations {
		anns[i] = a.Model()
	}
	return annotation.MarshalCollection("bench", anns)
}
