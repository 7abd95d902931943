package storetest

import (
	"context"
	"fmt"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// checkRevisions: revisions round-trip and list oldest first (by Added,
// not by the order they were stored).
func checkRevisions(ctx context.Context, s store.Store) error {
	r0, r1, r2 := newRevision("r0", "s1", day), newRevision("r1", "s1", day.Add(time.Hour)), newRevision("r2", "s1", day.Add(time.Hour))
	add := func(r annotation.Revision) error { _, err := s.AddRevision(ctx, r, nil); return err }
	return firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { return listRevisions(ctx, s, "s1", "no revisions yet") },
		func() error { return add(r1) },
		func() error { return add(r2) },
		func() error { return add(r0) },
		func() error { return listRevisions(ctx, s, "s1", "revisions", r0, r1, r2) },
		func() error { return wantErr("a revision id twice", add(r1), store.ErrConflict) },
		func() error {
			return wantErr("a revision of a missing story", add(newRevision("r9", "gone", day)), store.ErrNotFound)
		},
		func() error {
			return wantErr("a revision without id", add(newRevision("", "s1", day)), store.ErrInvalid)
		},
		func() error {
			return wantErr("a revision without story", add(newRevision("r9", "", day)), store.ErrInvalid)
		},
		func() error { return listRevisions(ctx, s, "s1", "after refused writes", r0, r1, r2) },
	)
}

// checkAddRevisionAtomic: a revision and the annotations carried onto it
// are stored together or not at all.
func checkAddRevisionAtomic(ctx context.Context, s store.Store) error {
	old := annotationAt(fullAnnotation("old", "s1"), 1)
	carried := func(id string) store.Annotation { return onRevision(fullAnnotation(id, "s1"), "r2") }
	refused := func(what string, want error, anns ...store.Annotation) func() error {
		return func() error {
			_, err := s.AddRevision(ctx, newRevision("r2", "s1", day), anns)
			if err := wantErr(what, err, want); err != nil {
				return err
			}
			if err := listRevisions(ctx, s, "s1", "after "+what); err != nil {
				return err
			}
			return listAnnotations(ctx, s, "s1", "after "+what, old)
		}
	}
	var got []store.Annotation
	var err error
	other, updated, foreign := carried("x"), annotationAt(carried("x"), 1), carried("x")
	other.Revision, foreign.StoryID = "r1", "s2"
	return firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { _, err := s.PutStory(ctx, newStory("s2")); return err },
		func() error {
			_, err := s.PutAnnotations(ctx, []store.Annotation{fullAnnotation("old", "s1")})
			return err
		},
		refused("carrying an existing id", store.ErrConflict, carried("x"), carried("old")),
		refused("carrying a stored annotation", store.ErrInvalid, carried("y"), updated),
		refused("carrying onto another revision", store.ErrInvalid, carried("y"), other),
		refused("carrying from another story", store.ErrInvalid, carried("y"), foreign),
		refused("carrying one id twice", store.ErrInvalid, carried("y"), carried("y")),
		func() error {
			got, err = s.AddRevision(ctx, newRevision("r2", "s1", day), []store.Annotation{carried("x"), carried("y")})
			return err
		},
		func() error {
			return sameList("AddRevision result", got, []store.Annotation{annotationAt(carried("x"), 1), annotationAt(carried("y"), 1)})
		},
		func() error { return listRevisions(ctx, s, "s1", "after adding", newRevision("r2", "s1", day)) },
		func() error {
			return listAnnotations(ctx, s, "s1", "after adding", old, annotationAt(carried("x"), 1), annotationAt(carried("y"), 1))
		},
	)
}

// checkIsolation: one story's records never show up in, or go away with,
// another's; a deleted story takes everything of its own with it.
func checkIsolation(ctx context.Context, s store.Store) error {
	carriedA1 := func(storyID string) store.Annotation {
		return onRevision(fullAnnotation(storyID+"-a1", storyID), storyID+"-r1")
	}
	fill := func(storyID string) func() error {
		return func() error {
			if _, err := s.PutStory(ctx, newStory(storyID)); err != nil {
				return err
			}
			if _, err := s.AddRevision(ctx, newRevision(storyID+"-r1", storyID, day), []store.Annotation{carriedA1(storyID)}); err != nil {
				return err
			}
			_, err := s.PutAnnotations(ctx, []store.Annotation{quoteOnly(storyID+"-a2", storyID)})
			return err
		}
	}
	intact := func(what, storyID string) func() error {
		return func() error {
			if err := listRevisions(ctx, s, storyID, what, newRevision(storyID+"-r1", storyID, day)); err != nil {
				return err
			}
			return listAnnotations(ctx, s, storyID, what, annotationAt(carriedA1(storyID), 1), annotationAt(quoteOnly(storyID+"-a2", storyID), 1))
		}
	}
	gone := func(what string) func() error {
		return func() error {
			if _, err := s.Revisions(ctx, "A"); !isNotFound(err) {
				return fmt.Errorf("%s: Revisions of a deleted story: got error %v, want not found", what, err)
			}
			if _, err := s.Annotations(ctx, "A"); !isNotFound(err) {
				return fmt.Errorf("%s: Annotations of a deleted story: got error %v, want not found", what, err)
			}
			return nil
		}
	}
	return firstErr(
		fill("A"), fill("B"),
		intact("before delete", "A"), intact("before delete", "B"),
		func() error { return s.DeleteStory(ctx, "A") },
		gone("after delete"),
		intact("after deleting the other story", "B"),
		func() error { return listStories(ctx, s, "after delete", storyAt(newStory("B"), 1)) },
		func() error { return wantErr("deleting a deleted story", s.DeleteStory(ctx, "A"), store.ErrNotFound) },
		func() error { return wantErr("deleting without id", s.DeleteStory(ctx, ""), store.ErrInvalid) },
		func() error {
			_, err := s.Revisions(ctx, "")
			return wantErr("revisions without story id", err, store.ErrInvalid)
		},
		func() error {
			_, err := s.Annotations(ctx, "")
			return wantErr("annotations without story id", err, store.ErrInvalid)
		},
		// The ids of a deleted story's records are free again.
		fill("A"),
		intact("after re-creating", "A"),
	)
}

func isNotFound(err error) bool { return wantErr("", err, store.ErrNotFound) == nil }

func listRevisions(ctx context.Context, s store.Store, storyID, what string, want ...annotation.Revision) error {
	got, err := s.Revisions(ctx, storyID)
	if err != nil {
		return fmt.Errorf("%s: Revisions(%q): %w", what, storyID, err)
	}
	return sameList(fmt.Sprintf("%s: Revisions(%q)", what, storyID), got, want)
}
