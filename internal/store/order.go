package store

import (
	"cmp"
	"slices"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sorts"
)

// Stored is a record with its place in the order records were first
// stored: a number that only grows, so that lists come out in the order
// the Store documents even when two records carry the same time (times
// are kept to the second).
type Stored[T any] struct {
	Record T
	Seq    int64
}

// ListStories sorts stories by creation time, then by the order they were
// stored, and returns the records.
func ListStories(recs []Stored[Story]) []Story {
	return sorted(recs, func(a, b Story) int { return a.Created.Compare(b.Created) })
}

// ListRevisions sorts revisions oldest first (by the time they were
// added, then by the order they were stored) and returns the records.
func ListRevisions(recs []Stored[annotation.Revision]) []annotation.Revision {
	return sorted(recs, func(a, b annotation.Revision) int { return a.Added.Compare(b.Added) })
}

// ListAnnotations sorts annotations in the order they were first stored
// and returns the records.
func ListAnnotations(recs []Stored[Annotation]) []Annotation {
	return sorted(recs, func(Annotation, Annotation) int { return 0 })
}

func sorted[T any](recs []Stored[T], byTime func(a, b T) int) []T {
	sorts.StableFunc(recs, func(a, b Stored[T]) int {
		return cmp.Or(byTime(a.Record, b.Record), cmp.Compare(a.Seq, b.Seq))
	})
	out := make([]T, len(recs))
	for i, r := range recs {
		out[i] = r.Record
	}
	return out
}

// ListRejections sorts rejected suggestion keys (byte order, whatever
// order the implementation found them in).
func ListRejections(keys []string) []string {
	slices.Sort(keys)
	return keys
}
