package ui

import (
	"context"
	"testing"

	"github.com/redline-news/redline/internal/benchstory"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/store"
)

// BenchmarkParagraphViews is the Go half of drawing the article, on the
// bench's test data (bench/corpus) at 100 KB with 1,000 annotations and ten
// times that: first (laying out every highlight and building each
// paragraph's HTML) and again after one annotation was selected (what a
// redraw after a tag or an edit lays out again).
func BenchmarkParagraphViews(b *testing.B) {
	for _, size := range benchstory.Sizes {
		s := benchSession(b, size)
		b.Run(size.Name+"/first", func(b *testing.B) {
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
		b.Run(size.Name+"/again", func(b *testing.B) {
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

// benchSession opens the bench's story of that size with its annotations.
func benchSession(b *testing.B, size benchstory.Size) *library.Session {
	b.Helper()
	lib := &library.Library{Store: store.NewMemory(), Core: newCore()}
	return benchstory.Open(b, benchstory.Make(b, "..", size), lib.AddStory, lib.Open, func(s *library.Session, collection []byte) (int, error) {
		_, err := s.Import(context.Background(), collection)
		return len(s.Annotations), err
	})
}
