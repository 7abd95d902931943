package revision

import (
	"strings"
	"testing"
)

// TestSentenceMoveEnds checks that a sentence moved within its paragraph
// is labelled and linked at both ends in every format, and that the
// pieces renderers draw give its arrival the hunk of its insertion.
func TestSentenceMoveEnds(t *testing.T) {
	old := talks + " " + gains + " " + issue
	new := gains + " " + issue + " " + strings.Replace(talks, "resolving", "ending", 1)
	d := Compute(old, new)
	if len(d.Moves) != 1 {
		t.Fatalf("%d moves, want 1", len(d.Moves))
	}
	m := d.Moves[0]
	if !m.Sentence || m.OldPara != 1 || m.OldSentence != 1 || m.NewPara != 1 || m.NewSentence != 3 {
		t.Errorf("move %+v, want sentence 1 of ¶1 to sentence 3 of ¶1", m)
	}
	var js, html strings.Builder
	if err := WriteJSON(&js, d); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&html, d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"sentence": true`, `"fromSentence": 1`, `"toSentence": 3`, `"sentencesMoved": 1`, `"movedTo": 1`, `"movedFrom": 1`} {
		if !strings.Contains(js.String(), want) {
			t.Errorf("JSON lacks %s:\n%s", want, js.String())
		}
	}
	for _, want := range []string{`id="moved-from-1-1"`, `href="#moved-to-1-3"`, `id="moved-to-1-3"`, `href="#moved-from-1-1"`, "moved from ¶1, sentence 1", "<del>resolving</del><ins>ending</ins>"} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("HTML lacks %s:\n%s", want, html.String())
		}
	}
	hunks := map[int]bool{}
	for _, p := range d.Pieces() {
		switch {
		case p.Arrival:
			if p.Hunk != 1 {
				t.Errorf("arrival in hunk %d, want 1 (the insertion's)", p.Hunk)
			}
		case p.Op.Kind == Equal:
			if p.Hunk != -1 {
				t.Errorf("unchanged piece in hunk %d", p.Hunk)
			}
		default:
			hunks[p.Hunk] = true
		}
	}
	if len(hunks) != len(d.Hunks()) {
		t.Errorf("pieces in hunks %v, %d hunks", hunks, len(d.Hunks()))
	}
}
