package migrate

import (
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
)

const stressed = "He stressed, speaking to Carlson, the importance of talking in resolving conflicts, including the war in Ukraine."

// TestMovedEdited checks the rule for passages moved and edited at once
// on the sample article: placed with Moved when it is clearly the same
// passage, orphaned when the new text only resembles it.
func TestMovedEdited(t *testing.T) {
	moveAndEdit := []edit{
		moveParagraph("He emphasised", "The assassination attempt on Trump"),
		replace(emphasised, stressed),
	}
	for _, tc := range []struct {
		name   string
		edits  []edit
		quotes []quoteAt
		want   []want
		moved  []bool
	}{
		{
			name:   "a sentence moved and reworded is changed and moved",
			edits:  moveAndEdit,
			quotes: []quoteAt{{emphasised, 0}, {"the importance of communication in resolving conflicts, including the war", 0}, {"“super smart”", 0}},
			want: []want{
				{annotation.StatusChanged, stressed, 0},
				{annotation.StatusChanged, "the importance of talking in resolving conflicts, including the war", 0},
				{annotation.StatusIntact, "“super smart”", 0},
			},
			moved: []bool{true, true, false},
		},
		{
			name:   "a moved and edited sentence written twice attracts neither copy",
			edits:  append(moveAndEdit, replace("future negotiations.", "future negotiations.\n\n"+stressed)),
			quotes: []quoteAt{{emphasised, 0}},
			want:   []want{orphaned()},
		},
		{
			name: "a new sentence sharing only names and small words attracts nothing",
			edits: []edit{
				replace(emphasised+"\n\n", ""),
				replace("future negotiations.", "future negotiations.\n\nHe met the envoy in Ukraine, including the talks in Moscow on conflicts."),
			},
			quotes: []quoteAt{{emphasised, 0}},
			want:   []want{orphaned()},
		},
		{
			name: "a sentence cut and moved is changed and moved",
			edits: []edit{
				replace(emphasised, "He stressed the importance of communication in resolving conflicts."),
				moveParagraph("He stressed", "The assassination attempt on Trump"),
			},
			quotes: []quoteAt{{emphasised, 0}},
			want:   []want{{annotation.StatusChanged, "He stressed the importance of communication in resolving conflicts.", 0}},
			moved:  []bool{true},
		},
		{
			name:   "a quote whose words were all replaced stays orphaned though its sentence moved",
			edits:  moveAndEdit,
			quotes: []quoteAt{{"emphasised", 0}, {"He emphasised the importance", 0}},
			want:   []want{orphaned(), {annotation.StatusChanged, "He stressed, speaking to Carlson, the importance", 0}},
			moved:  []bool{false, true},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			oldText := sampleText(t)
			newText := oldText
			for _, e := range tc.edits {
				newText = e(t, newText)
			}
			results := Migrate(oldText, newText, nil, annotate(t, oldText, tc.quotes))
			for i, r := range results {
				w := tc.want[i]
				if r.Status != w.status || r.Status != annotation.StatusOrphaned && r.After != w.after {
					t.Errorf("%q: got %s %q, want %s %q", tc.quotes[i].exact, r.Status, r.After, w.status, w.after)
				}
				moved := i < len(tc.moved) && tc.moved[i]
				if r.Moved != moved || r.Annotation.Moved != moved {
					t.Errorf("%q: moved %v (annotation %v), want %v", tc.quotes[i].exact, r.Moved, r.Annotation.Moved, moved)
				}
				if w.status != annotation.StatusOrphaned && !strings.Contains(newText, r.After) {
					t.Errorf("%q: after %q is not in the new text", tc.quotes[i].exact, r.After)
				}
				if err := r.Annotation.Validate(); err != nil {
					t.Errorf("%q: %v", tc.quotes[i].exact, err)
				}
			}
		})
	}
}
