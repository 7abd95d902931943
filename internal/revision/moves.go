package revision

import (
	"slices"
	"sort"
	"strings"

	"github.com/redline-news/redline/internal/span"
)

// Move links a paragraph the new revision removed in one place with one it
// added in another that is recognisably the same passage: a paragraph
// moved, possibly edited on the way. Moves annotate the diff and change no
// op: the removal is still a Delete and the arrival an Insert, so Apply
// and every offset stay as they were.
//
// A paragraph counts as removed (added) when at least three quarters of
// its words lie in Delete (Insert) ops; the pairs are matched on words in
// order: the Dice coefficient of their longest common subsequence of words
// (WordSimilarity) must reach MinMoveSimilarity, and each paragraph takes
// part in one move at most, the most similar pairs first.
type Move struct {
	Old, New         span.Span // the paragraph where it was and where it went
	OldPara, NewPara int       // their numbers, from 1, in the old and new text
	// Sentence is set for a sentence that moved (findSentenceMoves): Old
	// and New are the sentence, OldSentence and NewSentence its numbers,
	// from 1, in paragraphs OldPara and NewPara.
	Sentence                 bool
	OldSentence, NewSentence int
	Similarity               float64
	// Ops is the word diff of the old paragraph against the new one, with
	// offsets into the two whole texts: its edits on the way.
	Ops []Op
}

// MinMoveSimilarity is the least word similarity of a removed and an added
// paragraph taken for one passage moved. Package migrate uses it too, so
// that the diff shows as moved what migration carries as moved.
const MinMoveSimilarity = 0.65

// minMovedShare is the share of a paragraph's words that must lie in
// deleted (inserted) text for it to count as removed (added): a stray
// small word the diff matched elsewhere does not keep it in place.
const minMovedShare = 0.75

// findMoves pairs removed and added paragraphs, then removed and added
// sentences outside them (see findSentenceMoves).
func (d *Diff) findMoves() []Move {
	oldParas, newParas := paragraphs(d.old), paragraphs(d.new)
	removed := changedPassages(d, d.old, Delete, oldSide, paragraphUnits(oldParas))
	added := changedPassages(d, d.new, Insert, newSide, paragraphUnits(newParas))
	moves := d.pairPassages(removed, added, nil)
	moves = append(moves, d.findSentenceMoves(moves, oldParas, newParas)...)
	sort.Slice(moves, func(i, j int) bool { return moves[i].New.Start < moves[j].New.Start })
	return moves
}

// pairPassages matches removed with added passages on words in order, the
// most similar pairs first, each passage in one move at most; keep, if
// set, must accept a pair too.
func (d *Diff) pairPassages(removed, added []passage, keep func(r, a passage) bool) []Move {
	if len(removed) == 0 || len(added) == 0 {
		return nil
	}
	type pair struct {
		r, a  int
		score float64
	}
	var pairs []pair
	for i, r := range removed {
		for j, a := range added {
			// The words in common in any order bound those in order: a
			// rewrite with many paragraphs costs a merge per pair, and the
			// quadratic alignment runs only where it can succeed.
			if dice(common(r.sorted, a.sorted), len(r.words), len(a.words)) < MinMoveSimilarity {
				continue
			}
			if s := WordSimilarity(r.words, a.words); s >= MinMoveSimilarity && (keep == nil || keep(r, a)) {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	// Most similar first; ties in text order.
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].score > pairs[j].score })
	usedR, usedA := map[int]bool{}, map[int]bool{}
	var moves []Move
	for _, p := range pairs {
		if usedR[p.r] || usedA[p.a] {
			continue
		}
		usedR[p.r], usedA[p.a] = true, true
		r, a := removed[p.r], added[p.a]
		moves = append(moves, Move{Old: r.span, New: a.span, OldPara: r.para, NewPara: a.para,
			OldSentence: r.sentence, NewSentence: a.sentence, Sentence: r.sentence > 0,
			Similarity: p.score, Ops: d.editsOf(r.span, a.span)})
	}
	return moves
}

// passage is a removed or added paragraph or sentence: where, its numbers
// and words.
type passage struct {
	span     span.Span
	para     int // its paragraph's number, from 1
	sentence int // its number in the paragraph, from 1; 0 for a paragraph
	words    []string
	sorted   []string // words, sorted
}

