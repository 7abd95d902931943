// Package benchstory makes the big stories the benchmarks measure the app
// on, the same way in every package (internal/library, app, app/idb and
// the e2e bench): the sample article grown by bench/corpus to a size, with
// its revision and annotations. It is test support, kept out of _test.go
// files so that every package's benchmarks can import it.
package benchstory

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/redline-news/redline/bench/corpus"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/store"
)

// Size is a story's size in bytes and its number of annotations.
type Size struct {
	Name               string
	Bytes, Annotations int
}

// Sizes are the bench's test data, 100 KB with 1,000 annotations, and ten
// times that.
var Sizes = []Size{
	{"100KB", 100_000, 1000},
	{"1MB", 1_000_000, 10_000},
}

// sample is the article grown, relative to the repository's root.
var sample = filepath.Join("testdata", "putin-prayed-2025-03-23.txt")

// Story is a story of the bench: the pair bench/corpus made and its
// annotations as a W3C collection, to import.
type Story struct {
	corpus.Pair
	Collection []byte
	Size       Size
}

// Make grows the sample article to size. root is the repository's root
// (relative to the test's directory, or absolute).
func Make(tb testing.TB, root string, size Size) Story {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(root, sample))
	if err != nil {
		tb.Fatal(err)
	}
	a, err := article.Parse(data, article.FormatText)
	if err != nil {
		tb.Fatal(err)
	}
	pair, err := corpus.Generate(a.Text, size.Bytes, size.Annotations)
	if err != nil {
		tb.Fatal(err)
	}
	collection, err := pair.Collection()
	if err != nil {
		tb.Fatal(err)
	}
	return Story{Pair: pair, Collection: collection, Size: size}
}

// Open adds the story's old text to a library (add and open are a
// library.Library's AddStory and Open: funcs, so that the library
// package's own benchmarks can use this too), opens it and imports its
// annotations with load, which says how many were placed: all of them,
// or the benchmark fails.
func Open[S any](tb testing.TB, st Story, add func(context.Context, string, []byte) (store.Story, error),
	open func(context.Context, string) (S, error), load func(s S, collection []byte) (placed int, err error)) S {
	tb.Helper()
	ctx := context.Background()
	added, err := add(ctx, "bench.txt", []byte(st.Old))
	if err != nil {
		tb.Fatal(err)
	}
	s, err := open(ctx, added.ID)
	if err != nil {
		tb.Fatal(err)
	}
	placed, err := load(s, st.Collection)
	if err != nil {
		tb.Fatal(err)
	}
	if placed != st.Size.Annotations {
		tb.Fatalf("%d annotations placed, want %d", placed, st.Size.Annotations)
	}
	return s
}
