package interop

import (
	"slices"
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/span"
)

// emojiText has astral characters (two UTF-16 code units, one code point)
// before every annotated passage, so any unit mix-up shifts a span.
const emojiText = "🇫🇷 Le président 😀 a dit: « Nous gagnerons 𝄞 la guerre ». Les chiffres 📈 montrent une hausse de 12 %.\n\nUn analyste 🧐 a démenti."

func emojiAnnotations(t *testing.T) (*anchor.Text, []annotation.Annotation) {
	t.Helper()
	text := anchor.NewText(emojiText)
	at := func(words string) anchor.Selector {
		for i := range []rune(emojiText) {
			s := span.Span{Start: i, End: i + len([]rune(words))}
			if s.End <= text.Len() && text.Index().Slice(s) == words {
				return anchor.Describe(text, s)
			}
		}
		t.Fatalf("%q is not in the text", words)
		return anchor.Selector{}
	}
	src := annotation.StorySource("s")
	return text, []annotation.Annotation{
		{ID: "urn:uuid:00000000-0000-4000-8000-000000000001", Kind: annotation.KindQuote, Speaker: "Le président",
			Target: annotation.Target{Source: src, Selector: at("Nous gagnerons 𝄞 la guerre")}},
		{ID: "urn:uuid:00000000-0000-4000-8000-000000000002", Kind: annotation.KindClaim, Verdict: annotation.VerdictMostlyFalse,
			Tags: []string{"économie", "chiffres"}, Note: "Source: INSEE.\nVoir \\ tableau.",
			Target: annotation.Target{Source: src, Selector: at("une hausse de 12 %")}},
		{ID: "urn:uuid:00000000-0000-4000-8000-000000000003", Kind: annotation.KindNote, Note: "qui ?",
			Target: annotation.Target{Source: src, Selector: at("Un analyste 🧐")}},
	}
}

// TestExportImportRoundTrip exports in each format, reads the files back
// and places them on a fresh copy of the text: the same annotations, on
// the same words.
func TestExportImportRoundTrip(t *testing.T) {
	text, anns := emojiAnnotations(t)
	for _, f := range []Format{W3C, Doccano, LabelStudio, Brat} {
		t.Run(string(f), func(t *testing.T) {
			files, err := Export(f, Story{Title: "T", Text: text, Name: "story"}, anns)
			if err != nil {
				t.Fatal(err)
			}
			var read *File
			if f == Brat {
				read, err = ReadBrat(files[0].Data, files[1].Data, annotation.StorySource("fresh"))
			} else {
				if got := Detect(files[0].Data); got != f {
					t.Errorf("the export is detected as %q", got)
				}
				read, err = Read(files[0].Data, annotation.StorySource("fresh"))
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, files[0].Data)
			}
			fresh := anchor.NewText(emojiText)
			placed, unplaced := Place(fresh, read.Items)
			if len(unplaced) > 0 || len(placed) != len(anns) {
				t.Fatalf("placed %d of %d: %q\n%s", len(placed), len(anns), unplaced, files[0].Data)
			}
			for i, p := range placed {
				want := anns[i]
				got := p.Annotation
				if got.Kind != want.Kind || got.Speaker != want.Speaker || got.Verdict != want.Verdict ||
					!slices.Equal(got.Tags, want.Tags) || got.Note != want.Note {
					t.Errorf("annotation %d came back as %+v, want %+v", i, got, want)
				}
				if *got.Target.Selector.Position != *want.Target.Selector.Position || p.Approximate {
					t.Errorf("annotation %d on %v (%q), want %v", i, *got.Target.Selector.Position, fresh.Index().Slice(p.Span), *want.Target.Selector.Position)
				}
			}
		})
	}
}
