package interop

import (
	"unicode"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/span"
)

// spacing is a story's text with every run of white space made one space,
// and where each of its code points is in the text. A page's quote often
// differs from Redline's canonical text only in spacing (the line breaks
// and indentation of the HTML Hypothesis read, a paragraph break inside a
// quote), and is then the same words, not an approximate match.
type spacing struct {
	text *anchor.Text
	from []int // code point i of text is code point from[i] of the story's text
}

func newSpacing(t *anchor.Text) *spacing {
	runes := []rune(t.String())
	var out []rune
	var from []int
	for i, r := range runes {
		if unicode.IsSpace(r) {
			if len(out) > 0 && out[len(out)-1] == ' ' {
				continue
			}
			r = ' '
		}
		out = append(out, r)
		from = append(from, i)
	}
	return &spacing{text: anchor.NewText(string(out)), from: from}
}

// place finds q's words, spaced like the text, exactly and confidently;
// the span returned is in the story's text.
func (s *spacing) place(q *anchor.TextQuote) (anchor.Match, bool) {
	squeezed := &anchor.TextQuote{Exact: squeeze(q.Exact), Prefix: squeeze(q.Prefix), Suffix: squeeze(q.Suffix)}
	m, ok := anchor.Anchor(s.text, anchor.Selector{Quote: squeezed})
	if !ok || m.Method == anchor.ByFuzzy || m.Span.Empty() {
		return anchor.Match{}, false
	}
	m.Span = span.Span{Start: s.from[m.Span.Start], End: s.from[m.Span.End-1] + 1}
	return m, true
}

// squeeze makes every run of white space in s one space.
func squeeze(s string) string {
	var out []rune
	for _, r := range s {
		if unicode.IsSpace(r) {
			if len(out) > 0 && out[len(out)-1] == ' ' {
				continue
			}
			r = ' '
		}
		out = append(out, r)
	}
	return string(out)
}
