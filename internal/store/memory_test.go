package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/store/storetest"
)

func TestMemoryConforms(t *testing.T) {
	failures := storetest.Check(context.Background(), func() (store.Store, error) { return store.NewMemory(), nil })
	for _, err := range failures {
		t.Error(err)
	}
}

// TestMemoryConcurrentWriters runs many rounds of two writers racing on
// one annotation; with -race it also checks the locking.
func TestMemoryConcurrentWriters(t *testing.T) {
	if err := storetest.ConcurrentWriters(context.Background(), store.NewMemory(), 500); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkMemoryPutAnnotations measures a batch of 100 new annotations,
// the size of a long article's annotations carried to a new revision.
func BenchmarkMemoryPutAnnotations(b *testing.B) {
	ctx := context.Background()
	m := store.NewMemory()
	if _, err := m.PutStory(ctx, store.Story{Story: annotation.Story{ID: "s"}}); err != nil {
		b.Fatal(err)
	}
	batch := make([]store.Annotation, 100)
	round := 0
	for b.Loop() {
		for i := range batch {
			batch[i] = store.Annotation{StoryID: "s", Annotation: annotation.Annotation{
				ID:     fmt.Sprintf("a-%d-%d", round, i),
				Tags:   []string{"claim", "𝔘"},
				Target: annotation.Target{Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: "prayed 🙏"}}},
			}}
		}
		round++
		if _, err := m.PutAnnotations(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMemoryAnnotations measures listing one story's 1,000
// annotations among 10 stories' (copies included).
func BenchmarkMemoryAnnotations(b *testing.B) {
	ctx := context.Background()
	m := store.NewMemory()
	for s := range 10 {
		storyID := fmt.Sprint("s", s)
		if _, err := m.PutStory(ctx, store.Story{Story: annotation.Story{ID: storyID}}); err != nil {
			b.Fatal(err)
		}
		batch := make([]store.Annotation, 1000)
		for i := range batch {
			batch[i] = store.Annotation{StoryID: storyID, Annotation: annotation.Annotation{ID: fmt.Sprintf("%s-a%d", storyID, i), Tags: []string{"quote"}}}
		}
		if _, err := m.PutAnnotations(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := m.Annotations(ctx, "s3"); err != nil {
			b.Fatal(err)
		}
	}
}
