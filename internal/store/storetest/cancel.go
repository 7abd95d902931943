package storetest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// checkCancelled: with a cancelled context every method fails with the
// context's error and writes nothing.
func checkCancelled(ctx context.Context, s store.Store) error {
	a := quoteOnly("a1", "s1")
	setup := firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { _, err := s.PutAnnotations(ctx, []store.Annotation{a}); return err },
		func() error { _, err := s.AddRevision(ctx, newRevision("r0", "s1", day), nil); return err },
		func() error {
			_, err := s.AddRevision(ctx, newRevision("r1", "s1", day.Add(time.Hour)), nil)
			return err
		},
		func() error { return s.Reject(ctx, "s1", "r0", keyQuote) },
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
			_, err := s.AddRevision(done, newRevision("r2", "s1", day), []store.Annotation{quoteOnly("a2", "s1")})
			return err
		},
		"DeleteRevision":    func() error { _, err := s.DeleteRevision(done, "s1", "r1"); return err },
		"Annotations":       func() error { _, err := s.Annotations(done, "s1"); return err },
		"PutAnnotations":    func() error { _, err := s.PutAnnotations(done, []store.Annotation{annotationAt(a, 1)}); return err },
		"DeleteAnnotations": func() error { return s.DeleteAnnotations(done, []store.Ref{{ID: "a1", Rev: 1}}) },
		"Rejections":        func() error { _, err := s.Rejections(done, "r0"); return err },
		"Reject":            func() error { return s.Reject(done, "s1", "r0", keyClaim) },
		"Unreject":          func() error { return s.Unreject(done, "s1", "r0", keyQuote) },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, context.Canceled) {
			return fmt.Errorf("%s with a cancelled context: got error %v, want context.Canceled", name, err)
		}
	}
	return firstErr(
		func() error { return listStories(ctx, s, "after cancelled calls", storyAt(newStory("s1"), 1)) },
		func() error {
			return listRevisions(ctx, s, "s1", "after cancelled calls", newRevision("r0", "s1", day), newRevision("r1", "s1", day.Add(time.Hour)))
		},
		func() error { return listAnnotations(ctx, s, "s1", "after cancelled calls", annotationAt(a, 1)) },
		func() error { return listRejections(ctx, s, "r0", "after cancelled calls", keyQuote) },
	)
}

// checkCancelMidWrite cancels a large write while it runs. When the
// cancel lands depends on scheduling, so either outcome is right: the
// write succeeded and everything is stored, or it failed with the
// context's error and nothing is. Half a batch is never right.
func checkCancelMidWrite(ctx context.Context, s store.Store) error {
	if _, err := s.PutStory(ctx, newStory("s1")); err != nil {
		return err
	}
	batch := make([]store.Annotation, 300)
	for i := range batch {
		batch[i] = fullAnnotation(fmt.Sprint("a", i), "s1")
	}
	err := cancelDuring(ctx, func(writing context.Context) error {
		_, err := s.PutAnnotations(writing, batch)
		return err
	})
	got, listErr := s.Annotations(ctx, "s1")
	switch {
	case listErr != nil:
		return listErr
	case err == nil && len(got) != len(batch):
		return fmt.Errorf("write succeeded but %d of %d annotations are stored", len(got), len(batch))
	case err != nil && !errors.Is(err, context.Canceled):
		return fmt.Errorf("cancelled write: got error %v, want context.Canceled", err)
	case err != nil && len(got) != 0:
		return fmt.Errorf("cancelled write left %d of %d annotations stored", len(got), len(batch))
	}
	return nil
}

// cancelDuring runs write with a context it cancels while the write runs
// and returns the write's error.
func cancelDuring(ctx context.Context, write func(context.Context) error) error {
	writing, cancel := context.WithCancel(ctx)
	result := make(chan error, 1)
	go func() { result <- write(writing) }()
	go func() {
		// Let the writer start first: in wasm it then blocks on IndexedDB
		// and the cancel lands in the middle of its transaction.
		runtime.Gosched()
		cancel()
	}()
	return <-result
}

// checkCancelMidDeleteRevision cancels the delete of a revision carrying
// many annotations while it runs: either the revision went with all of
// them, or the delete failed with the context's error and all are there.
func checkCancelMidDeleteRevision(ctx context.Context, s store.Store) error {
	r1, r2 := newRevision("r1", "s1", day), newRevision("r2", "s1", day.Add(time.Hour))
	carried := make([]store.Annotation, 300)
	for i := range carried {
		carried[i] = onRevision(fullAnnotation(fmt.Sprint("a", i), "s1"), "r2")
	}
	err := firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { _, err := s.AddRevision(ctx, r1, nil); return err },
		func() error { _, err := s.AddRevision(ctx, r2, carried); return err },
	)
	if err != nil {
		return err
	}
	err = cancelDuring(ctx, func(writing context.Context) error {
		_, err := s.DeleteRevision(writing, "s1", "r2")
		return err
	})
	revs, listErr := s.Revisions(ctx, "s1")
	if listErr != nil {
		return listErr
	}
	anns, listErr := s.Annotations(ctx, "s1")
	switch {
	case listErr != nil:
		return listErr
	case err == nil && (len(revs) != 1 || len(anns) != 0):
		return fmt.Errorf("delete succeeded but %d revisions and %d annotations are left", len(revs), len(anns))
	case err != nil && !errors.Is(err, context.Canceled):
		return fmt.Errorf("cancelled delete: got error %v, want context.Canceled", err)
	case err != nil && (len(revs) != 2 || len(anns) != len(carried)):
		return fmt.Errorf("cancelled delete left %d revisions and %d of %d annotations", len(revs), len(anns), len(carried))
	}
	return nil
}
