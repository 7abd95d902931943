package suggest

import (
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzSuggest: never panics, every span is valid and inside the text,
// suggestions are sorted, scores are in [0, 1].
func FuzzSuggest(f *testing.F) {
	seeds := []string{
		"", "“", "”", "\"", "«»", "„“", "‘’", "’90s", "a\n\n“b\n\n“c”",
		"“Prices will fall,” said Jane Roe. “Then rise.”",
		"Jane Roe said:\n\n“One.\n\n“Two.”",
		"“Vive la 🇫🇷 e\u0301quipe 😀 𝔘𝔫𝔦,” said Jane Roe.",
		"Mr. . Dr. , the the the minister said “x”",
		"a\xffb “c\xfe” said D E",
		"X reports, “Y claimed. ‘We know,’ she said.”", `"a 'b,' c 'd' players' e"`, "«a „b“ c»", "‘a “b,” he said’", "“‘", "“a ‘”",
	}
	if data, err := os.ReadFile("../../testdata/putin-prayed-2025-03-23.txt"); err == nil {
		seeds = append(seeds, string(data))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		n := utf8.RuneCountInString(text)
		got := Suggest(text)
		for i, s := range got {
			if !s.Span.Valid(n) || s.Span.Empty() {
				t.Fatalf("span %v invalid in %d code points", s.Span, n)
			}
			if !s.SpeakerSpan.Valid(n) {
				t.Fatalf("speaker span %v invalid", s.SpeakerSpan)
			}
			if s.Score < 0 || s.Score > 1 {
				t.Fatalf("score %v", s.Score)
			}
			if i > 0 && got[i-1].Span.Start > s.Span.Start {
				t.Fatalf("not sorted at %d", i)
			}
		}
	})
}
