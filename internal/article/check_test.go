package article

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/redline-news/redline/internal/span"
)

// checkArticle asserts the invariants every parsed article keeps: the
// text is valid NFC UTF-8, paragraphs are in order, separated by exactly
// one blank line and cover the whole text, and every paragraph and
// sentence span is valid, in order and trimmed.
func checkArticle(t testing.TB, a *Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) {
		t.Fatalf("text is not valid UTF-8: %q", a.Text)
	}
	if !norm.NFC.IsNormalString(a.Text) {
		t.Fatalf("text is not NFC: %q", a.Text)
	}
	if len(a.Paragraphs) == 0 {
		t.Fatal("no paragraphs")
	}
	ix := span.NewIndex(a.Text)
	var paragraphs []string
	for i, p := range a.Paragraphs {
		if !p.Valid(ix.Len()) || p.Empty() {
			t.Fatalf("paragraph %d span %v is not valid in %d code points", i, p.Span, ix.Len())
		}
		if i > 0 {
			if gap := ix.Slice(span.Span{Start: a.Paragraphs[i-1].End, End: p.Start}); gap != "\n\n" {
				t.Fatalf("paragraphs %d and %d are separated by %q, want a blank line", i-1, i, gap)
			}
		}
		text := ix.Slice(p.Span)
		checkTrimmed(t, "paragraph", text)
		if strings.Contains(text, "\n") {
			t.Fatalf("paragraph %d has a line break: %q", i, text)
		}
		paragraphs = append(paragraphs, text)
		if len(p.Sentences) == 0 {
			t.Fatalf("paragraph %d has no sentences", i)
		}
		prev := p.Start
		for _, s := range p.Sentences {
			if s.Empty() || s.Start < prev || s.End > p.End {
				t.Fatalf("sentence %v out of order or outside paragraph %v", s, p.Span)
			}
			checkTrimmed(t, "sentence", ix.Slice(s))
			prev = s.End
		}
	}
	if joined := strings.Join(paragraphs, "\n\n"); joined != a.Text {
		t.Fatalf("paragraphs do not cover the text:\n%q\n%q", joined, a.Text)
	}
}

func checkTrimmed(t testing.TB, what, s string) {
	t.Helper()
	if s == "" || strings.TrimFunc(s, unicode.IsSpace) != s {
		t.Fatalf("%s %q is empty or not trimmed", what, s)
	}
}
