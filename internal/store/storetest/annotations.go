package storetest

import (
	"context"
	"fmt"

	"github.com/redline-news/redline/internal/store"
)

// checkRoundTrip: every field comes back as it went in, on the write and
// on the read, for the shapes of annotation Redline stores.
func checkRoundTrip(ctx context.Context, s store.Store) error {
	full, quote, pos := fullAnnotation("a-full", "s1"), quoteOnly("a-quote", "s1"), positionOnly("a-pos", "s1")
	var got []store.Annotation
	var err error
	return firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { got, err = s.PutAnnotations(ctx, []store.Annotation{full, quote, pos}); return err },
		func() error {
			return sameList("PutAnnotations result", got, []store.Annotation{annotationAt(full, 1), annotationAt(quote, 1), annotationAt(pos, 1)})
		},
		func() error {
			return listAnnotations(ctx, s, "s1", "after create", annotationAt(full, 1), annotationAt(quote, 1), annotationAt(pos, 1))
		},
		func() error {
			full = annotationAt(full, 1)
			full.Note, full.Tags, full.Target.Selector.Position = "edited ✍️", nil, nil
			got, err = s.PutAnnotations(ctx, []store.Annotation{full})
			return err
		},
		func() error { return sameList("update result", got, []store.Annotation{annotationAt(full, 2)}) },
		func() error {
			return listAnnotations(ctx, s, "s1", "after update", annotationAt(full, 2), annotationAt(quote, 1), annotationAt(pos, 1))
		},
	)
}

// checkAliasing: changing what went in or came out changes nothing stored.
func checkAliasing(ctx context.Context, s store.Store) error {
	in := fullAnnotation("a1", "s1")
	want := annotationAt(fullAnnotation("a1", "s1"), 1)
	var out []store.Annotation
	var err error
	return firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { out, err = s.PutAnnotations(ctx, []store.Annotation{in}); return err },
		func() error {
			in.Tags[0], in.Target.Selector.Quote.Exact, in.Target.Selector.Position.Start = "changed after Put", "changed", 99
			out[0].Tags[1], out[0].Target.Selector.Quote.Prefix, out[0].Target.Selector.Position.End = "changed result", "changed", 99
			return listAnnotations(ctx, s, "s1", "after changing input and result", want)
		},
		func() error {
			listed, err := s.Annotations(ctx, "s1")
			if err != nil {
				return err
			}
			listed[0].Tags[2], listed[0].Target.Selector.Quote.Suffix, listed[0].Target.Selector.Position.Start = "changed list", "changed", 42
			return listAnnotations(ctx, s, "s1", "after changing a listed copy", want)
		},
	)
}

// checkAnnotationOrder: creation order, not id order; updates keep their
// place.
func checkAnnotationOrder(ctx context.Context, s store.Store) error {
	c, a, b := quoteOnly("c", "s1"), quoteOnly("a", "s1"), quoteOnly("b", "s1")
	return firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { _, err := s.PutAnnotations(ctx, []store.Annotation{c, a}); return err },
		func() error { _, err := s.PutAnnotations(ctx, []store.Annotation{b}); return err },
		func() error { _, err := s.PutAnnotations(ctx, []store.Annotation{annotationAt(c, 1)}); return err },
		func() error {
			return listAnnotations(ctx, s, "s1", "order", annotationAt(c, 2), annotationAt(a, 1), annotationAt(b, 1))
		},
	)
}

func checkAnnotationRevs(ctx context.Context, s store.Store) error {
	a := quoteOnly("a1", "s1")
	put := func(a store.Annotation) error { _, err := s.PutAnnotations(ctx, []store.Annotation{a}); return err }
	return firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { _, err := s.PutStory(ctx, newStory("s2")); return err },
		func() error { return put(a) },
		func() error { a = annotationAt(a, 1); a.Note = "second"; return put(a) },
		func() error { return wantErr("update at a stale Rev", put(annotationAt(a, 1)), store.ErrConflict) },
		func() error { return wantErr("update at a future Rev", put(annotationAt(a, 5)), store.ErrConflict) },
		func() error { return wantErr("create of an existing id", put(annotationAt(a, 0)), store.ErrConflict) },
		func() error {
			return wantErr("update of a missing annotation", put(annotationAt(quoteOnly("gone", "s1"), 1)), store.ErrNotFound)
		},
		func() error {
			moved := annotationAt(a, 2)
			moved.StoryID = "s2"
			return wantErr("moving to another story", put(moved), store.ErrInvalid)
		},
		func() error { return listAnnotations(ctx, s, "s1", "after refused writes", annotationAt(a, 2)) },
	)
}

