package revision

import (
	"sort"
	"strings"

	"github.com/redline-news/redline/internal/span"
)

// Stats summarises a diff.
//
// WordsAdded and WordsRemoved count word tokens (punctuation and
// whitespace do not count) in inserted and deleted text. ParagraphsTouched
// counts the paragraphs of the new text (split on blank lines) that hold
// inserted text or lost some of their old text, plus the old paragraphs
// deleted whole with nothing inserted in their place. Changes is the
// number of hunks. ParagraphsMoved and SentencesMoved count the Moves of
// whole paragraphs and of sentences.
type Stats struct {
	WordsAdded        int `json:"wordsAdded"`
	WordsRemoved      int `json:"wordsRemoved"`
	ParagraphsTouched int `json:"paragraphsTouched"`
	Changes           int `json:"changes"`
	ParagraphsMoved   int `json:"paragraphsMoved"`
	SentencesMoved    int `json:"sentencesMoved,omitempty"`
}

func (d *Diff) computeStats(chunks []chunk, old, new []token) Stats {
	st := Stats{Changes: len(d.hunks)}
	for _, c := range chunks {
		if !c.equal {
			st.WordsRemoved += countWords(old[c.o0:c.o1])
			st.WordsAdded += countWords(new[c.n0:c.n1])
		}
	}
	oldParas, newParas := paragraphs(d.old), paragraphs(d.new)
	touched := make(map[int]bool)
	deleted := 0
	for _, h := range d.hunks {
		lo, hi := overlapping(newParas, h.New)
		for i := lo; i < hi; i++ {
			touched[i] = true
		}
		insertedProse := !h.New.Empty() && lo < hi
		lo, hi = overlapping(oldParas, h.Old)
		for _, p := range oldParas[lo:hi] {
			if h.Old.Start <= p.Start && p.End <= h.Old.End {
				if !insertedProse {
					deleted++
				}
				continue
			}
			// Part of an old paragraph went: its remainder holds the
			// start of the change.
			if i, ok := paragraphAt(newParas, h.New.Start); ok {
				touched[i] = true
			}
		}
	}
	st.ParagraphsTouched = len(touched) + deleted
	return st
}

func countWords(toks []token) int {
	n := 0
	for _, t := range toks {
		if t.word {
			n++
		}
	}
	return n
}

// paragraphs returns the non-empty stretches of text between blank lines.
func paragraphs(ix *span.Index) []span.Span {
	var out []span.Span
	text := ix.Text()
	for b := 0; b <= len(text); {
		end := strings.Index(text[b:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += b
		}
		if end > b {
			out = append(out, ix.BytesToSpan(b, end))
		}
		b = end + 2
	}
	return out
}

// overlapping returns the index range of the paragraphs sharing a code
// point with s (an empty s: the paragraph it lies strictly inside).
func overlapping(paras []span.Span, s span.Span) (lo, hi int) {
	lo = sort.Search(len(paras), func(i int) bool { return paras[i].End > s.Start })
	hi = lo
	for hi < len(paras) && paras[hi].Start < s.End {
		hi++
	}
	return lo, hi
}

// paragraphAt finds the paragraph whose closed range holds cp.
func paragraphAt(paras []span.Span, cp int) (int, bool) {
	i := sort.Search(len(paras), func(i int) bool { return paras[i].End >= cp })
	return i, i < len(paras) && paras[i].Start <= cp
}
