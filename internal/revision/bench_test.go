package revision

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/span"
)

// benchPair builds a ~100 KB revision pair from the sample article's
// paragraphs: the old text repeats them in shuffled orders; the new text
// edits about 3% of the words and moves and deletes a few paragraphs.
func benchPair(tb testing.TB) (old, new string) {
	tb.Helper()
	data, err := os.ReadFile("testdata/putin-prayed-2025-03-23.txt")
	if err != nil {
		tb.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(data)), "\n\n")
	rng := rand.New(rand.NewPCG(1, 2))
	var oldParas []string
	for size := 0; size < 100_000; {
		p := paras[rng.IntN(len(paras))]
		oldParas = append(oldParas, p)
		size += len(p) + 2
	}
	edits := []string{"reportedly", "allegedly", "Kremlin", "Washington", "said", "—"}
	var newParas, moved []string
	for _, p := range oldParas {
		switch r := rng.IntN(100); {
		case r < 2: // deleted
			continue
		case r < 4: // moved towards the end
			moved = append(moved, p)
			continue
		}
		words := strings.Split(p, " ")
		for i := range words {
			if rng.IntN(100) < 3 {
				words[i] = edits[rng.IntN(len(edits))]
			}
		}
		newParas = append(newParas, strings.Join(words, " "))
	}
	newParas = append(newParas, moved...)
	return strings.Join(oldParas, "\n\n"), strings.Join(newParas, "\n\n")
}

func BenchmarkCompute(b *testing.B) {
	old, new := benchPair(b)
	b.SetBytes(int64(len(old) + len(new)))
	for b.Loop() {
		Compute(old, new)
	}
}

func BenchmarkMapSpan(b *testing.B) {
	old, new := benchPair(b)
	d := Compute(old, new)
	n := span.NewIndex(old).Len()
	rng := rand.New(rand.NewPCG(3, 4))
	spans := make([]span.Span, 1000)
	for i := range spans {
		start := rng.IntN(n - 200)
		spans[i] = span.Span{Start: start, End: start + 1 + rng.IntN(200)}
	}
	for b.Loop() {
		for _, s := range spans {
			d.MapSpan(s)
		}
	}
}

func TestBenchPairRoundTrips(t *testing.T) {
	old, new := benchPair(t)
	checkDiff(t, Compute(old, new), old, new)
}
