package revision

import (
	"errors"
	"fmt"

	"github.com/redline-news/redline/internal/span"
)

// Wire is a Diff as plain data, for sending it between the page and the
// worker that computes it (package corecall): the two texts travel apart,
// as both sides already have them.
type Wire struct {
	Ops   []Op   `json:"ops"`
	Stats Stats  `json:"stats"`
	Moves []Move `json:"moves,omitempty"`
	// Hunks are [first, last) ranges of Ops, one per hunk.
	Hunks [][2]int `json:"hunks,omitempty"`
	Noise []Op     `json:"noise,omitempty"`
}

// Wire returns d as plain data; FromWire rebuilds it.
func (d *Diff) Wire() Wire {
	w := Wire{Ops: d.Ops, Stats: d.Stats, Moves: d.Moves, Noise: d.noise}
	first := 0
	for _, h := range d.hunks {
		for first < len(d.Ops) && d.Ops[first] != h.Ops[0] {
			first++
		}
		w.Hunks = append(w.Hunks, [2]int{first, first + len(h.Ops)})
		first += len(h.Ops)
	}
	return w
}

// FromWire rebuilds the Diff of oldText against newText from w, without
// diffing anything. It refuses data that does not fit the texts (a span
// past their ends, a hunk outside the ops), which only a bug or a
// mismatched pair of texts would send.
func FromWire(oldText, newText string, w Wire) (*Diff, error) {
	d := &Diff{Ops: w.Ops, Stats: w.Stats, Moves: w.Moves, noise: w.Noise,
		old: span.NewIndex(oldText), new: span.NewIndex(newText)}
	fits := func(ops []Op) bool {
		for _, op := range ops {
			if !d.fits(op.Old, d.old) || !d.fits(op.New, d.new) {
				return false
			}
		}
		return true
	}
	ok := fits(w.Ops) && fits(w.Noise)
	for _, m := range w.Moves {
		ok = ok && fits(m.Ops) && d.fits(m.Old, d.old) && d.fits(m.New, d.new)
	}
	if !ok {
		return nil, errors.New("diff does not fit its texts")
	}
	for _, r := range w.Hunks {
		if r[0] < 0 || r[0] >= r[1] || r[1] > len(d.Ops) {
			return nil, fmt.Errorf("diff hunk %v is outside its %d ops", r, len(d.Ops))
		}
		d.hunks = append(d.hunks, d.hunk(r[0], r[1]))
	}
	return d, nil
}

func (d *Diff) fits(s span.Span, in *span.Index) bool {
	return 0 <= s.Start && s.Start <= s.End && s.End <= in.Len()
}
