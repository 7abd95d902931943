package annotation

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/redline-news/redline/internal/anchor"
)

func decodeFile(t *testing.T, name string) []Annotation {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "decode", name))
	if err != nil {
		t.Fatal(err)
	}
	anns, err := Decode(data)
	if err != nil {
		var problems []Problem
		if de, ok := err.(*DecodeError); ok {
			problems = de.Problems
		}
		t.Fatalf("%s: %v\n%v", name, err, problems)
	}
	return anns
}

func TestDecodeOtherTools(t *testing.T) {
	rt := "https://www.rt.com/news/putin-prayed-for-trump/"
	recogito := "https://recogito.pelagios.org/document/k2x9qv/part/1"
	tests := []struct {
		file string
		want []Annotation
	}{
		{"hypothesis.jsonld", []Annotation{
			{
				ID: "https://hypothes.is/a/Jc7xQkd2Ee-ABCDEFGHIJ", Kind: KindClaim, Tags: []string{"sourcing"},
				Note:    "Witkoff is hardly a neutral source 🤔",
				Created: at("2025-03-23T11:02:31Z"), Modified: at("2025-03-23T11:04:00Z"), Creator: "acct:ana@hypothes.is",
				Target: Target{Source: rt, Selector: anchor.Selector{
					Quote:    quote("Putin went to a church and prayed for the US president", "podcast, Witkoff revealed that ", " after the assassination attempt"),
					Position: position(261, 315)}},
			},
			{
				ID: "https://hypothes.is/a/Kd8yRle3Ff-KLMNOPQRST", Kind: KindQuote,
				Created: at("2025-03-23T11:10:00Z"), Modified: at("2025-03-23T11:10:00Z"), Creator: "acct:ana@hypothes.is",
				Target: Target{Source: rt, Selector: anchor.Selector{Quote: quote("super smart", "calling him “", "” and not “a bad")}},
			},
		}},
		{"recogito.jsonld", []Annotation{
			{
				ID: "https://recogito.pelagios.org/annotation/5d9c6b2e-0b7a-4c1e-9f38-2a5d1c7e8f01", Kind: KindQuote,
				Speaker: "Steve Witkoff", Note: "Said on Tucker Carlson’s podcast.",
				Target: Target{Source: recogito, Selector: anchor.Selector{Quote: quote("super smart", "", ""), Position: position(1046, 1057)}},
			},
			{
				ID: "https://recogito.pelagios.org/annotation/5d9c6b2e-0b7a-4c1e-9f38-2a5d1c7e8f02", Kind: KindNote,
				Speaker: "PERSON", Tags: []string{"Zaporizhzhia 🇺🇦", "Ukraine"},
				Target: Target{Source: recogito, Selector: anchor.Selector{Quote: quote("Zaporizhzhia", "", ""), Position: position(1567, 1579)}},
			},
		}},
		{"quote-only.jsonld", []Annotation{{
			ID: "http://example.org/anno/quote-only", Kind: KindNote, Note: "Needs a second source.",
			Target: Target{Source: "urn:redline:story:putin-prayed", Selector: anchor.Selector{Quote: quote("a “friend.”", "described Trump as ", "")}},
		}}},
		{"page.jsonld", []Annotation{{
			ID: "http://example.org/anno/1", Kind: KindClaim,
			Target: Target{Source: "https://example.org/article", SourceDate: "2025-03-23", Selector: anchor.Selector{Position: position(0, 4)}},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := decodeFile(t, tt.file)
			sameAnnotations(t, got, tt.want)
			// What Redline decodes it can write back, and read again unchanged.
			data, err := MarshalCollection(tt.file, got)
			if err != nil {
				t.Fatal(err)
			}
			again, err := Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			sameAnnotations(t, again, got)
		})
	}
}
