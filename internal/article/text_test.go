package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gutenberg is the opening of Pride and Prejudice as Project Gutenberg
// ships it (eBook #1342): hard-wrapped near 70 columns, paragraphs
// separated by blank lines.
const gutenberg = `It is a truth universally acknowledged, that a single man in possession
of a good fortune, must be in want of a wife.

However little known the feelings or views of such a man may be on his
first entering a neighbourhood, this truth is so well fixed in the minds
of the surrounding families, that he is considered the rightful property
of some one or other of their daughters.

“My dear Mr. Bennet,” said his lady to him one day, “have you heard that
Netherfield Park is let at last?”

Mr. Bennet replied that he had not.
`

// pastedNews is the sample article's opening as copied from a web page
// into a text editor: one paragraph per line, no blank lines.
func pastedNews(t *testing.T) (string, []string) {
	data, err := os.ReadFile("testdata/putin-prayed-2025-03-23.txt")
	if err != nil {
		t.Fatal(err)
	}
	paragraphs := strings.Split(strings.TrimPrefix(string(data), " date 2025-03-23 "), "\n\n")[:5]
	return strings.Join(paragraphs, "\n") + "\n", paragraphs
}

func TestTextParagraphShapes(t *testing.T) {
	news, newsParagraphs := pastedNews(t)
	tests := []struct {
		name       string
		in         string
		paragraphs []string
	}{
		{"hard-wrapped (Project Gutenberg)", gutenberg, []string{
			"It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.",
			"However little known the feelings or views of such a man may be on his first entering a neighbourhood, this truth is so well fixed in the minds of the surrounding families, that he is considered the rightful property of some one or other of their daughters.",
			"“My dear Mr. Bennet,” said his lady to him one day, “have you heard that Netherfield Park is let at last?”",
			"Mr. Bennet replied that he had not.",
		}},
		{"one paragraph per line (pasted news)", news, newsParagraphs},
		{"one short paragraph per line, quotes closing them", "He said: “Go.”\nShe left.\nThey stayed (for now.)\nIt rained!\n",
			[]string{"He said: “Go.”", "She left.", "They stayed (for now.)", "It rained!"}},
		{"long lines that end mid-sentence are still paragraphs", strings.Repeat("word ", 30) + "and\n" + strings.Repeat("more ", 30) + "then\n",
			[]string{strings.Repeat("word ", 30) + "and", strings.Repeat("more ", 30) + "then"}},
		{"a wrap that happens to end a sentence", "The council met on Monday. It\nvoted to close the pool. The\nmayor said nothing.\nResidents objected loudly and\nat length.",
			[]string{"The council met on Monday. It voted to close the pool. The mayor said nothing. Residents objected loudly and at length."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse([]byte(tt.in), FormatText)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if got := paragraphTexts(a); strings.Join(got, "\n") != strings.Join(tt.paragraphs, "\n") {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tt.paragraphs)
			}
		})
	}
}

func paragraphTexts(a *Article) []string {
	runes := []rune(a.Text)
	var out []string
	for _, p := range a.Paragraphs {
		out = append(out, string(runes[p.Start:p.End]))
	}
	return out
}

func TestTextTitleLine(t *testing.T) {
	tests := []struct {
		name, in, title, first string
	}{
		{"a headline above the text", "Putin prayed for Trump, Witkoff says\n\nThe envoy spoke on a podcast.", "Putin prayed for Trump, Witkoff says", "The envoy spoke on a podcast."},
		{"a question is a headline", "Who prays for whom?\nThe envoy spoke on a podcast.\nHe said so twice.", "Who prays for whom?", "The envoy spoke on a podcast."},
		{"a dateline is not a title", "FAIRFAX, Va. —\nThe group’s largest donor died.\nHe was a collector.\nHe lived in Los Angeles.", "", "FAIRFAX, Va. —"},
		{"a first sentence is not a title", "The envoy spoke.\n\nHe said so twice.", "", "The envoy spoke."},
		{"a wrapped first paragraph is not a title", "The envoy spoke on a\npodcast on Monday.\n\nHe said so twice.", "", "The envoy spoke on a podcast on Monday."},
		{"a header title wins", "title: Given\n\nA headline\n\nText.", "Given", "A headline"},
		{"two sentences are not a title", "“Prices will fall,” said Jane Roe. 😀\n\nText.", "", "“Prices will fall,” said Jane Roe. 😀"},
		{"a lone line stays the text", "Just a headline", "", "Just a headline"},
		{"a too long line is not a title", strings.Repeat("long ", 30) + "\n\nText.", "", strings.TrimSpace(strings.Repeat("long ", 30))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse([]byte(tt.in), FormatText)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || paragraphTexts(a)[0] != tt.first {
				t.Errorf("title %q, first paragraph %q; want %q, %q", a.Title, paragraphTexts(a)[0], tt.title, tt.first)
			}
		})
	}
}

// TestTextRealLinePerParagraph reads the NewsEdits stories of
// ../shared/corpora/revisions (one sentence a line, as the publishers'
// text was printed): every line must be a paragraph of its own.
func TestTextRealLinePerParagraph(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpora/revisions/*/v1.txt")
	if len(files) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("../shared/corpora/revisions is missing")
		}
		t.Skip("../shared/corpora/revisions is missing")
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Parse(data, FormatText)
		if err != nil {
			t.Fatal(err)
		}
		lines := 0
		for _, line := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(line) != "" {
				lines++
			}
		}
		if a.Title != "" {
			lines-- // the headline line became the title
		}
		if len(a.Paragraphs) != lines {
			t.Errorf("%s: %d paragraphs from %d lines", filepath.Base(filepath.Dir(path)), len(a.Paragraphs), lines)
		}
	}
}
