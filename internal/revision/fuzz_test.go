package revision

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/span"
)

// FuzzComputeApply checks, for any pair of texts, every invariant in
// checkDiff (Apply round trip, contiguous ops, MapPos monotonic and in
// bounds) and that spans MapSpan calls untouched map onto the same text up
// to typographic noise.
func FuzzComputeApply(f *testing.F) {
	seeds := [][2]string{
		{"", ""},
		{"a b c", "x y z"},
		{praise, "Witkoff praised Putin's willingness to engage in talks, calling him \"very smart\"."},
		{talks + "\n\n" + gains + "\n\n" + lede, gains + "\n\n" + talks},
		{talks + " " + gains + " " + issue, gains + " " + issue + " " + talks},
		{"“super smart”", "\"super  smart\""},
		{"𝔘 🇫🇷 e\u0301 😀 x", "𝔘 🇫🇮 é 😍👍🏽 x"},
		{"one\u00a0two\n\nthree", "one two three\n\n\n\nfour"},
		{"a\xffb", "a b"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			t.Skip("the canonical texts the diff takes are valid UTF-8")
		}
		d := Compute(a, b)
		checkDiff(t, d, a, b)
		oldIx, newIx := span.NewIndex(a), span.NewIndex(b)
		rng := rand.New(rand.NewPCG(uint64(len(a)), uint64(len(b))))
		for range 20 {
			start := rng.IntN(oldIx.Len() + 1)
			s := span.Span{Start: start, End: start + rng.IntN(oldIx.Len()-start+1)}
			got, untouched := d.MapSpan(s)
			if !got.Valid(newIx.Len()) {
				t.Fatalf("MapSpan(%v) = %v outside the new text", s, got)
			}
			if untouched && normalised(oldIx.Slice(s)) != normalised(newIx.Slice(got)) {
				t.Fatalf("MapSpan(%v) untouched but %q became %q", s, oldIx.Slice(s), newIx.Slice(got))
			}
		}
	})
}
