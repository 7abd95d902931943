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

const (
	diffOld = "testdata/diff/putin-prayed-2025-03-23.txt"
	diffNew = "testdata/diff/putin-prayed-2025-03-24.txt"
)

func TestDiffGolden(t *testing.T) {
	for format, ext := range map[string]string{"text": "txt", "json": "json", "html": "html", "html --side-by-side": "side-by-side.html"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", append([]string{"diff", diffOld, diffNew, "--format"}, strings.Fields(format)...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			compareGolden(t, filepath.Join("testdata", "diff", "putin."+ext), out)
		})
	}
}

// TestDiffJSONOffsetsAreIntoParsedText checks that every op's offsets pick
// its text out of the canonical texts `redline parse` prints.
func TestDiffJSONOffsetsAreIntoParsedText(t *testing.T) {
	code, out, errOut := runCLI(t, "", "diff", diffOld, diffNew, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Ops []struct {
			Op       string
			Old, New span.Span
			Text     string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	oldIx, newIx := parsedText(t, diffOld), parsedText(t, diffNew)
	for i, op := range got.Ops {
		want := newIx.Slice(op.New)
		if op.Op == "delete" {
			want = oldIx.Slice(op.Old)
		}
		if op.Text != want {
			t.Errorf("op %d (%s %v %v) text %q, but the parsed text there is %q", i, op.Op, op.Old, op.New, op.Text, want)
		}
	}
	if len(got.Ops) == 0 || got.Ops[len(got.Ops)-1].New.End != newIx.Len() {
		t.Errorf("ops do not cover the new text")
	}
}

func TestDiffReadsStandardInput(t *testing.T) {
	data, err := os.ReadFile(diffNew)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, string(data), "diff", diffOld, "-")
	if code != 0 || !strings.Contains(out, "[-super-]{+very+}") {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
}

func TestDiffErrors(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad format", []string{"diff", diffOld, diffNew, "--format", "xml"}, 2, `unknown --format "xml"`},
		{"side by side as text", []string{"diff", diffOld, diffNew, "--side-by-side"}, 2, "--side-by-side needs --format html"},
		{"one file", []string{"diff", diffOld}, 2, "usage: redline diff OLD NEW"},
		{"three files", []string{"diff", diffOld, diffNew, diffNew}, 2, "usage: redline diff OLD NEW"},
		{"both standard input", []string{"diff", "-", "-"}, 2, "only one of OLD and NEW"},
		{"missing file", []string{"diff", diffOld, "testdata/diff/nope.txt"}, 1, "nope.txt"},
		{"empty article", []string{"diff", empty, diffNew}, 1, "empty.txt"},
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

func parsedText(t *testing.T, path string) *span.Index {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(data, article.DetectFormat(path, data))
	if err != nil {
		t.Fatal(err)
	}
	return span.NewIndex(a.Text)
}
