//go:build js && wasm

package idb

import (
	"context"
	"syscall/js"

	"github.com/redline-news/redline/internal/store"
)

// DeleteRevision removes the story's latest revision, the annotations on
// it and its rejections in one readwrite transaction; the ids are free
// again, so AddRevision of what it returns undoes it.
func (d *DB) DeleteRevision(ctx context.Context, storyID, revisionID string) (store.Deleted, error) {
	if err := store.CheckStoryID(storyID); err != nil {
		return store.Deleted{}, err
	}
	var del store.Deleted
	err := d.run(ctx, "readwrite", []string{storiesStore, revisionsStore, annotationsStore, rejectionsStore}, func(t *txn) error {
		if err := needStories(ctx, t, storyID); err != nil {
			return err
		}
		all, err := t.byStory(ctx, revisionsStore, "getAll", storyID)
		if err != nil {
			return err
		}
		recs, err := decodeAll(all, revisionFrom)
		if err != nil {
			return err
		}
		revs := store.ListRevisions(recs)
		if err := store.CheckDeleteRevision(storyID, revisionID, revs); err != nil {
			return err
		}
		del.Revision = revs[len(revs)-1]
		if all, err = t.byStory(ctx, annotationsStore, "getAll", storyID); err != nil {
			return err
		}
		stored, err := decodeAll(all, annotationFrom)
		if err != nil {
			return err
		}
		for _, a := range store.ListAnnotations(stored) {
			if a.Revision != revisionID {
				continue
			}
			if err := t.del(annotationsStore, js.ValueOf(a.ID)); err != nil {
				return err
			}
			del.Annotations = append(del.Annotations, a)
		}
		if del.Rejections, err = rejectionKeys(ctx, t, revisionID); err != nil {
			return err
		}
		if err := t.del(rejectionsStore, revisionKeys(revisionID)); err != nil {
			return err
		}
		return t.del(revisionsStore, js.ValueOf(revisionID))
	})
	if err != nil {
		return store.Deleted{}, err
	}
	d.notify("revisions", storyID)
	d.notify("annotations", storyID)
	return del, nil
}
