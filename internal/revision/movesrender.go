package revision

import (
	"fmt"
	"strings"

	"github.com/redline-news/redline/internal/span"
)

// Piece is one stretch of a diff as renderers draw it: an op (a Delete
// may be cut at the edges of a moved passage it removes, and carries that
// Move where the passage leaves), or, with Arrival set, a moved passage at
// its new place, to be drawn as its own edits (Move.Ops) instead of Op.
type Piece struct {
	Op      Op
	Move    *Move
	Arrival bool
	// Hunk is the number of the change the piece belongs to, from 0 in the
	// order of Hunks; -1 for unchanged text.
	Hunk int
}

// Pieces walks the ops in order for the renderers: a Delete inside a
// moved passage carries its move, and the Equal and Insert ops inside a
// passage that arrived by a move give way to one arrival piece.
func (d *Diff) Pieces() []Piece {
	var out []Piece
	drawn := make([]bool, len(d.Moves))
	hunks := d.hunkOfOps()
	for i, op := range d.Ops {
		if op.Kind == Delete {
			for _, p := range d.Departures(op) {
				p.Hunk = hunks[i]
				out = append(out, p)
			}
			continue
		}
		m := d.moveAt(op.New, func(m Move) span.Span { return m.New })
		if m == nil {
			out = append(out, Piece{Op: op, Hunk: hunks[i]})
			continue
		}
		// The parts of op outside the passage are drawn as they are.
		before, after := span.Span{Start: op.New.Start, End: m.New.Start}, span.Span{Start: m.New.End, End: op.New.End}
		if !before.Empty() {
			out = append(out, Piece{Op: Op{op.Kind, op.Old, before}, Hunk: hunks[i]})
		}
		if k := m.index(d); !drawn[k] {
			drawn[k] = true
			out = append(out, Piece{Move: m, Arrival: true, Hunk: d.arrivalHunk(i, m, hunks)})
		}
		if !after.Empty() {
			out = append(out, Piece{Op: Op{op.Kind, op.Old, after}, Hunk: hunks[i]})
		}
	}
	return out
}

// hunkOfOps numbers each op's change as Hunks does, -1 for Equal ops.
func (d *Diff) hunkOfOps() []int {
	out := make([]int, len(d.Ops))
	hunk := -1
	for i, op := range d.Ops {
		switch {
		case op.Kind == Equal:
			out[i] = -1
			continue
		case i == 0 || d.Ops[i-1].Kind == Equal:
			hunk++
		}
		out[i] = hunk
	}
	return out
}

// arrivalHunk is the change of the first changed op, from op i on, inside
// m's new passage.
func (d *Diff) arrivalHunk(i int, m *Move, hunks []int) int {
	for ; i < len(d.Ops) && d.Ops[i].New.Start < m.New.End; i++ {
		if hunks[i] >= 0 {
			return hunks[i]
		}
	}
	return -1
}

// Departures cuts a Delete at the edges of the moved passages it removes,
// so that each piece is either deleted or moved away (with its Move set),
// for renderers that draw the old text op by op.
func (d *Diff) Departures(op Op) []Piece {
	var out []Piece
	at := op.Old.Start
	cut := func(end int, m *Move) {
		if end > at {
			out = append(out, Piece{Op: Op{Delete, span.Span{Start: at, End: end}, op.New}, Move: m})
			at = end
		}
	}
	for i := range d.Moves {
		if m := &d.Moves[i]; m.Old.Overlaps(op.Old) {
			cut(max(at, m.Old.Start), nil)
			cut(min(op.Old.End, m.Old.End), m)
			// The blank line (space) after the paragraph (sentence)
			// leaves with it.
			if end := min(op.Old.End, m.Old.End+2); strings.TrimSpace(d.old.Slice(span.Span{Start: at, End: end})) == "" {
				out[len(out)-1].Op.Old.End, at = end, end
			}
		}
	}
	cut(op.Old.End, nil)
	return out
}

// moveAt is the move whose paragraph (on the side end picks) overlaps s.
func (d *Diff) moveAt(s span.Span, end func(Move) span.Span) *Move {
	for i := range d.Moves {
		if end(d.Moves[i]).Overlaps(s) {
			return &d.Moves[i]
		}
	}
	return nil
}

func (m *Move) index(d *Diff) int {
	for i := range d.Moves {
		if &d.Moves[i] == m {
			return i
		}
	}
	return -1
}

// The labels of the two ends of a move.
func (m Move) movedTo() string {
	if m.Sentence {
		return fmt.Sprintf("moved to ¶%d, sentence %d", m.NewPara, m.NewSentence)
	}
	return fmt.Sprintf("moved to ¶%d", m.NewPara)
}

func (m Move) movedFrom() string {
	if m.Sentence {
		return fmt.Sprintf("moved from ¶%d, sentence %d", m.OldPara, m.OldSentence)
	}
	return fmt.Sprintf("moved from ¶%d", m.OldPara)
}

// FromID and ToID are the HTML ids of a move's two ends: where it left
// ("moved-from-3", for a sentence "moved-from-3-2") and where it went.
func (m Move) FromID() string { return endID("moved-from", m.OldPara, m.OldSentence) }
func (m Move) ToID() string   { return endID("moved-to", m.NewPara, m.NewSentence) }

func endID(prefix string, para, sentence int) string {
	if sentence > 0 {
		return fmt.Sprintf("%s-%d-%d", prefix, para, sentence)
	}
	return fmt.Sprintf("%s-%d", prefix, para)
}

// MoveOf returns the move a Delete leaves from or an Insert arrives in, for
// renderers that draw ops one by one (they can label the op "moved to ¶N"
// or "moved from ¶N").
func (d *Diff) MoveOf(op Op) (Move, bool) {
	var m *Move
	switch op.Kind {
	case Delete:
		m = d.moveAt(op.Old, func(m Move) span.Span { return m.Old })
	case Insert:
		m = d.moveAt(op.New, func(m Move) span.Span { return m.New })
	}
	if m == nil {
		return Move{}, false
	}
	return *m, true
}

// Label is how a renderer names a moved op's other end: "moved to ¶14"
// for a Delete, "moved from ¶3" for an Insert ("moved to ¶3, sentence 4"
// for a sentence).
func (m Move) Label(kind OpKind) string {
	if kind == Delete {
		return m.movedTo()
	}
	return m.movedFrom()
}
