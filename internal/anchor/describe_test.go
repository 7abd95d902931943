package anchor

import (
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/span"
)

func TestDescribe(t *testing.T) {
	article := readArticle(t)
	x31 := strings.Repeat("x", 31)
	tests := []struct {
		name                  string
		text                  string
		span                  span.Span
		exact, prefix, suffix string
	}{
		{
			name: "article lede", text: article, span: span.Span{Start: 17, End: 49},
			exact: "Russian President Vladimir Putin", prefix: " date 2025-03-23 ", suffix: " prayed for Donald Trump followi",
		},
		{
			name: "context cut to 32 code points", text: strings.Repeat("é", 40) + "Q" + strings.Repeat("😀", 40),
			span: span.Span{Start: 40, End: 41}, exact: "Q", prefix: strings.Repeat("é", 32), suffix: strings.Repeat("😀", 32),
		},
		{
			name: "prefix does not start inside a flag", text: "🇫🇷" + x31 + "target",
			span: span.Span{Start: 33, End: 39}, exact: "target", prefix: x31,
		},
		{
			name: "prefix does not start on a combining mark", text: "e\u0301" + x31 + "target",
			span: span.Span{Start: 33, End: 39}, exact: "target", prefix: x31,
		},
		{
			name: "suffix does not end inside e + combining acute", text: "target" + x31 + "e\u0301",
			span: span.Span{Start: 0, End: 6}, exact: "target", suffix: x31,
		},
		{
			name: "second flag of a pair of flags is whole", text: "🇫🇷🇩🇪" + strings.Repeat("x", 30) + "target",
			span: span.Span{Start: 34, End: 40}, exact: "target", prefix: "🇩🇪" + strings.Repeat("x", 30),
		},
		{
			name: "astral letters", text: "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text", span: span.Span{Start: 1, End: 3},
			exact: "𝔫𝔦", prefix: "𝔘", suffix: "𝔠𝔬𝔡𝔢 text",
		},
		{
			name: "span past the end is clamped", text: "abc", span: span.Span{Start: 1, End: 9},
			exact: "bc", prefix: "a",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel := Describe(NewText(tt.text), tt.span)
			want := TextQuote{Exact: tt.exact, Prefix: tt.prefix, Suffix: tt.suffix}
			if *sel.Quote != want {
				t.Errorf("quote = %+q, want %+q", *sel.Quote, want)
			}
			if n := len([]rune(tt.exact)); sel.Position.End-sel.Position.Start != n {
				t.Errorf("position %+v does not cover the %d code points of the quote", *sel.Position, n)
			}
		})
	}
}

func TestTextRunesAreTheCodePoints(t *testing.T) {
	for _, s := range []string{"", "plain", "é “curly” 😀", "bad \xff byte"} {
		if got, want := string(NewText(s).Runes()), string([]rune(s)); got != want {
			t.Errorf("Runes of %q = %q, want %q", s, got, want)
		}
	}
}
