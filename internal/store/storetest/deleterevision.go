package storetest

import (
	"context"
	"fmt"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// threeRevisions stores story s1 with revisions r1, r2, r3 (oldest
// first): one annotation on r1, one on no revision in particular, one
// carried onto r3, and a rejection on r2 and on r3.
func threeRevisions(ctx context.Context, s store.Store) (r1, r2, r3 annotation.Revision, onR1, loose, onR3 store.Annotation, err error) {
	r1, r2, r3 = newRevision("r1", "s1", day), newRevision("r2", "s1", day.Add(time.Hour)), newRevision("r3", "s1", day.Add(2*time.Hour))
	onR1, loose, onR3 = onRevision(fullAnnotation("on-r1", "s1"), "r1"), quoteOnly("loose", "s1"), onRevision(fullAnnotation("on-r3", "s1"), "r3")
	err = firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { _, err := s.AddRevision(ctx, r1, []store.Annotation{onR1}); return err },
		func() error { _, err := s.PutAnnotations(ctx, []store.Annotation{loose}); return err },
		func() error { _, err := s.AddRevision(ctx, r2, nil); return err },
		func() error { _, err := s.AddRevision(ctx, r3, []store.Annotation{onR3}); return err },
		func() error { return s.Reject(ctx, "s1", "r2", keyClaim) },
		func() error { return s.Reject(ctx, "s1", "r3", keyQuote) },
	)
	return r1, r2, r3, annotationAt(onR1, 1), annotationAt(loose, 1), annotationAt(onR3, 1), err
}

// checkDeleteRevision: only the latest revision can be deleted, never the
// only one; it goes with its annotations and rejections, the earlier
// revisions keep theirs, and re-adding what came back undoes it.
func checkDeleteRevision(ctx context.Context, s store.Store) error {
	r1, r2, r3, onR1, loose, onR3, err := threeRevisions(ctx, s)
	if err != nil {
		return err
	}
	var d store.Deleted
	refused := func(what, storyID, revisionID string, want error) func() error {
		return func() error {
			_, err := s.DeleteRevision(ctx, storyID, revisionID)
			return wantErr(what, err, want)
		}
	}
	intact := func(what string, revs []annotation.Revision, anns ...store.Annotation) func() error {
		return func() error {
			return firstErr(
				func() error { return listRevisions(ctx, s, "s1", what, revs...) },
				func() error { return listAnnotations(ctx, s, "s1", what, anns...) },
				func() error { return listRejections(ctx, s, "r2", what, keyClaim) },
			)
		}
	}
	all := []annotation.Revision{r1, r2, r3}
	return firstErr(
		refused("deleting the first of three", "s1", "r1", store.ErrInvalid),
		refused("deleting the middle one", "s1", "r2", store.ErrInvalid),
		refused("deleting a missing revision", "s1", "r9", store.ErrNotFound),
		refused("deleting without a revision id", "s1", "", store.ErrInvalid),
		refused("deleting without a story id", "", "r3", store.ErrInvalid),
		refused("deleting from a missing story", "gone", "r3", store.ErrNotFound),
		func() error { _, err := s.PutStory(ctx, newStory("s2")); return err },
		refused("deleting another story's revision", "s2", "r3", store.ErrNotFound),
		intact("after refused deletes", all, onR1, loose, onR3),
		func() error { return listRejections(ctx, s, "r3", "after refused deletes", keyQuote) },
		func() error { d, err = s.DeleteRevision(ctx, "s1", "r3"); return err },
		func() error {
			return same("what DeleteRevision returned", d, store.Deleted{Revision: r3, Annotations: []store.Annotation{onR3}, Rejections: []string{keyQuote}})
		},
		intact("after deleting the latest", all[:2], onR1, loose),
		func() error {
			_, err := s.Rejections(ctx, "r3")
			return wantErr("rejections of a deleted revision", err, store.ErrNotFound)
		},
		refused("deleting it twice", "s1", "r3", store.ErrNotFound),
		// Undo: the same revision and annotations, stored again as new.
		func() error {
			got, err := s.AddRevision(ctx, d.Revision, d.Carried())
			if err != nil {
				return fmt.Errorf("undo: %w", err)
			}
			return sameList("undo: AddRevision result", got, []store.Annotation{onR3})
		},
		func() error { return s.Reject(ctx, "s1", d.Revision.ID, d.Rejections[0]) },
		intact("after undo", all, onR1, loose, onR3),
		func() error { return listRejections(ctx, s, "r3", "after undo", keyQuote) },
		func() error { _, err := s.DeleteRevision(ctx, "s1", "r3"); return err },
		func() error { _, err := s.DeleteRevision(ctx, "s1", "r2"); return err },
		refused("deleting the only revision", "s1", "r1", store.ErrInvalid),
		func() error { return listRevisions(ctx, s, "s1", "after deleting down to one", r1) },
		func() error { return listAnnotations(ctx, s, "s1", "after deleting down to one", onR1, loose) },
	)
}

// checkConcurrentRevisionDeletes plays two tabs deleting the latest
// revision at once: exactly one wins, the other finds it gone.
func checkConcurrentRevisionDeletes(ctx context.Context, s store.Store) error {
	_, r2, _, onR1, loose, _, err := threeRevisions(ctx, s)
	if err != nil {
		return err
	}
	start := make(chan struct{})
	results := make(chan error, 2)
	for range 2 {
		go func() {
			<-start
			_, err := s.DeleteRevision(ctx, "s1", "r3")
			results <- err
		}()
	}
	close(start)
	x, y := <-results, <-results
	if x != nil {
		x, y = y, x
	}
	switch {
	case x != nil:
		return fmt.Errorf("both deletes failed: %v; %v", x, y)
	case y == nil:
		return fmt.Errorf("both deletes of one revision succeeded")
	case !isNotFound(y):
		return fmt.Errorf("the losing delete failed with %v, want not found", y)
	}
	return firstErr(
		func() error {
			return listRevisions(ctx, s, "s1", "after two deletes", newRevision("r1", "s1", day), r2)
		},
		func() error { return listAnnotations(ctx, s, "s1", "after two deletes", onR1, loose) },
	)
}
