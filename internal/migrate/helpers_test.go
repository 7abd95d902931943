package migrate

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/span"
)

// The sample article and a later revision of it (a quote reworded, a
// paragraph deleted, one moved, a name respelled, curly quotes
// straightened, a sentence added).
const (
	samplePath   = "testdata/putin-prayed-2025-03-23.txt"
	revisionPath = "testdata/putin-prayed-2025-03-24.txt"
)

// sampleText is the canonical text of the sample article.
func sampleText(tb testing.TB) string { return canonicalText(tb, samplePath) }

func canonicalText(tb testing.TB, path string) string {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	a, err := article.Parse(data, article.FormatText)
	if err != nil {
		tb.Fatal(err)
	}
	return a.Text
}

// occurrence is the code-point span of the nth (from 0) occurrence of s in
// text, or false.
func occurrence(text, s string, nth int) (span.Span, bool) {
	from := 0
	for {
		i := strings.Index(text[from:], s)
		if i < 0 {
			return span.Span{}, false
		}
		if nth == 0 {
			start := utf8.RuneCountInString(text[:from+i])
			return span.Span{Start: start, End: start + utf8.RuneCountInString(s)}, true
		}
		nth--
		from += i + 1
	}
}

// quoteAt names an annotated passage: the nth occurrence of exact.
type quoteAt struct {
	exact string
	nth   int
}

// annotate makes one annotation per passage of text, with both selectors
// as Redline records them.
func annotate(tb testing.TB, text string, quotes []quoteAt) []annotation.Annotation {
	tb.Helper()
	t := anchor.NewText(text)
	anns := make([]annotation.Annotation, len(quotes))
	for i, q := range quotes {
		s, ok := occurrence(text, q.exact, q.nth)
		if !ok {
			tb.Fatalf("%q (occurrence %d) is not in the text", q.exact, q.nth)
		}
		anns[i] = annotation.Annotation{
			ID:     fmt.Sprintf("urn:redline:test:%d", i),
			Kind:   annotation.KindQuote,
			Target: annotation.Target{Source: annotation.StorySource("test"), SourceDate: "2025-03-23", Selector: anchor.Describe(t, s)},
		}
	}
	return anns
}

// edit is one change to a revision's text.
type edit func(tb testing.TB, text string) string

// replace replaces the first occurrence of old with new.
func replace(old, new string) edit {
	return func(tb testing.TB, text string) string {
		tb.Helper()
		if !strings.Contains(text, old) {
			tb.Fatalf("edit: %q is not in the text", old)
		}
		return strings.Replace(text, old, new, 1)
	}
}

// replaceAll replaces every occurrence of old with new.
func replaceAll(old, new string) edit {
	return func(tb testing.TB, text string) string {
		tb.Helper()
		if !strings.Contains(text, old) {
			tb.Fatalf("edit: %q is not in the text", old)
		}
		return strings.ReplaceAll(text, old, new)
	}
}

// moveParagraph moves the paragraph starting with from to just before the
// paragraph starting with before.
func moveParagraph(from, before string) edit {
	return func(tb testing.TB, text string) string {
		tb.Helper()
		paras := strings.Split(text, "\n\n")
		i, j := paragraphStarting(tb, paras, from), paragraphStarting(tb, paras, before)
		moved := paras[i]
		paras = append(paras[:i], paras[i+1:]...)
		if j > i {
			j--
		}
		paras = append(paras[:j], append([]string{moved}, paras[j:]...)...)
		return strings.Join(paras, "\n\n")
	}
}

func paragraphStarting(tb testing.TB, paras []string, prefix string) int {
	tb.Helper()
	for i, p := range paras {
		if strings.HasPrefix(p, prefix) {
			return i
		}
	}
	tb.Fatalf("no paragraph starts with %q", prefix)
	return -1
}
