package migrate

import (
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/span"
)

// An annotation orphaned on v2 (its words deleted) keeps only its quote;
// on v3 it is carried again when, and only when, its words come back
// verbatim and anchor would place them with confidence in inserted text.
func TestMigrateOrphanThatComesBack(t *testing.T) {
	const (
		v1    = "Trump called Putin a friend of his at the summit. The talks went on.\n\nWitkoff said the war must end soon."
		v2    = "Trump called Putin a rival at the summit. The talks went on.\n\nWitkoff said the war must end soon."
		quote = "a friend of his"
	)
	tests := []struct {
		name  string
		v3    string
		want  annotation.Status
		after string // "" when orphaned
		nth   int
	}{
		{"the words come back where they were", v1, annotation.StatusMoved, quote, 0},
		{"the words come back with their paragraph, elsewhere",
			"Witkoff said the war must end soon.\n\nTrump called Putin a friend of his at the summit. The talks went on.", annotation.StatusMoved, quote, 0},
		{"the words come back twice among foreign words",
			strings.Replace(v2, "The talks", "Biden is a friend of his rival, he said. Or a friend of his wife. The talks", 1), annotation.StatusOrphaned, "", 0},
		{"the words come back once among foreign words",
			strings.Replace(v2, "The talks", "Biden is a friend of his rival, he said. The talks", 1), annotation.StatusOrphaned, "", 0},
		{"edited words do not count", strings.Replace(v1, quote, "a friend of mine", 1), annotation.StatusOrphaned, "", 0},
		{"nothing comes back", strings.Replace(v2, "soon", "now", 1), annotation.StatusOrphaned, "", 0},
	}
	ann := annotate(t, v1, []quoteAt{{quote, 0}})[0]
	first := Migrate(v1, v2, nil, []annotation.Annotation{ann})[0]
	if first.Status != annotation.StatusOrphaned {
		t.Fatalf("v1 → v2: got %s, want orphaned", first.Status)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Migrate(v2, tt.v3, nil, []annotation.Annotation{first.Annotation})[0]
			var wantNew span.Span
			if tt.after != "" {
				wantNew, _ = occurrence(tt.v3, tt.after, tt.nth)
			}
			if r.Status != tt.want || r.After != tt.after || r.New != wantNew {
				t.Errorf("got %s %q at %v, want %s %q at %v", r.Status, r.After, r.New, tt.want, tt.after, wantNew)
			}
			if r.Before != quote || r.Annotation.Before != quote || r.Annotation.Status != r.Status || r.Old != (span.Span{}) {
				t.Errorf("before %q / %q, status %s, old %v: want the quote, the status, no old span", r.Before, r.Annotation.Before, r.Annotation.Status, r.Old)
			}
			if err := r.Annotation.Validate(); err != nil {
				t.Error(err)
			}
			sel := r.Annotation.Target.Selector
			switch {
			case r.Status == annotation.StatusOrphaned && (sel.Position != nil || sel.Quote == nil || *sel.Quote != *first.Annotation.Target.Selector.Quote):
				t.Errorf("an orphan keeps its quote only, got %+v %+v", sel.Quote, sel.Position)
			case r.Status != annotation.StatusOrphaned && (sel.Position == nil || sel.Position.Start != r.New.Start || sel.Quote.Exact != quote):
				t.Errorf("selectors %+v %+v do not describe %v", sel.Quote, sel.Position, r.New)
			}
		})
	}
}

// The words of an annotation that the old text cannot place are not
// taken from text that survived unchanged: there they were other words.
func TestMigrateOrphanNotOntoSurvivingWords(t *testing.T) {
	const text = "He called it a friend of his. Then he left."
	a := annotation.Annotation{ID: "urn:x:1", Kind: annotation.KindNote, Target: annotation.Target{Source: "urn:x",
		Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: "a friend of his", Prefix: "Trump called Putin ", Suffix: " at the summit."}}}}
	for name, newText := range map[string]string{
		"unchanged":        text,
		"edited elsewhere": strings.Replace(text, "left", "went home", 1),
	} {
		if r := Migrate(text, newText, nil, []annotation.Annotation{a})[0]; r.Status != annotation.StatusOrphaned {
			t.Errorf("%s: got %s %q, want orphaned", name, r.Status, r.After)
		}
	}
}
