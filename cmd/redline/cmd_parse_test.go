//go:build !js

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/span"
)

// TestParseGolden runs `redline parse` on the sample article, as a file,
// from standard input, and as the HTML page, against golden JSON.
func TestParseGolden(t *testing.T) {
	sample := filepath.Join("testdata", "parse", "putin-prayed-2025-03-23.txt")
	page := filepath.Join("..", "..", "internal", "article", "testdata", "putin-prayed.html") // the parser's own fixture
	stdin, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		stdin  string
		args   []string
		golden string
	}{
		{"text file", "", []string{"parse", sample}, "putin-prayed-2025-03-23.json"},
		{"stdin", string(stdin), []string{"parse", "-"}, "putin-prayed-2025-03-23.json"},
		{"html file", "", []string{"parse", page}, "putin-prayed-html.json"},
		{"html from stdin is sniffed", readFile(t, page), []string{"parse", "-"}, "putin-prayed-html.json"},
		{"forced format after the file", "", []string{"parse", page, "--format", "text"}, "putin-prayed-html-as-text.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.stdin, tt.args...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			checkParseOutput(t, out)
			compareGolden(t, filepath.Join("testdata", "parse", tt.golden), out)
		})
	}
}

// checkParseOutput checks the JSON decodes as an Article whose paragraph
// offsets are code points into its text.
func checkParseOutput(t *testing.T, out string) {
	t.Helper()
	var a article.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("output is not an article: %v", err)
	}
	ix := span.NewIndex(a.Text)
	for _, p := range a.Paragraphs {
		text := ix.Slice(p.Span)
		if !p.Valid(ix.Len()) || text == "" || strings.TrimSpace(text) != text {
			t.Errorf("paragraph %v is not a trimmed span of the text: %q", p.Span, text)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing file", []string{"parse", "testdata/parse/no-such-file.txt"}, 1, "no-such-file.txt"},
		{"binary file", []string{"parse", "testdata/parse/not-an-article.docx"}, 1, "not-an-article.docx: input is a binary file, not an article: it looks like a ZIP archive"},
		{"unknown flag", []string{"parse", "--nope", "x.txt"}, 2, "flag provided but not defined"},
		{"bad format", []string{"parse", "--format", "pdf", "x.txt"}, 2, `unknown format "pdf"`},
		{"no file", []string{"parse"}, 2, "usage: redline parse FILE"},
		{"two files", []string{"parse", "a.txt", "b.txt"}, 2, "usage: redline parse FILE"},
		{"empty stdin", []string{"parse", "-"}, 1, "-: no article text found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
			if !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "redline: ") {
				t.Errorf("stderr = %q, want one line mentioning %q", errOut, tt.want)
			}
		})
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