// common counts the words two sorted lists share, with repeats.
func common(a, b []string) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c == 0:
			n, i, j = n+1, i+1, j+1
		case c < 0:
			i++
		default:
			j++
		}
	}
	return n
}

func dice(shared, a, b int) float64 {
	if a+b == 0 {
		return 0
	}
	return 2 * float64(shared) / float64(a+b)
}

// The spans of an op on the old and the new side.
func oldSide(op Op) span.Span { return op.Old }
func newSide(op Op) span.Span { return op.New }

// paragraphUnits are paragraphs as passages without words.
func paragraphUnits(paras []span.Span) []passage {
	out := make([]passage, len(paras))
	for i, p := range paras {
		out[i] = passage{span: p, para: i + 1}
	}
	return out
}

// changedPassages keeps the units of ix (one side of d) whose words lie
// mostly in ops of kind (whose span on that side is side(op)), with their
// words.
func changedPassages(d *Diff, ix *span.Index, kind OpKind, side func(Op) span.Span, units []passage) []passage {
	var out []passage
	for _, u := range units {
		changed := d.changedWords(ix, u.span, kind, side)
		if changed == 0 { // most paragraphs: nothing to split into words
			continue
		}
		if ws := Words(ix.Slice(u.span)); float64(changed) >= minMovedShare*float64(len(ws)) {
			u.words, u.sorted = ws, slices.Clone(ws)
			slices.Sort(u.sorted)
			out = append(out, u)
		}
	}
	return out
}

// changedWords counts the words of p (on ix, side side of d) in ops of
// kind.
func (d *Diff) changedWords(ix *span.Index, p span.Span, kind OpKind, side func(Op) span.Span) int {
	k := sort.Search(len(d.Ops), func(i int) bool { return side(d.Ops[i]).End > p.Start })
	changed := 0
	for j := k; j < len(d.Ops) && side(d.Ops[j]).Start < p.End; j++ {
		if op := d.Ops[j]; op.Kind == kind {
			s := side(op)
			changed += countWordsIn(ix.Slice(span.Span{Start: max(s.Start, p.Start), End: min(s.End, p.End)}))
		}
	}
	return changed
}

// editsOf diffs old paragraph o against new paragraph n and returns the
// ops with offsets into the whole texts.
func (d *Diff) editsOf(o, n span.Span) []Op {
	inner := compute(d.old.Slice(o), d.new.Slice(n), maxCodes)
	ops := make([]Op, len(inner.Ops))
	for i, op := range inner.Ops {
		ops[i] = Op{op.Kind, shift(op.Old, o.Start), shift(op.New, n.Start)}
	}
	return ops
}

func shift(s span.Span, by int) span.Span { return span.Span{Start: s.Start + by, End: s.End + by} }

// countWordsIn counts the words of s as Words splits them.
func countWordsIn(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := IsWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// Words splits text into its words (runs of letters, digits and marks) in
// lower case: what WordSimilarity compares.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !IsWordRune(r) })
}

// WordSimilarity is the Dice coefficient of the longest common subsequence
// of two word sequences: 2·LCS / (len(a) + len(b)). Words in order, so two
// passages that merely share names and small words score low.
func WordSimilarity(a, b []string) float64 {
	return dice(len(AlignWords(a, b)), len(a), len(b))
}

// AlignWords is a longest common subsequence of a and b, as index pairs in
// order. It takes time and space len(a)·len(b): for paragraphs and
// sentences, not whole texts.
func AlignWords(a, b []string) [][2]int {
	n, w := len(a), len(b)
	table := make([]int32, (n+1)*(w+1))
	at := func(i, j int) *int32 { return &table[i*(w+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := w - 1; j >= 0; j-- {
			if a[i] == b[j] {
				*at(i, j) = *at(i+1, j+1) + 1
			} else {
				*at(i, j) = max(*at(i+1, j), *at(i, j+1))
			}
		}
	}
	var pairs [][2]int
	for i, j := 0, 0; i < n && j < w; {
		switch {
		case a[i] == b[j]:
			pairs = append(pairs, [2]int{i, j})
			i, j = i+1, j+1
		case *at(i+1, j) >= *at(i, j+1):
			i++
		default:
			j++
		}
	}
	return pairs
}
