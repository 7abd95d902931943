package migrate

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// FuzzMigrate edits a text at random (deletions, insertions, moved and
// duplicated passages, straightened quotes), migrates annotations on random
// spans of it and checks what must always hold: a placed annotation's span
// is valid in the new text and holds After, its selectors describe that
// span, intact and moved annotations have the same words as before (modulo
// the typographic noise the diff ignores), so an annotation whose text no
// longer occurs in any spelling is never intact or moved, and every migrated
// annotation is valid. Orphans are then migrated back onto the old text,
// where their words return, and may only come back as moved onto them.
func FuzzMigrate(f *testing.F) {
	f.Add(sampleText(f), []byte{0, 40, 9, 1, 90, 3, 2, 200, 60, 3, 10, 30, 4, 120, 0}, []byte{10, 20, 40, 10, 100, 50, 200, 30})
	f.Add("Le cafe\u0301 🇫🇷 est 𝔘𝔫 délice 👍🏽.\n\nIl a dit « oui ».\n\nIl a dit « oui ».", []byte{2, 10, 80, 1, 250, 7, 0, 128, 20}, []byte{0, 40, 128, 60, 190, 40})
	f.Add("“super smart” and not “a bad guy.”", []byte{4, 0, 0, 1, 60, 2}, []byte{0, 80, 100, 90})
	f.Fuzz(func(t *testing.T, oldText string, edits, marks []byte) {
		if !utf8.ValidString(oldText) || len(oldText) > 1<<12 || utf8.RuneCountInString(oldText) == 0 {
			return
		}
		newText := applyEdits(oldText, edits)
		anns := fuzzAnnotations(oldText, marks)
		results := Migrate(oldText, newText, nil, anns)
		if len(results) != len(anns) {
			t.Fatalf("%d results for %d annotations", len(results), len(anns))
		}
		newIx := span.NewIndex(newText)
		oldIx := span.NewIndex(oldText)
		for i, r := range results {
			checkInvariants(t, newText, newIx, anns[i], r)
			if r.Status != annotation.StatusOrphaned {
				continue
			}
			// Edited back to the old text, the orphan's words return
			// verbatim. One that its quote cannot place on the new text
			// (no old span) may be carried again, but only as moved onto
			// exactly its words.
			back := Migrate(newText, oldText, nil, []annotation.Annotation{r.Annotation})[0]
			checkInvariants(t, oldText, oldIx, r.Annotation, back)
			if back.Old.Empty() && back.Status != annotation.StatusOrphaned && (back.Status != annotation.StatusMoved || back.After != r.Before) {
				t.Errorf("orphan %q brought back as %s %q", r.Before, back.Status, back.After)
			}
		}
	})
}

func checkInvariants(t *testing.T, newText string, newIx *span.Index, a annotation.Annotation, r Result) {
	t.Helper()
	if err := r.Annotation.Validate(); err != nil {
		t.Errorf("%q: invalid migrated annotation: %v", r.Before, err)
	}
	if r.Moved != r.Annotation.Moved || r.Moved && r.Status != annotation.StatusChanged {
		t.Errorf("%q: %s with moved %v (annotation %v)", r.Before, r.Status, r.Moved, r.Annotation.Moved)
	}
	if r.Status == annotation.StatusOrphaned {
		if r.After != "" || r.New != (span.Span{}) || r.Annotation.Target.Selector.Position != nil {
			t.Errorf("%q: orphaned with after %q at %v", r.Before, r.After, r.New)
		}
		return
	}
	if r.New.Empty() || !r.New.Valid(newIx.Len()) || newIx.Slice(r.New) != r.After {
		t.Fatalf("%q: %s at %v, which is not %q in the new text", r.Before, r.Status, r.New, r.After)
	}
	sel := r.Annotation.Target.Selector
	if sel.Position == nil || sel.Position.Start != r.New.Start || sel.Position.End != r.New.End || sel.Quote.Exact != r.After {
		t.Errorf("%q: selectors %+v %+v do not describe %v", r.Before, sel.Quote, sel.Position, r.New)
	}
	// Intact and moved mean the same words: the exact text, or (as the
	// diff sees it) the same text with straightened quotes or respaced.
	sameWords := r.After == r.Before || len(revision.Compute(r.Before, r.After).Hunks()) == 0
	if (r.Status == annotation.StatusIntact || r.Status == annotation.StatusMoved) && !sameWords {
		t.Errorf("%s %q onto other words %q", r.Status, r.Before, r.After)
	}
	if !strings.Contains(newText, r.Before) && !sameWords && r.Status != annotation.StatusChanged {
		t.Errorf("%q is not in the new text, yet %s onto %q", r.Before, r.Status, r.After)
	}
}

// fuzzPhrases are what edits insert: words, a repeated phrase, emoji and
// combining marks.
var fuzzPhrases = []string{"the war", " Putin ", "“very smart”", "\n\n", "🇫🇷 ", "cafe\u0301", "𝔘", ", he said,"}

// applyEdits applies edits three bytes at a time: what to do, where (a
// fraction of the text) and how much.
func applyEdits(text string, edits []byte) string {
	for ; len(edits) >= 3; edits = edits[3:] {
		runes := []rune(text)
		at := int(edits[1]) * len(runes) / 256
		end := min(len(runes), at+int(edits[2])%48)
		cut := string(runes[at:end])
		before, after := string(runes[:at]), string(runes[end:])
		switch edits[0] % 5 {
		case 0: // delete
			text = before + after
		case 1: // insert
			text = before + fuzzPhrases[int(edits[2])%len(fuzzPhrases)] + string(runes[at:])
		case 2: // move the passage to the end
			text = before + after + cut
		case 3: // duplicate the passage at the start
			text = cut + text
		case 4: // straighten quotes (typographic noise)
			text = strings.NewReplacer("“", `"`, "”", `"`, "’", "'").Replace(text)
		}
	}
	return text
}

// fuzzAnnotations describes one span of text per two bytes of marks:
// where it starts (a fraction of the text) and how long it is.
func fuzzAnnotations(text string, marks []byte) []annotation.Annotation {
	t := anchor.NewText(text)
	var anns []annotation.Annotation
	for ; len(marks) >= 2; marks = marks[2:] {
		start := int(marks[0]) * t.Len() / 256
		s := span.Span{Start: start, End: min(t.Len(), start+1+int(marks[1])%64)}
		anns = append(anns, annotation.Annotation{
			ID:     fmt.Sprintf("urn:redline:fuzz:%d", len(anns)),
			Kind:   annotation.KindNote,
			Target: annotation.Target{Source: annotation.StorySource("fuzz"), Selector: anchor.Describe(t, s)},
		})
	}
	return anns
}
