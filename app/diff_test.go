package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/revision"
)

// TestDiffHTMLEscapesEverything: the diff is drawn as HTML built in Go, so
// every text must be escaped in both layouts, and the changes keep their
// elements: <del> and <ins> with data-hunk, the current change marked,
// both ends of a move labelled.
func TestDiffHTMLEscapesEverything(t *testing.T) {
	hostile := `<script>alert(1)</script> & "quotes" 'too'`
	moving := "This paragraph moves to the end of the article, word for word, unchanged."
	old := "First " + hostile + " stays.\n\n" + moving + "\n\nThe middle <b>bold</b> text is kept.\n\nLast words."
	new := "First " + hostile + " goes <img src=x onerror=alert(2)>.\n\nThe middle <b>bold</b> text is kept.\n\nLast words.\n\n" + moving
	d := revision.Compute(old, new)
	for _, layout := range []struct {
		name string
		ui   app.UI
	}{
		{"inline", renderDiff(d, false, true, 0)},
		{"side by side", renderDiff(d, true, true, 0)},
	} {
		got := app.HTMLString(layout.ui)
		for _, bad := range []string{"<script", "<img", "<b>"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s: unescaped %q in %s", layout.name, bad, got)
			}
		}
		for _, want := range []string{`<del data-hunk="0" class="current`, `<ins data-hunk="0" class="current`, `data-moved-to="`, `data-moved-from="`, "&lt;img src=x"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: no %q in %s", layout.name, want, got)
			}
		}
	}
}
