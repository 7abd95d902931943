//go:build !js

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
)

// sharedSample is another tool's real file under ../shared/samples (from
// the repository root), read in place: skipped when absent, fatal under
// CI=true.
func sharedSample(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "samples", name)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing (CI=true)", path)
		}
		t.Skipf("%s is not there: skipping", path)
	}
	return path
}

// importedQuotes decodes what import printed and lists each annotation's
// words in the parsed article's text.
func importedQuotes(t *testing.T, articlePath, out string) []string {
	t.Helper()
	anns, err := annotation.Decode([]byte(out))
	if err != nil {
		t.Fatalf("import printed invalid W3C: %v\n%s", err, out)
	}
	_, parsed, _ := runCLI(t, "", "parse", articlePath)
	var a struct{ Text string }
	if err := json.Unmarshal([]byte(parsed), &a); err != nil {
		t.Fatal(err)
	}
	runes := []rune(a.Text)
	var quotes []string
	for _, x := range anns {
		p := x.Target.Selector.Position
		if got := string(runes[p.Start:p.End]); got != x.Target.Selector.Quote.Exact {
			t.Errorf("position %d–%d holds %q, the quote says %q", p.Start, p.End, got, x.Target.Selector.Quote.Exact)
		}
		quotes = append(quotes, x.Target.Selector.Quote.Exact)
	}
	return quotes
}

func TestImportRealFiles(t *testing.T) {
	tests := []struct {
		page, file string
		quotes     string
		note       string
	}{
		{"recogito-js/index.html", "recogito-js/annotations.w3c.json", "Troy|death in battle|Ithaca", "linking"},
		{"hypothesis-client/minimal.html", "hypothesis-client/minimal.json", "Two", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			page, file := sharedSample(t, tt.page), sharedSample(t, tt.file)
			code, out, errOut := runCLI(t, "", "import", page, file)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if got := strings.Join(importedQuotes(t, page, out), "|"); got != tt.quotes {
				t.Errorf("quotes %q, want %q", got, tt.quotes)
			}
			if tt.note != "" && !strings.Contains(errOut, "note: ") || !strings.Contains(errOut, tt.note) {
				t.Errorf("stderr %q, want a note about %q", errOut, tt.note)
			}
		})
	}
}

func TestImportAllOrNothing(t *testing.T) {
	article := filepath.Join("testdata", "parse", "putin-prayed-2025-03-23.txt")
	file := "T1\tquote 0 5\tsuper smart\nT2\tclaim 0 5\twords that are not there\nT3\tnote 0 5\tneither are these\n"
	code, out, errOut := runCLI(t, file, "import", article, "-")
	if code != 1 || out != "" || strings.Count(errOut, "is not in this story's text") != 2 || !strings.Contains(errOut, "2 of 3 annotations could not be placed, none imported") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, file, "import", "--partial", article, "-")
	if code != 1 || strings.Count(errOut, "not imported: ") != 2 {
		t.Errorf("--partial: exit %d, stderr %q", code, errOut)
	}
	if got := importedQuotes(t, article, out); len(got) != 1 || got[0] != "super smart" {
		t.Errorf("--partial printed %q", got)
	}
	code, _, errOut = runCLI(t, "{\"text\": \"x\", \"label\": [[0, 9, \"X\"]]}", "import", article, "-")
	if code != 1 || !strings.Contains(errOut, "offsets 0–9") {
		t.Errorf("a broken file: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "", "import", "-", "-"); code != 2 {
		t.Errorf("two stdins: exit %d, want 2", code)
	}
}

// TestExportEveryFormatImportsBack exports the golden migrate annotations
// in every span format and imports each back onto the same article.
func TestExportEveryFormatImportsBack(t *testing.T) {
	article := migrateOld
	_, want, errOut := runCLI(t, "", "import", article, migrateAnns)
	wantQuotes := importedQuotes(t, article, want)
	if len(wantQuotes) == 0 {
		t.Fatalf("no annotations to export: %s", errOut)
	}
	for _, format := range []string{"w3c", "doccano", "labelstudio", "brat"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			code, out, errOut := runCLI(t, "", "export", article, migrateAnns, "--to", format, "--out", dir)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			written := strings.Fields(out)
			code, back, errOut := runCLI(t, "", "import", article, written[0])
			if code != 0 {
				t.Fatalf("import of %s: exit %d: %s", written[0], code, errOut)
			}
			if got := importedQuotes(t, article, back); strings.Join(got, "|") != strings.Join(wantQuotes, "|") {
				t.Errorf("came back as %q, want %q", got, wantQuotes)
			}
		})
	}
}

func TestExportStdoutFormats(t *testing.T) {
	tests := []struct {
		format, prefix string
	}{
		{"csv", "\uFEFFkind,text,status,text before,speaker,verdict,tags,note\n"},
		{"claimreview", "["},
		{"doccano", "{\"text\":"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, "", "export", migrateOld, migrateAnns, "--to", tt.format)
		if code != 0 || !strings.HasPrefix(out, tt.prefix) {
			t.Errorf("%s: exit %d, stdout %.80q, stderr %q", tt.format, code, out, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "", "export", migrateOld, migrateAnns, "--to", "brat"); code != 2 || !strings.Contains(errOut, "--out") {
		t.Errorf("brat without --out: exit %d, %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "", "export", migrateOld, migrateAnns, "--to", "pdf"); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
}
