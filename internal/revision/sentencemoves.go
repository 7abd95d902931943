package revision

import (
	"github.com/redline-news/redline/internal/sentences"
	"github.com/redline-news/redline/internal/span"
)

// minSentenceMoveWords is the fewest words a sentence needs to be shown
// as moved: short sentences ("He declined.") recur by chance.
const minSentenceMoveWords = 5

// findSentenceMoves pairs sentences the new revision removed in one place
// and added in another, outside the paragraphs of paragraphMoves: a
// sentence moved within its paragraph or to another one, possibly edited
// on the way. Sentences are split as package article splits them; a
// sentence counts as removed (added) by the same share of deleted
// (inserted) words as a paragraph, must have minSentenceMoveWords words
// and must be matched on words in order as a paragraph is. The pair must
// also cross unchanged words: a sentence rewritten where it stood is an
// edit, not a move.
func (d *Diff) findSentenceMoves(paragraphMoves []Move, oldParas, newParas []span.Span) []Move {
	removed := changedPassages(d, d.old, Delete, oldSide, d.sentenceUnits(d.old, oldParas, Delete, oldSide, func(m Move) span.Span { return m.Old }, paragraphMoves))
	added := changedPassages(d, d.new, Insert, newSide, d.sentenceUnits(d.new, newParas, Insert, newSide, func(m Move) span.Span { return m.New }, paragraphMoves))
	return d.pairPassages(long(removed), long(added), func(r, a passage) bool { return d.crossesKeptWords(r.span, a.span) })
}

// sentenceUnits lists the sentences of the paragraphs paras of ix that hold
// enough words in ops of kind for one to have moved, leaving out the
// paragraphs that moved whole.
func (d *Diff) sentenceUnits(ix *span.Index, paras []span.Span, kind OpKind, side func(Op) span.Span, end func(Move) span.Span, paragraphMoves []Move) []passage {
	least := minMovedShare * minSentenceMoveWords
	var out []passage
	for n, p := range paras {
		if float64(d.changedWords(ix, p, kind, side)) < least || movedWhole(p, paragraphMoves, end) {
			continue
		}
		for k, s := range sentences.Split(ix.Slice(p)) {
			out = append(out, passage{span: shift(s, p.Start), para: n + 1, sentence: k + 1})
		}
	}
	return out
}

func movedWhole(p span.Span, moves []Move, end func(Move) span.Span) bool {
	for _, m := range moves {
		if end(m) == p {
			return true
		}
	}
	return false
}

// long keeps the passages of minSentenceMoveWords words or more.
func long(ps []passage) []passage {
	var out []passage
	for _, p := range ps {
		if len(p.words) >= minSentenceMoveWords {
			out = append(out, p)
		}
	}
	return out
}

// crossesKeptWords reports whether unchanged words of the new text lie
// between where old passage o would map to and new passage n.
func (d *Diff) crossesKeptWords(o, n span.Span) bool {
	from, to := d.MapPos(o.Start, BiasAfter), d.MapPos(o.End, BiasBefore)
	var gap span.Span
	switch {
	case n.Start >= to:
		gap = span.Span{Start: to, End: n.Start}
	case n.End <= from:
		gap = span.Span{Start: n.End, End: from}
	default:
		return false
	}
	for _, op := range d.OpsIn(gap, false) {
		kept := span.Span{Start: max(op.New.Start, gap.Start), End: min(op.New.End, gap.End)}
		if op.Kind == Equal && HasWord(d.new.Slice(kept)) {
			return true
		}
	}
	return false
}
