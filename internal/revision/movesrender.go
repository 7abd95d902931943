package revision

import (
	"fmt"
	"strings"

	"github.com/redline-news/redline/internal/span"
)

// piece is one stretch of a rendered diff: an op (with the move it leaves
// from, for a Delete), or a moved paragraph drawn at its new place with its
// own edits.
type piece struct {
	op      Op
	move    *Move
	arrival bool // the piece is Move's paragraph at its new place; op is unused
}

// pieces walks the ops in order for the renderers: a Delete inside a moved
// paragraph carries its move, and the Equal and Insert ops inside a
// paragraph that arrived by a move give way to one arrival piece.
func (d *Diff) pieces() []piece {
	var out []piece
	drawn := make([]bool, len(d.Moves))
	for _, op := range d.Ops {
		if op.Kind == Delete {
			out = append(out, d.departures(op)...)
			continue
		}
		m := d.moveAt(op.New, func(m Move) span.Span { return m.New })
		if m == nil {
			out = append(out, piece{op: op})
			continue
		}
		// The parts of op outside the paragraph are drawn as they are.
		before, after := span.Span{Start: op.New.Start, End: m.New.Start}, span.Span{Start: m.New.End, End: op.New.End}
		if !before.Empty() {
			out = append(out, piece{op: Op{op.Kind, op.Old, before}})
		}
		if i := m.index(d); !drawn[i] {
			drawn[i] = true
			out = append(out, piece{move: m, arrival: true})
		}
		if !after.Empty() {
			out = append(out, piece{op: Op{op.Kind, op.Old, after}})
		}
	}
	return out
}

// departures cuts a Delete at the edges of the moved paragraphs it
// removes, so that each piece is either deleted or moved away.
func (d *Diff) departures(op Op) []piece {
	var out []piece
	at := op.Old.Start
	cut := func(end int, m *Move) {
		if end > at {
			out = append(out, piece{op: Op{Delete, span.Span{Start: at, End: end}, op.New}, move: m})
			at = end
		}
	}
	for i := range d.Moves {
		if m := &d.Moves[i]; m.Old.Overlaps(op.Old) {
			cut(max(at, m.Old.Start), nil)
			cut(min(op.Old.End, m.Old.End), m)
			// The blank line after the paragraph leaves with it.
			if end := min(op.Old.End, m.Old.End+2); strings.TrimSpace(d.old.Slice(span.Span{Start: at, End: end})) == "" {
				out[len(out)-1].op.Old.End, at = end, end
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
func (m Move) movedTo() string   { return fmt.Sprintf("moved to ¶%d", m.NewPara) }
func (m Move) movedFrom() string { return fmt.Sprintf("moved from ¶%d", m.OldPara) }

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
// for a Delete, "moved from ¶3" for an Insert.
func (m Move) Label(kind OpKind) string {
	if kind == Delete {
		return m.movedTo()
	}
	return m.movedFrom()
}
