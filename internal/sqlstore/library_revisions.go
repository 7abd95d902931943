package sqlstore

import (
	"context"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// DeleteRevision tombstones the story's latest revision and the
// annotations on it (each with its change and history entry, as any
// delete) and drops its rejections, which are not part of the change
// sequence. AddRevision revives the tombstones, so an undo re-uses the ids.
func (l *Library) DeleteRevision(ctx context.Context, storyID, revisionID string) (store.Deleted, error) {
	if err := ctx.Err(); err != nil {
		return store.Deleted{}, err
	}
	if err := store.CheckStoryID(storyID); err != nil {
		return store.Deleted{}, err
	}
	var d store.Deleted
	err := l.db.write(ctx, func(w *wtx) error {
		r := w.reader()
		if _, err := l.liveStory(r, storyID); err != nil {
			return err
		}
		rows, err := r.revisions(l.project, storyID)
		if err != nil {
			return err
		}
		revs := make([]annotation.Revision, len(rows))
		for i, rev := range rows {
			revs[i] = rev.Revision
		}
		if err := store.CheckDeleteRevision(storyID, revisionID, revs); err != nil {
			return err
		}
		d = store.Deleted{Revision: revs[len(revs)-1]}
		anns, err := l.annotations(r, storyID)
		if err != nil {
			return err
		}
		for _, a := range anns {
			if a.Revision != revisionID {
				continue
			}
			if _, err := w.deleteAnnotation(l.project, a.ID, l.actor); err != nil {
				return err
			}
			d.Annotations = append(d.Annotations, a)
		}
		if d.Rejections, err = r.column(`SELECT key FROM rejections WHERE project = ? AND revision_id = ?`, l.project, revisionID); err != nil {
			return err
		}
		d.Rejections = store.ListRejections(d.Rejections)
		if err := w.exec(`DELETE FROM rejections WHERE project = ? AND revision_id = ?`, l.project, revisionID); err != nil {
			return err
		}
		return w.deleteRevision(l.project, revisionID)
	})
	if err != nil {
		return store.Deleted{}, err
	}
	return d, nil
}
