//go:build !js

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/span"
)

// The sample article, its next revision (a quote reworded, a paragraph
// deleted and one moved, a name respelled, curly quotes straightened) and
// annotations on the first, one of them quote-only as other tools write.
const (
	migrateOld  = "testdata/migrate/putin-prayed-2025-03-23.txt"
	migrateNew  = "testdata/migrate/putin-prayed-2025-03-24.txt"
	migrateAnns = "testdata/migrate/annotations.jsonld"
)

// runMigrateCLI runs redline migrate with a report and returns the
// collection it printed and the report it wrote.
func runMigrateCLI(t *testing.T, stdin string, args ...string) (collection, report string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.json")
	code, out, errOut := runCLI(t, stdin, append(append([]string{"migrate"}, args...), "--report", path)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	return out, readFile(t, path)
}

func TestMigrateGolden(t *testing.T) {
	collection, report := runMigrateCLI(t, "", migrateOld, migrateNew, migrateAnns)
	compareGolden(t, "testdata/migrate/putin.jsonld", collection)
	compareGolden(t, "testdata/migrate/putin.report.json", report)
}

// TestMigrateOutput checks what every output must be: valid W3C JSON whose
// positions pick each quote out of NEW's canonical text, dated NEW's date,
// with orphans keeping only their old quote, in input order.
func TestMigrateOutput(t *testing.T) {
	collection, _ := runMigrateCLI(t, "", migrateOld, migrateNew, migrateAnns)
	if problems := annotation.Validate([]byte(collection)); problems != nil {
		t.Fatalf("output is not valid W3C JSON: %v", problems)
	}
	migrated, err := annotation.Decode([]byte(collection))
	if err != nil {
		t.Fatal(err)
	}
	input, err := annotation.Decode([]byte(readFile(t, migrateAnns)))
	if err != nil {
		t.Fatal(err)
	}
	if len(migrated) != len(input) {
		t.Fatalf("%d annotations out for %d in", len(migrated), len(input))
	}
	newText := parsedText(t, migrateNew)
	statuses := map[annotation.Status]bool{}
	for i, a := range migrated {
		statuses[a.Status] = true
		sel := a.Target.Selector
		switch {
		case a.ID != input[i].ID:
			t.Errorf("annotation %d is %s, want %s (input order)", i, a.ID, input[i].ID)
		case a.Status == annotation.StatusOrphaned:
			if sel.Position != nil || sel.Quote == nil || a.Before != sel.Quote.Exact {
				t.Errorf("%s: an orphan should keep its old quote only, got %+v %+v", a.ID, sel.Quote, sel.Position)
			}
		case sel.Position == nil || sel.Quote == nil:
			t.Errorf("%s: %s without both selectors", a.ID, a.Status)
		default:
			at := newText.Slice(span.Span{Start: sel.Position.Start, End: sel.Position.End})
			if at != sel.Quote.Exact || a.Target.SourceDate != "2025-03-24" || a.Before == "" {
				t.Errorf("%s: position %+v holds %q, quote is %q, date %q, before %q", a.ID, *sel.Position, at, sel.Quote.Exact, a.Target.SourceDate, a.Before)
			}
		}
	}
	for _, s := range annotation.Statuses {
		if !statuses[s] {
			t.Errorf("no annotation is %s: the fixture should exercise every status", s)
		}
	}
}

func TestMigrateReadsStandardInput(t *testing.T) {
	want, wantReport := runMigrateCLI(t, "", migrateOld, migrateNew, migrateAnns)
	got, gotReport := runMigrateCLI(t, readFile(t, migrateAnns), migrateOld, migrateNew, "-")
	if got != want || gotReport != wantReport {
		t.Errorf("annotations from standard input migrate differently")
	}
}

// TestMigrateWithoutReport prints the same collection and writes nothing.
func TestMigrateWithoutReport(t *testing.T) {
	want, _ := runMigrateCLI(t, "", migrateOld, migrateNew, migrateAnns)
	code, got, errOut := runCLI(t, "", "migrate", migrateOld, migrateNew, migrateAnns)
	if code != 0 || got != want {
		t.Errorf("exit %d, stderr %q; output differs from the run with --report", code, errOut)
	}
}

func TestMigrateErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	badJSON := write("bad.json", `{"type": "Annotation",`)
	noTarget := write("no-target.json", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation", "body": "hi"}`)
	twoProblems := write("two.json", `[{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": "urn:x"}, {"type": "Annotation"}]`)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad JSON", []string{"migrate", migrateOld, migrateNew, badJSON}, 1, "bad.json"},
		{"invalid annotation", []string{"migrate", migrateOld, migrateNew, noTarget}, 1, "target"},
		{"several problems", []string{"migrate", migrateOld, migrateNew, twoProblems}, 1, "redline validate " + twoProblems},
		{"two files", []string{"migrate", migrateOld, migrateNew}, 2, "usage: redline migrate OLD NEW ANNOTATIONS.json"},
		{"four files", []string{"migrate", migrateOld, migrateNew, migrateAnns, migrateAnns}, 2, "usage: redline migrate"},
		{"report without a file", []string{"migrate", migrateOld, migrateNew, migrateAnns, "--report"}, 2, "report"},
		{"unknown flag", []string{"migrate", "--format", "json", migrateOld, migrateNew, migrateAnns}, 2, "format"},
		{"two standard inputs", []string{"migrate", "-", migrateNew, "-"}, 2, "only one of OLD, NEW and ANNOTATIONS"},
		{"missing revision", []string{"migrate", migrateOld, "testdata/migrate/nope.txt", migrateAnns}, 1, "nope.txt"},
		{"empty revision", []string{"migrate", write("empty.txt", ""), migrateNew, migrateAnns}, 1, "empty.txt"},
		{"unwritable report", []string{"migrate", migrateOld, migrateNew, migrateAnns, "--report", filepath.Join(dir, "no", "such", "dir.json")}, 1, "dir.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tt.args...)
			if code != tt.code || out != "" || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and one line mentioning %q", code, out, errOut, tt.code, tt.want)
			}
		})
	}
}

// TestMigrateReportsMovedAndEdited checks that a passage moved and edited
// at once is carried as changed with "moved": true in the report and
// "redline:moved" in the collection.
func TestMigrateReportsMovedAndEdited(t *testing.T) {
	edited := strings.Replace(readFile(t, migrateNew),
		"He emphasised the importance of communication in resolving conflicts, including the war in Ukraine.",
		"He stressed, speaking to Carlson, the importance of talking in resolving conflicts, including the war in Ukraine.", 1)
	newPath := filepath.Join(t.TempDir(), "moved-and-edited.txt")
	if err := os.WriteFile(newPath, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	collection, report := runMigrateCLI(t, "", migrateOld, newPath, migrateAnns)
	want := `"status": "changed",
    "before": "He emphasised the importance of communication in resolving conflicts",
    "after": "He stressed, speaking to Carlson, the importance of talking in resolving conflicts",
    "moved": true`
	if !strings.Contains(report, want) {
		t.Errorf("report lacks\n%s\ngot:\n%s", want, report)
	}
	if !strings.Contains(collection, `"redline:moved": true`) {
		t.Errorf("collection lacks redline:moved:\n%s", collection)
	}
}
