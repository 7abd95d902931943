package anchor

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/redline-news/redline/internal/span"
)

// benchText is ~100 KB of prose made of the sample article's words in a
// random (seeded) order: as long as a long feature, and not periodic, so
// contexts still tell repeated phrases apart.
func benchText(b *testing.B) string {
	words := strings.Fields(readArticle(b))
	rng := rand.New(rand.NewPCG(7, 11))
	var sb strings.Builder
	for sb.Len() < 100_000 {
		for range 20 + rng.IntN(60) {
			sb.WriteString(words[rng.IntN(len(words))])
			sb.WriteByte(' ')
		}
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// benchSelectors describes 1,000 word-aligned spans of 3 to 12 words and
// at least 12 code points, without their positions so that anchoring has
// to search.
func benchSelectors(b *testing.B, t *Text) []Selector {
	rng := rand.New(rand.NewPCG(3, 5))
	var starts []int // code points where a word starts
	for i, r := range t.runes {
		if !unicode.IsSpace(r) && (i == 0 || unicode.IsSpace(t.runes[i-1])) {
			starts = append(starts, i)
		}
	}
	sels := make([]Selector, 1000)
	for i := 0; i < len(sels); {
		w := rng.IntN(len(starts) - 12)
		s := span.Span{Start: starts[w], End: starts[w+3+rng.IntN(10)] - 1} // up to the space ending the last word
		if s.Len() >= 12 {
			sels[i] = Selector{Quote: Describe(t, s).Quote}
			i++
		}
	}
	return sels
}

// BenchmarkAnchorExact: one op is 1,000 quote selectors (exact + context,
// no position) anchored on a 100 KB text.
func BenchmarkAnchorExact(b *testing.B) {
	t := NewText(benchText(b))
	sels := benchSelectors(b, t)
	b.ResetTimer()
	for b.Loop() {
		for _, sel := range sels {
			if _, ok := Anchor(t, sel); !ok {
				b.Fatal("orphaned an exact quote")
			}
		}
	}
}

// BenchmarkAnchorFuzzy: the same 1,000 selectors with one code point of
// each quote edited, so that every call runs the approximate search.
func BenchmarkAnchorFuzzy(b *testing.B) {
	t := NewText(benchText(b))
	sels := benchSelectors(b, t)
	for _, sel := range sels {
		r := []rune(sel.Quote.Exact)
		r[len(r)/2] = '#'
		sel.Quote.Exact = string(r)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, sel := range sels {
			if m, ok := Anchor(t, sel); !ok || m.Method != ByFuzzy {
				b.Fatalf("edited quote %q: %+v, %v; want a fuzzy match", sel.Quote.Exact, m, ok)
			}
		}
	}
}
