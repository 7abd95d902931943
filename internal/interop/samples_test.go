package interop

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
)

// sharedDir holds other tools' real files (../shared from the repository
// root), read in place and never copied.
var sharedDir = filepath.Join("..", "..", "..", "shared", "samples")

func readShared(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedDir, name))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing (CI=true): %v", name, err)
		}
		t.Skipf("%s is not there: skipping (%v)", name, err)
	}
	return data
}

func pageText(t *testing.T, name string) *anchor.Text {
	t.Helper()
	data := readShared(t, name)
	a, err := article.Parse(data, article.DetectFormat(name, data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return anchor.NewText(a.Text)
}

// TestRealFilesAnchorOnTheirPages reads what Recogito and Hypothesis wrote
// and places every annotation on its exact quote in the page it belongs to.
func TestRealFilesAnchorOnTheirPages(t *testing.T) {
	tests := []struct {
		file, page string
		format     Format
		quotes     []string
		notes      int
	}{
		{"recogito-js/annotations.w3c.json", "recogito-js/index.html", W3C, []string{"Troy", "death in battle", "Ithaca"}, 1},
		{"hypothesis-client/minimal.json", "hypothesis-client/minimal.html", Hypothesis, []string{"Two"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			text := pageText(t, tt.page)
			f, err := Read(readShared(t, tt.file), annotation.StorySource("sample"))
			if err != nil {
				t.Fatal(err)
			}
			if f.Format != tt.format || len(f.Notes) != tt.notes {
				t.Errorf("format %s, notes %q", f.Format, f.Notes)
			}
			placed, unplaced := Place(text, f.Items)
			if len(unplaced) > 0 {
				t.Fatalf("unplaced: %q", unplaced)
			}
			if len(placed) != len(tt.quotes) {
				t.Fatalf("placed %d, want %d", len(placed), len(tt.quotes))
			}
			for i, p := range placed {
				if got := text.Index().Slice(p.Span); got != tt.quotes[i] || p.Approximate {
					t.Errorf("annotation %d on %q (approximate %v), want %q", i, got, p.Approximate, tt.quotes[i])
				}
				if err := p.Annotation.Validate(); err != nil {
					t.Errorf("annotation %d: %v", i, err)
				}
			}
		})
	}
}

func TestRecogitoIDsKeptInVia(t *testing.T) {
	f, err := Read(readShared(t, "recogito-js/annotations.w3c.json"), annotation.StorySource("s"))
	if err != nil {
		t.Fatal(err)
	}
	a := f.Items[0].Annotation
	if a.Via != "urn:redline:story:s#ce0ed291-766b-4763-8e91-90ce1d04e706" || a.ID == a.Via || a.Note != "This is a comment" || len(a.Tags) != 2 {
		t.Errorf("first Recogito annotation read as %+v", a)
	}
	again, _ := Read(readShared(t, "recogito-js/annotations.w3c.json"), annotation.StorySource("s"))
	if again.Items[0].Annotation.ID != a.ID {
		t.Errorf("a second read gives a new id: importing twice would duplicate")
	}
}
