package anchor

import (
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/span"
)

// fuzzSeeds are texts worth starting from: prose, every kind of code point
// the package special-cases, repetition, and invalid UTF-8.
var fuzzSeeds = []string{
	"Witkoff praised Putin’s willingness to engage in dialogue, calling him “super smart”.",
	"Le café\u0301 de 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🇫🇷🇩🇪 a dit «bonjour 😀» 👩\u200d💻 puis café\u0301.",
	"abababababababababababababababababababababababababababab",
	"a\xffb\xe2\x82 \xe2\x82\xac c",
}

// FuzzDescribeAnchor: for any text and any non-empty span whose text is not
// only whitespace, anchoring the span's own selectors returns exactly that
// span, by position, with full confidence; and the quote alone (no
// position) finds the same words.
func FuzzDescribeAnchor(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 3, 9)
	}
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		txt := NewText(text)
		n := txt.Len()
		if n == 0 {
			return
		}
		start := int(uint(a) % uint(n))
		s := span.Span{Start: start, End: start + 1 + int(uint(b)%uint(n-start))}
		if strings.TrimSpace(txt.ix.Slice(s)) == "" {
			return
		}
		sel := Describe(txt, s)
		m, ok := Anchor(txt, sel)
		if !ok || m.Span != s || m.Method != ByPosition || m.Score < 1-1e-9 {
			t.Fatalf("Anchor(Describe(%v)) = %+v, %v; want %v by position, score 1", s, m, ok, s)
		}
		m, ok = Anchor(txt, Selector{Quote: sel.Quote})
		if !ok || m.Method != ByQuote || txt.ix.Slice(m.Span) != sel.Quote.Exact {
			t.Fatalf("quote only: %+v, %v (%q); want the quote %q", m, ok, txt.ix.Slice(m.Span), sel.Quote.Exact)
		}
	})
}

// FuzzAnchor: Anchor never panics, and when it places a selector the span
// is valid, non-empty, scored in [0, 1] and consistent with its method.
func FuzzAnchor(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "super smart", "calling him “", "”.", 5, 12, true, true)
		f.Add(s, "café\u0301", "", "", -1, 4, true, false)
	}
	f.Fuzz(func(t *testing.T, text, exact, prefix, suffix string, start, end int, hasQuote, hasPosition bool) {
		txt := NewText(text)
		var sel Selector
		if hasQuote {
			sel.Quote = &TextQuote{Exact: exact, Prefix: prefix, Suffix: suffix}
		}
		if hasPosition {
			sel.Position = &TextPosition{Start: start, End: end}
		}
		m, ok := Anchor(txt, sel)
		if !ok {
			return
		}
		if !m.Span.Valid(txt.Len()) || m.Span.Empty() {
			t.Fatalf("invalid span %v in a text of %d code points", m.Span, txt.Len())
		}
		if m.Score < 0 || m.Score > 1+1e-9 {
			t.Fatalf("score %v out of [0, 1]", m.Score)
		}
		got := txt.ix.Slice(m.Span)
		switch m.Method {
		case ByPosition:
			if m.Span != (span.Span{Start: start, End: end}) || (hasQuote && got != exact) {
				t.Fatalf("by position: %v %q, selector %+v", m.Span, got, sel)
			}
		case ByQuote:
			if got != exact {
				t.Fatalf("by quote: %q, want %q", got, exact)
			}
		case ByFuzzy:
		default:
			t.Fatalf("unknown method %q", m.Method)
		}
	})
}
