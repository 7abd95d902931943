//go:build !js

package main

import (
	"os"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
)

const suggestSample = "../../testdata/putin-prayed-2025-03-23.txt"

// TestSuggestSample: the output decodes as valid annotations, every
// selector anchors by position onto the parsed text, and the sample's
// quotes come with their speakers.
func TestSuggestSample(t *testing.T) {
	code, out, errOut := runCLI(t, "", "suggest", suggestSample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	anns, err := annotation.Decode([]byte(out))
	if err != nil {
		t.Fatalf("output does not decode: %v", err)
	}
	data, err := os.ReadFile(suggestSample)
	if err != nil {
		t.Fatal(err)
	}
	art, err := article.Parse(data, article.DetectFormat(suggestSample, data))
	if err != nil {
		t.Fatal(err)
	}
	text := anchor.NewText(art.Text)
	speakers := map[string]string{}
	claims := 0
	for _, a := range anns {
		if err := a.Validate(); err != nil {
			t.Errorf("invalid: %v", err)
		}
		if !a.Suggested || a.Suggester != suggesterName {
			t.Errorf("%s: not marked as suggested by %s", a.ID, suggesterName)
		}
		if a.Target.Source != "urn:redline:story:putin-prayed-2025-03-23" || a.Target.SourceDate != art.Date {
			t.Errorf("%s: target %q dated %q", a.ID, a.Target.Source, a.Target.SourceDate)
		}
		m, ok := anchor.Anchor(text, a.Target.Selector)
		if !ok || m.Method != anchor.ByPosition {
			t.Errorf("%s: selector %+v does not anchor by position", a.ID, a.Target.Selector.Quote)
		}
		switch a.Kind {
		case annotation.KindQuote:
			speakers[a.Target.Selector.Quote.Exact] = a.Speaker
		case annotation.KindClaim:
			claims++
		}
		if !strings.Contains(a.Note, "score") {
			t.Errorf("%s: note %q does not give the score", a.ID, a.Note)
		}
	}
	want := map[string]string{
		"friend.":                   "Vladimir Putin",
		"super smart":               "Steve Witkoff",
		"a bad guy.":                "Steve Witkoff",
		"the elephant in the room.": "Steve Witkoff",
	}
	for q, s := range want {
		if speakers[q] != s {
			t.Errorf("quote %q: speaker %q, want %q", q, speakers[q], s)
		}
	}
	if len(speakers) != len(want) || claims == 0 {
		t.Errorf("got quotes %v and %d claims", speakers, claims)
	}
}

// TestSuggestIDsAreStable: the same input gives the same ids, so repeated
// runs do not duplicate suggestions.
func TestSuggestIDsAreStable(t *testing.T) {
	input := "“Prices will fall,” said Jane Roe. 😀 🇫🇷 e\u0301 𝔘\n\nThe city spent $4 million on the bridge in 2024, more than planned."
	var ids [2][]string
	for i := range ids {
		code, out, errOut := runCLI(t, input, "suggest", "--source", "urn:example:story", "-")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		anns, err := annotation.Decode([]byte(out))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range anns {
			ids[i] = append(ids[i], a.ID)
			if a.Target.Source != "urn:example:story" {
				t.Errorf("source %q, want the --source value", a.Target.Source)
			}
		}
	}
	if len(ids[0]) < 2 || strings.Join(ids[0], " ") != strings.Join(ids[1], " ") {
		t.Errorf("ids %v then %v, want the same, the quote and the claim among them", ids[0], ids[1])
	}
}

func TestSuggestErrors(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  string
	}{
		{"no file", []string{"suggest"}, "", 2, "usage: redline suggest"},
		{"missing file", []string{"suggest", "testdata/no-such-file.txt"}, "", 1, "no-such-file"},
		{"empty input", []string{"suggest", "-"}, "   \n", 1, "redline: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code || out != "" || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and one line with %q", code, out, errOut, tt.code, tt.want)
			}
		})
	}
}
