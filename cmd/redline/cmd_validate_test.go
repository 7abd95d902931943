//go:build !js

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	recogito := filepath.Join("testdata", "validate", "recogito.jsonld")
	broken := filepath.Join("testdata", "validate", "broken.jsonld")
	tests := []struct {
		name       string
		stdin      string
		args       []string
		code       int
		stdout     string
		stderrPart string
	}{
		{"valid file", "", []string{"validate", recogito}, 0, recogito + ": valid (2 annotations)\n", ""},
		{"valid stdin", readFile(t, recogito), []string{"validate", "-"}, 0, "-: valid (2 annotations)\n", ""},
		{"every problem", "", []string{"validate", broken}, 1, strings.Join([]string{
			broken + ": $.first.items[0].created: created must be an xsd:dateTime with a time zone, such as 2025-03-23T09:30:00Z; found \"yesterday\"",
			broken + ": $.first.items[0].target.selector[1]: TextPositionSelector needs \"start\" as a non-negative integer, found 1e400",
			broken + ": note: $.first.items[1].target: the target names a whole resource, with no source and selector: Redline needs a TextQuoteSelector or TextPositionSelector to place it in the text",
			"",
		}, "\n"), "2 problems"},
		{"not JSON", "{\"id\": 1,}", []string{"validate", "-"}, 1, "-: $: line 1, column 10: not valid JSON: trailing comma before '}'\n", "1 problem"},
		{"missing file", "", []string{"validate", filepath.Join("testdata", "validate", "absent.jsonld")}, 1, "", "absent.jsonld"},
		{"no file", "", []string{"validate"}, 2, "", "usage: redline validate FILE"},
		{"two files", "", []string{"validate", recogito, broken}, 2, "", "usage: redline validate FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if out != tt.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", out, tt.stdout)
			}
			if !strings.Contains(errOut, tt.stderrPart) || strings.Count(errOut, "\n") > 1 {
				t.Errorf("stderr %q, want one line containing %q", errOut, tt.stderrPart)
			}
		})
	}
}

func TestValidateAcceptsAnExport(t *testing.T) {
	// The golden export of internal/annotation is what Redline writes.
	data, err := os.ReadFile(filepath.Join("..", "..", "internal", "annotation", "testdata", "golden", "collection.jsonld"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, string(data), "validate", "-")
	if code != 0 || out != "-: valid (7 annotations)\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestValidateW3CSuite runs every sample of the W3C suite (read from
// ../shared, never copied): each correct one exits 0, notes and all, and
// each incorrect one exits 1 naming at least one problem.
func TestValidateW3CSuite(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "w3c-web-annotation-tests", "tools", "samples")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the W3C suite is missing at %s (CI=true)", dir)
		}
		t.Skipf("the W3C suite is not at %s: skipping", dir)
	}
	for _, tt := range []struct {
		folder string
		code   int
	}{{"correct", 0}, {"incorrect", 1}} {
		files, _ := filepath.Glob(filepath.Join(dir, tt.folder, "*.json"))
		if len(files) == 0 {
			t.Fatalf("no samples in %s", tt.folder)
		}
		for _, f := range files {
			t.Run(tt.folder+"/"+filepath.Base(f), func(t *testing.T) {
				code, out, errOut := runCLI(t, "", "validate", f)
				if code != tt.code {
					t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, errOut)
				}
				if tt.code == 1 && !strings.Contains(out, f+": $") {
					t.Errorf("no problem named:\n%s", out)
				}
			})
		}
	}
}
