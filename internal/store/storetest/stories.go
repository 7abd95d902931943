package storetest

import (
	"context"
	"time"

	"github.com/redline-news/redline/internal/store"
)

func checkStoryRevs(ctx context.Context, s store.Store) error {
	s1 := newStory("s1")
	var got store.Story
	var err error
	return firstErr(
		func() error { got, err = s.PutStory(ctx, s1); return err },
		func() error { return same("created story", got, storyAt(s1, 1)) },
		func() error { return listStories(ctx, s, "after create", storyAt(s1, 1)) },
		func() error {
			s1 = got
			s1.Title = "Putin prayed, updated 🇫🇷"
			got, err = s.PutStory(ctx, s1)
			return err
		},
		func() error { return same("updated story", got, storyAt(s1, 2)) },
		func() error {
			_, err := s.PutStory(ctx, storyAt(s1, 1))
			return wantErr("update at a stale Rev", err, store.ErrConflict)
		},
		func() error {
			_, err := s.PutStory(ctx, storyAt(s1, 0))
			return wantErr("create of an existing id", err, store.ErrConflict)
		},
		func() error {
			_, err := s.PutStory(ctx, storyAt(newStory("gone"), 3))
			return wantErr("update of a missing story", err, store.ErrNotFound)
		},
		func() error {
			_, err := s.PutStory(ctx, newStory(""))
			return wantErr("story without id", err, store.ErrInvalid)
		},
		func() error {
			_, err := s.PutStory(ctx, storyAt(newStory("neg"), -1))
			return wantErr("negative Rev", err, store.ErrInvalid)
		},
		func() error { return listStories(ctx, s, "after refused writes", storyAt(s1, 2)) },
	)
}

// checkStoryOrder: by creation time, ties in the order stored, updates
// keep a story's place.
func checkStoryOrder(ctx context.Context, s store.Store) error {
	late, early1, early2 := newStory("c-late"), newStory("b-early"), newStory("a-early")
	late.Created = day.Add(time.Hour)
	var err error
	return firstErr(
		func() error { late, err = s.PutStory(ctx, late); return err },
		func() error { early1, err = s.PutStory(ctx, early1); return err },
		func() error { early2, err = s.PutStory(ctx, early2); return err },
		func() error { early1, err = s.PutStory(ctx, early1); return err },
		func() error { return listStories(ctx, s, "stories", early1, early2, late) },
	)
}

func storyAt(s store.Story, rev int) store.Story {
	s.Rev = rev
	return s
}

func listStories(ctx context.Context, s store.Store, what string, want ...store.Story) error {
	got, err := s.Stories(ctx)
	if err != nil {
		return err
	}
	return sameList(what+": Stories", got, want)
}
