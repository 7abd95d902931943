package ui

import (
	"context"
	"os"
	"testing"

	"github.com/redline-news/redline/bench/corpus"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/store"
)

// BenchmarkParagraphViews is the Go half of drawing the article after a
// change: laying out every highlight and building each paragraph's HTML,
// on the bench's test data (bench/corpus) at 100 KB with 1,000 annotations
// and ten times that.
func BenchmarkParagraphViews(b *testing.B) {
	for _, size := range []struct {
		name        string
		bytes, anns int
	}{{"100KB", 100_000, 1000}, {"1MB", 1_000_000, 10_000}} {
		b.Run(size.name, func(b *testing.B) {
			s := benchSession(b, size.bytes, size.anns)
			b.ResetTimer()
			for b.Loop() {
				for _, v := range paragraphViews(s, "", nil, nil, "") {
					_ = v.html()
				}
			}
		})
	}
}

// benchSession opens a story of the bench's test data with its annotations.
func benchSession(b *testing.B, bytes, anns int) *library.Session {
	b.Helper()
	data, err := os.ReadFile("../testdata/putin-prayed-2025-03-23.txt")
	if err != nil {
		b.Fatal(err)
	}
	a, err := article.Parse(data, article.FormatText)
	if err != nil {
		b.Fatal(err)
	}
	pair, err := corpus.Generate(a.Text, bytes, anns)
	if err != nil {
		b.Fatal(err)
	}
	collection, err := pair.Collection()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	lib := &library.Library{Store: store.NewMemory()}
	st, err := lib.AddStory(ctx, "bench.txt", []byte(pair.Old))
	if err != nil {
		b.Fatal(err)
	}
	s, err := lib.Open(ctx, st.ID)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Import(ctx, collection); err != nil {
		b.Fatal(err)
	}
	if len(s.Annotations) != anns {
		b.Fatalf("%d annotations placed, want %d", len(s.Annotations), anns)
	}
	return s
}
