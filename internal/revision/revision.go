// Package revision diffs two revisions of an article word by word and maps
// offsets from the old text to the new one.
//
// Both texts are tokenised into words, whitespace runs and single
// punctuation marks; go-diff compares the token sequences (paragraph by
// paragraph first, then word by word between the unchanged paragraphs) and
// a semantic cleanup merges edits separated by trivial equalities. Tokens
// are compared after removing typographic noise (see tokenKey), so an
// Equal op may cover old and new text that differ only by such noise, e.g.
// “super smart” and "super smart". All offsets are code points into the
// real texts.
package revision

import "github.com/redline-news/redline/internal/span"

// OpKind says what an Op does.
type OpKind string

// The kinds of Op, spelled as they appear in JSON.
const (
	Equal  OpKind = "equal"
	Insert OpKind = "insert"
	Delete OpKind = "delete"
)

// Op is one step of the diff. Ops cover both texts contiguously, in order.
// An Insert has an empty Old span at the insertion point, a Delete an empty
// New span. A replacement is a Delete followed by an Insert.
type Op struct {
	Kind OpKind    `json:"op"`
	Old  span.Span `json:"old"`
	New  span.Span `json:"new"`
}

// Hunk is one change: adjacent non-equal ops, the old text Old replaced by
// the new text New (either may be empty).
type Hunk struct {
	Old, New span.Span
	Ops      []Op
}

// Diff is the word-level difference between two texts.
type Diff struct {
	Ops   []Op
	Stats Stats
	// Moves are the paragraphs and sentences that moved, possibly edited,
	// in new-text order (see Move).
	Moves []Move

	old, new *span.Index
	hunks    []Hunk
	// noise lists the tokens inside Equal ops whose old and new spellings
	// differ (typographic noise), in order, so Apply can rebuild the new
	// text from the old one exactly.
	noise []Op
}

// Compute diffs oldText against newText.
func Compute(oldText, newText string) *Diff {
	d := compute(oldText, newText, maxCodes)
	d.Moves = d.findMoves()
	for _, m := range d.Moves {
		if m.Sentence {
			d.Stats.SentencesMoved++
		} else {
			d.Stats.ParagraphsMoved++
		}
	}
	return d
}

// compute is Compute without moves (a move's own edits are diffed with
// it); it takes the number of token codes so tests can exhaust it.
func compute(oldText, newText string, codes int) *Diff {
	c := newCoder(codes)
	old, new := tokenize(oldText, c), tokenize(newText, c)
	chunks := alignEdits(cleanupSemantic(tokenDiff(old, new, c), old), old, new)
	d := &Diff{old: span.NewIndex(oldText), new: span.NewIndex(newText)}
	d.build(chunks, old, new)
	d.Stats = d.computeStats(chunks, old, new)
	return d
}

// build turns chunks into ops and hunks.
func (d *Diff) build(chunks []chunk, old, new []token) {
	oldPos := func(i int) int { return tokenPos(old, i, d.old.Len()) }
	newPos := func(i int) int { return tokenPos(new, i, d.new.Len()) }
	type hunkAt struct{ first, last int }
	var at []hunkAt
	for _, c := range chunks {
		if c.equal {
			d.addEqual(c, old, new)
			continue
		}
		first := len(d.Ops)
		o0, o1, n0, n1 := oldPos(c.o0), oldPos(c.o1), newPos(c.n0), newPos(c.n1)
		if o0 < o1 {
			d.Ops = append(d.Ops, Op{Delete, span.Span{Start: o0, End: o1}, span.Span{Start: n0, End: n0}})
		}
		if n0 < n1 {
			d.Ops = append(d.Ops, Op{Insert, span.Span{Start: o1, End: o1}, span.Span{Start: n0, End: n1}})
		}
		at = append(at, hunkAt{first, len(d.Ops)})
	}
	d.hunks = make([]Hunk, len(at))
	for i, h := range at {
		d.hunks[i] = d.hunk(h.first, h.last)
	}
}

// hunk is the hunk of Ops[first:last], non-equal ops.
func (d *Diff) hunk(first, last int) Hunk {
	ops := d.Ops[first:last:last]
	return Hunk{
		Old: span.Span{Start: ops[0].Old.Start, End: ops[len(ops)-1].Old.End},
		New: span.Span{Start: ops[0].New.Start, End: ops[len(ops)-1].New.End},
		Ops: ops,
	}
}

// addEqual appends the Equal ops of an equal chunk. A token whose old and
// new spellings differ in length (a longer whitespace run, NFD versus NFC)
// gets an Equal op of its own, so inside every other Equal op code points
// correspond one to one.
func (d *Diff) addEqual(c chunk, old, new []token) {
	start := c.o0
	flush := func(end int) {
		if start < end {
			d.Ops = append(d.Ops, Op{Equal,
				span.Span{Start: int(old[start].start), End: int(old[end-1].end)},
				span.Span{Start: int(new[c.n0+start-c.o0].start), End: int(new[c.n0+end-1-c.o0].end)}})
		}
		start = end
	}
	// Most equal chunks are spelled alike throughout: one comparison.
	if c.o0 < c.o1 && d.old.Text()[old[c.o0].bstart:old[c.o1-1].bend] == d.new.Text()[new[c.n0].bstart:new[c.n1-1].bend] {
		flush(c.o1)
		return
	}
	for i := c.o0; i < c.o1; i++ {
		o, n := old[i], new[c.n0+i-c.o0]
		if o.text(d.old.Text()) == n.text(d.new.Text()) {
			continue
		}
		d.noise = append(d.noise, Op{Equal, o.span(), n.span()})
		if o.end-o.start != n.end-n.start {
			flush(i)
			flush(i + 1)
		}
	}
	flush(c.o1)
}

func (t token) span() span.Span { return span.Span{Start: int(t.start), End: int(t.end)} }

func (t token) text(of string) string { return of[t.bstart:t.bend] }

// tokenPos is the code-point offset where token i starts (the text's end
// past the last token).
func tokenPos(toks []token, i, end int) int {
	if i < len(toks) {
		return int(toks[i].start)
	}
	return end
}

// Hunks returns the changes in order, for renderers and "next change".
func (d *Diff) Hunks() []Hunk { return d.hunks }

// OldText and NewText are the two texts that were diffed.
func (d *Diff) OldText() string { return d.old.Text() }

// NewText is the text diffed against.
func (d *Diff) NewText() string { return d.new.Text() }

// Text is what an op shows: the deleted old text for a Delete, otherwise
// the new text (for an Equal op, the new spelling).
func (d *Diff) Text(op Op) string {
	if op.Kind == Delete {
		return d.old.Slice(op.Old)
	}
	return d.new.Slice(op.New)
}
