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
			broken + ": $.first.items[1].target: the target names a whole resource, with no source and selector: Redline needs a TextQuoteSelector or TextPositionSelector to place it in the text",
			"",
		}, "\n"), "3 problems"},
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
