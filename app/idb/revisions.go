//go:build js && wasm

package idb

import (
	"context"
	"fmt"
	"syscall/js"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

func (d *DB) Revisions(ctx context.Context, storyID string) ([]annotation.Revision, error) {
	recs, err := listByStory(ctx, d, revisionsStore, storyID, revisionFrom)
	if err != nil {
		return nil, err
	}
	return store.ListRevisions(recs), nil
}

func (d *DB) AddRevision(ctx context.Context, rev annotation.Revision, anns []store.Annotation) ([]store.Annotation, error) {
	if err := store.CheckRevision(rev, anns); err != nil {
		return nil, err
	}
	var out []store.Annotation
	err := d.run(ctx, "readwrite", []string{storiesStore, revisionsStore, annotationsStore}, func(t *txn) error {
		if err := needStories(ctx, t, rev.StoryID); err != nil {
			return err
		}
		old, err := t.get(ctx, revisionsStore, []string{rev.ID})
		if err != nil {
			return err
		}
		if !missing(old[0]) {
			return fmt.Errorf("revision %q already exists: %w", rev.ID, store.ErrConflict)
		}
		writes, err := admit(ctx, t, anns)
		if err != nil {
			return err
		}
		rec, err := revisionRecord(rev, nextSeq())
		if err == nil {
			err = t.put(revisionsStore, rec)
		}
		if err != nil {
			return err
		}
		out, err = writes.put(ctx, t)
		return err
	})
	if err != nil {
		return nil, err
	}
	d.notify("revisions", rev.StoryID)
	return out, nil
}

// listByStory reads a story's records from one object store, failing with
// ErrNotFound if the story is not stored.
func listByStory[T any](ctx context.Context, d *DB, storeName, storyID string, from func(record) (T, error)) ([]store.Stored[T], error) {
	if err := store.CheckStoryID(storyID); err != nil {
		return nil, err
	}
	var all js.Value
	err := d.run(ctx, "readonly", []string{storiesStore, storeName}, func(t *txn) error {
		if err := needStories(ctx, t, storyID); err != nil {
			return err
		}
		var err error
		all, err = t.byStory(ctx, storeName, "getAll", storyID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return decodeInTurns(ctx, all, from)
}