// checkBatches: a batch with one bad record writes nothing.
func checkBatches(ctx context.Context, s store.Store) error {
	a1, a2, a3 := quoteOnly("a1", "s1"), quoteOnly("a2", "s1"), quoteOnly("a3", "s1")
	refused := func(what string, want error, batch ...store.Annotation) func() error {
		return func() error {
			_, err := s.PutAnnotations(ctx, batch)
			if err := wantErr(what, err, want); err != nil {
				return err
			}
			return listAnnotations(ctx, s, "s1", "after "+what, annotationAt(a1, 1), annotationAt(a2, 1))
		}
	}
	edited := annotationAt(a1, 1)
	edited.Note = "must not be written"
	noStory, negative := quoteOnly("a4", ""), annotationAt(a3, -1)
	noID := quoteOnly("", "s1")
	return firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { _, err := s.PutAnnotations(ctx, []store.Annotation{a1, a2}); return err },
		refused("an update beside a stale one", store.ErrConflict, edited, annotationAt(a2, 7)),
		refused("a new one beside one of a missing story", store.ErrNotFound, a3, quoteOnly("a4", "no-such-story")),
		refused("a new one beside a create of an existing id", store.ErrConflict, a3, a1),
		refused("the same id twice", store.ErrInvalid, a3, a3),
		refused("a new one beside one without story", store.ErrInvalid, a3, noStory),
		refused("a new one beside one without id", store.ErrInvalid, a3, noID),
		refused("a negative Rev", store.ErrInvalid, negative),
		func() error {
			got, err := s.PutAnnotations(ctx, nil)
			if err != nil || len(got) != 0 {
				return fmt.Errorf("empty batch: got %v, %v; want nothing, no error", got, err)
			}
			return nil
		},
	)
}

// checkLargeBatch: hundreds of records in one write, created then updated.
func checkLargeBatch(ctx context.Context, s store.Store) error {
	const n = 300
	batch := make([]store.Annotation, n)
	for i := range batch {
		batch[i] = fullAnnotation(fmt.Sprintf("a%03d", n-i), "s1") // ids in reverse of creation order
	}
	var got []store.Annotation
	var err error
	return firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { got, err = s.PutAnnotations(ctx, batch); return err },
		func() error { got, err = s.PutAnnotations(ctx, got); return err },
		func() error {
			want := make([]store.Annotation, n)
			for i, a := range batch {
				want[i] = annotationAt(a, 2)
			}
			if err := sameList("update result", got, want); err != nil {
				return err
			}
			return listAnnotations(ctx, s, "s1", "after update", want...)
		},
	)
}

func checkDeleteAnnotations(ctx context.Context, s store.Store) error {
	a1, a2 := quoteOnly("a1", "s1"), quoteOnly("a2", "s1")
	del := func(refs ...store.Ref) error { return s.DeleteAnnotations(ctx, refs) }
	refused := func(what string, want error, refs ...store.Ref) func() error {
		return func() error {
			if err := wantErr(what, del(refs...), want); err != nil {
				return err
			}
			return listAnnotations(ctx, s, "s1", "after "+what, annotationAt(a1, 2), annotationAt(a2, 1))
		}
	}
	return firstErr(
		func() error { _, err := s.PutStory(ctx, newStory("s1")); return err },
		func() error { _, err := s.PutAnnotations(ctx, []store.Annotation{a1, a2}); return err },
		func() error { _, err := s.PutAnnotations(ctx, []store.Annotation{annotationAt(a1, 1)}); return err },
		refused("a delete beside a stale one", store.ErrConflict, store.Ref{ID: "a2", Rev: 1}, store.Ref{ID: "a1", Rev: 1}),
		refused("a delete beside one of a missing annotation", store.ErrNotFound, store.Ref{ID: "a2", Rev: 1}, store.Ref{ID: "gone", Rev: 1}),
		refused("a delete at Rev 0", store.ErrInvalid, store.Ref{ID: "a1"}),
		refused("a delete without id", store.ErrInvalid, store.Ref{Rev: 1}),
		refused("the same delete twice", store.ErrInvalid, store.Ref{ID: "a2", Rev: 1}, store.Ref{ID: "a2", Rev: 1}),
		func() error { return del(store.Ref{ID: "a1", Rev: 2}, store.Ref{ID: "a2", Rev: 1}) },
		func() error { return listAnnotations(ctx, s, "s1", "after delete") },
		func() error { return wantErr("deleting again", del(store.Ref{ID: "a1", Rev: 2}), store.ErrNotFound) },
	)
}

func listAnnotations(ctx context.Context, s store.Store, storyID, what string, want ...store.Annotation) error {
	got, err := s.Annotations(ctx, storyID)
	if err != nil {
		return fmt.Errorf("%s: Annotations(%q): %w", what, storyID, err)
	}
	return sameList(fmt.Sprintf("%s: Annotations(%q)", what, storyID), got, want)
}
