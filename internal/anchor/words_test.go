package anchor

import (
	"testing"

	"github.com/redline-news/redline/internal/span"
)

func TestSnap(t *testing.T) {
	text := NewText("Our computational machines are constantly engaging")
	words := &TextQuote{Exact: "mashines", Prefix: "computational ", Suffix: " are"}
	tests := []struct {
		name  string
		quote *TextQuote
		in    span.Span
		want  string
	}{
		{"start inside a word grows back to it", words, span.Span{Start: 20, End: 26}, "machines"},
		{"end inside a word grows to its end", words, span.Span{Start: 18, End: 29}, "machines are"},
		{"start just before a word's end moves past it, and the space is trimmed", words, span.Span{Start: 16, End: 26}, "machines"},
		{"end just after a word's start moves back, and the space is trimmed", words, span.Span{Start: 18, End: 32}, "machines are"},
		{"a split word in the original is kept split", &TextQuote{Exact: "shines", Prefix: "computational ma"}, span.Span{Start: 20, End: 26}, "chines"},
		{"spaces the quote has are kept", &TextQuote{Exact: " mashines "}, span.Span{Start: 17, End: 27}, " machines "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newQuery(text, tt.quote, nil).snap(tt.in)
			if got := text.ix.Slice(s); got != tt.want {
				t.Errorf("snapped to %q, want %q", got, tt.want)
			}
		})
	}
}
