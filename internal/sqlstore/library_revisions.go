package sqlstore

import (
	"context"

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
		if _, err := l.liveStory(w.reader(), storyID); err != nil {
			return err
		}
		var err error
		d, _, err = w.deleteLatestRevision(l.project, storyID, revisionID, 0, l.actor, nil)
		return err
	})
	if err != nil {
		return store.Deleted{}, err
	}
	return d, nil
}
