package ui

import (
	"strings"
	"testing"
)

// TestParagraphHTMLEscapesEverything: the article is drawn as HTML built
// in Go, so every text and attribute value must be escaped, whatever an
// article or an imported annotation holds.
func TestParagraphHTMLEscapesEverything(t *testing.T) {
	hostile := `"><script>alert(1)</script><img src=x onerror=alert(2)>&amp;'`
	v := &paragraphView{Segments: []segmentView{
		{Start: 0, Text: "plain "},
		{Start: 6, Text: hostile, Marks: []markView{
			{ID: hostile, Kind: "quote", Title: hostile, Selected: true},
			{ID: "s:1", Kind: `claim" onclick="x`, Suggestion: true, Status: hostile},
		}},
	}}
	got := v.html()
	for _, bad := range []string{"<script", "<img", `" onclick="`, "'>"} {
		if strings.Contains(got, bad) {
			t.Errorf("unescaped %q in %s", bad, got)
		}
	}
	want := `<p><span data-s="0">plain </span><mark data-id="&#34;&gt;&lt;script&gt;`
	if !strings.HasPrefix(got, want) {
		t.Errorf("html starts\n%s\nwant\n%s", got[:min(len(got), len(want))], want)
	}
	if strings.Count(got, "<mark") != 2 || strings.Count(got, "</mark>") != 2 {
		t.Errorf("marks do not nest: %s", got)
	}
	if !strings.Contains(got, `class="k-quote selected"`) || !strings.Contains(got, `data-suggestion="s:1"`) {
		t.Errorf("classes or suggestion attributes missing: %s", got)
	}
}
