package revision

import (
	"strings"
	"testing"
)

// TestRows checks that side-by-side rows pair each paragraph with what it
// became, give inserted, deleted and moved paragraphs rows of their own,
// and cover both texts in order.
func TestRows(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old, new string
		want     []string // "old ¶ | new ¶" per row, from 1, "" for an empty cell
	}{
		{"unchanged", "A one.\n\nB two.", "A one.\n\nB two.", []string{"1|1", "2|2"}},
		{"edited in place", "A one two.\n\nB two.", "A one three.\n\nB two.", []string{"1|1", "2|2"}},
		{"inserted", "A one.\n\nB two.", "A one.\n\nNew words here.\n\nB two.", []string{"1|1", "|2", "2|3"}},
		{"deleted", "A one.\n\nGone words.\n\nB two.", "A one.\n\nB two.", []string{"1|1", "2|", "3|2"}},
		{"split in two", "Alpha one two three four five six.", "Alpha one two three.\n\nFour five six.", []string{"1|1-2"}},
		{"moved", "Moved para holds these words.\n\n" + gains + "\n\n" + lede, gains + "\n\n" + lede + "\n\nMoved para holds these words.",
			[]string{"1|", "2|1", "3|2", "|3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Compute(tc.old, tc.new)
			var got []string
			for _, r := range d.Rows() {
				got = append(got, paraNumbers(r.OldParas)+"|"+paraNumbers(r.NewParas))
				if r.Old.Empty() != (r.OldParas[0] == r.OldParas[1]) || r.New.Empty() != (r.NewParas[0] == r.NewParas[1]) {
					t.Errorf("row %+v: cells and paragraph ranges disagree", r)
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("rows %v, want %v", got, tc.want)
			}
		})
	}
}
