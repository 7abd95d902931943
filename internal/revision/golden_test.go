package revision

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGoldenRevision renders the diff of the sample article and a revision
// of it (a clause added, a quote reworded, a paragraph deleted and one
// moved, a name respelled, a paragraph appended, plus typographic noise)
// in every format and compares with testdata/golden.
func TestGoldenRevision(t *testing.T) {
	old := readFile(t, "testdata/putin-prayed-2025-03-23.txt")
	new := readFile(t, "testdata/putin-prayed-2025-03-24.txt")
	d := Compute(old, new)
	checkDiff(t, d, old, new)
	writers := map[string]func(io.Writer, *Diff) error{
		"putin.txt":  WriteText,
		"putin.json": WriteJSON,
		"putin.html": func(w io.Writer, d *Diff) error { return WriteHTMLDocument(w, d, "Putin prayed: revision diff") },
		"putin.side-by-side.html": func(w io.Writer, d *Diff) error {
			return WriteSideBySideHTMLDocument(w, d, "Putin prayed: revision diff side by side")
		},
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := write(&buf, d); err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join("testdata", "golden", name), buf.Bytes())
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; got:\n%s", path, got)
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
