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

// BenchmarkParagraphViews is the Go half of drawing the article, on the
// bench's test data (bench/corpus) at 100 KB with 1,000 annotations and ten
// times that: first (laying out every highlight and building each
// paragraph's HTML) and again after one annotation was selected (what a
// redraw after a tag or an edit lays out again).
func BenchmarkParagraphViews(b *testing.B) {
	for _, size := range []struct {
		name        string
		bytes, anns int
	}{{"100KB", 100_000, 1000}, {"1MB", 1_000_000, 10_000}} {
		s := benchSession(b, size.bytes, size.anns)
		b.Run(size.name+"/first", func(b *testing.B) {
			for b.Loop() {
				var a articleViews
				for more := true; more; {
					var views []*paragraphView
					views, more = a.draw(s, "", nil, nil, "")
					for _, v := range views {
						_ = v.html()
					}
				}
			}
		})
		b.Run(size.name+"/again", func(b *testing.B) {
			var a articleViews
			for more := true; more; {
				_, more = a.draw(s, "", nil, nil, "")
			}
			selected := []string{s.Annotations[0].ID, s.Annotations[len(s.Annotations)/2].ID}
			for i := 0; b.Loop(); i++ {
				a.draw(s, selected[i%2], nil, nil, "")
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
	lib := &library.Library{Store: store.NewMemory(), Core: newCore()}
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
