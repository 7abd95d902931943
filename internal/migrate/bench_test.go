package migrate

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// benchPair builds a ~100 KB article from the sample's paragraphs (each
// round in a different seeded order) and a revision of it with about 3% of
// words replaced, 2% of paragraphs deleted and 2% moved further down, plus
// 1,000 annotations of 3 to 12 words on the old text.
func benchPair(b *testing.B) (oldText, newText string, anns []annotation.Annotation) {
	b.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	paras := strings.Split(sampleText(b), "\n\n")
	var old []string
	for len(strings.Join(old, "\n\n")) < 100_000 {
		for _, i := range rng.Perm(len(paras)) {
			old = append(old, paras[i])
		}
	}
	words := strings.Fields(sampleText(b))
	var kept, moved []string
	for _, p := range old {
		switch r := rng.Float64(); {
		case r < 0.02:
			continue
		case r < 0.04:
			moved = append(moved, p)
			continue
		}
		ws := strings.Split(p, " ")
		for i := range ws {
			if rng.Float64() < 0.03 {
				ws[i] = words[rng.IntN(len(words))]
			}
		}
		kept = append(kept, strings.Join(ws, " "))
	}
	for _, p := range moved {
		at := rng.IntN(len(kept) + 1)
		kept = append(kept[:at], append([]string{p}, kept[at:]...)...)
	}
	oldText, newText = strings.Join(old, "\n\n"), strings.Join(kept, "\n\n")

	t := anchor.NewText(oldText)
	var starts []int // code points where a word starts
	runes := []rune(oldText)
	for i, r := range runes {
		if i == 0 || r != ' ' && r != '\n' && (runes[i-1] == ' ' || runes[i-1] == '\n') {
			starts = append(starts, i)
		}
	}
	for i := range 1000 {
		w := rng.IntN(len(starts) - 12)
		s := span.Span{Start: starts[w], End: starts[w+3+rng.IntN(10)] - 1}
		anns = append(anns, annotation.Annotation{
			ID:     fmt.Sprintf("urn:redline:bench:%d", i),
			Kind:   annotation.KindQuote,
			Target: annotation.Target{Source: annotation.StorySource("bench"), Selector: anchor.Describe(t, s)},
		})
	}
	return oldText, newText, anns
}

// BenchmarkMigrate: one op migrates 1,000 annotations between two ~100 KB
// revisions, diffing them ("diff") or reusing a diff ("precomputed diff").
// "rewritten" is the worst case: every word of the new revision is in a
// new place, so every annotation needs the approximate search through all
// of the inserted text.
func BenchmarkMigrate(b *testing.B) {
	oldText, newText, anns := benchPair(b)
	d := revision.Compute(oldText, newText)
	logStatuses(b, oldText, newText, d, anns)
	b.Run("diff", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Migrate(oldText, newText, nil, anns)
		}
	})
	b.Run("precomputed diff", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Migrate(oldText, newText, d, anns)
		}
	})

	words := strings.Fields(oldText)
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	rewritten := strings.Join(words, " ")
	rd := revision.Compute(oldText, rewritten)
	logStatuses(b, oldText, rewritten, rd, anns)
	b.Run("rewritten, precomputed diff", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Migrate(oldText, rewritten, rd, anns)
		}
	})
}

func logStatuses(b *testing.B, oldText, newText string, d *revision.Diff, anns []annotation.Annotation) {
	statuses := map[annotation.Status]int{}
	for _, r := range Migrate(oldText, newText, d, anns) {
		statuses[r.Status]++
	}
	b.Logf("%d KB to %d KB, %d annotations: %v", len(oldText)>>10, len(newText)>>10, len(anns), statuses)
}
