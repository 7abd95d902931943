package storetest

import (
	"context"
	"errors"
	"fmt"

	"github.com/redline-news/redline/internal/store"
)

// checkCancelled: with a cancelled context every method fails with the
// context's error and writes nothing.
func checkCancelled(ctx context.Context, s store.Store) error {
	a := quoteOnly("a1", "s1")
	setup := firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { _, err := s.PutAnnotations(ctx, []store.Annotation{a}); return err },
	)
	if setup != nil {
		return setup
	}
	done, cancel := context.WithCancel(ctx)
	cancel()
	calls := map[string]func() error{
		"Stories":     func() error { _, err := s.Stories(done); return err },
		"PutStory":    func() error { _, err := s.PutStory(done, newStory("s2")); return err },
		"DeleteStory": func() error { return s.DeleteStory(done, "s1") },
		"Revisions":   func() error { _, err := s.Revisions(done, "s1"); return err },
		"AddRevision": func() error {
			_, err := s.AddRevision(done, newRevision("r1", "s1", day), []store.Annotation{quoteOnly("a2", "s1")})
			return err
		},
		"Annotations":       func() error { _, err := s.Annotations(done, "s1"); return err },
		"PutAnnotations":    func() error { _, err := s.PutAnnotations(done, []store.Annotation{annotationAt(a, 1)}); return err },
		"DeleteAnnotations": func() error { return s.DeleteAnnotations(done, []store.Ref{{ID: "a1", Rev: 1}}) },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, context.Canceled) {
			return fmt.Errorf("%s with a cancelled context: got error %v, want context.Canceled", name, err)
		}
	}
	return firstErr(
		func() error { return listStories(ctx, s, "after cancelled calls", storyAt(newStory("s1"), 1)) },
		func() error { return listRevisions(ctx, s, "s1", "after cancelled calls") },
		func() error { return listAnnotations(ctx, s, "s1", "after cancelled calls", annotationAt(a, 1)) },
	)
}
