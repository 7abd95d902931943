package sqlstore

import (
	"context"

	"github.com/redline-news/redline/internal/store"
)

// Rejections are the reader's own choices about suggestions; they are
// not part of the change sequence.

func (l *Library) Rejections(ctx context.Context, revisionID string) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := store.CheckRevisionID(revisionID); err != nil {
		return nil, err
	}
	var keys []string
	err := l.db.readTx(ctx, func(r reader) error {
		rev, found, err := r.revision(l.project, revisionID)
		if err != nil {
			return err
		}
		if !found || rev.Deleted {
			return store.MissingRevision(revisionID)
		}
		keys, err = r.column(`SELECT key FROM rejections WHERE project = ? AND revision_id = ?`, l.project, revisionID)
		return err
	})
	return store.ListRejections(keys), err
}

func (l *Library) Reject(ctx context.Context, storyID, revisionID, key string) error {
	return l.changeRejection(ctx, storyID, revisionID, key,
		`INSERT INTO rejections (project, revision_id, key, story_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, true)
}

func (l *Library) Unreject(ctx context.Context, storyID, revisionID, key string) error {
	return l.changeRejection(ctx, storyID, revisionID, key,
		`DELETE FROM rejections WHERE project = ? AND revision_id = ? AND key = ?`, false)
}

// changeRejection checks a Reject or Unreject and runs its statement.
func (l *Library) changeRejection(ctx context.Context, storyID, revisionID, key, stmt string, insert bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := store.CheckRejection(storyID, revisionID, key); err != nil {
		return err
	}
	if err := checkText("rejection", []string{storyID, revisionID, key}); err != nil {
		return err
	}
	return l.db.write(ctx, func(w *wtx) error {
		rev, found, err := w.reader().revision(l.project, revisionID)
		if err != nil {
			return err
		}
		if err := store.CheckRevisionOf(revisionID, found && !rev.Deleted, rev.StoryID, storyID); err != nil {
			return err
		}
		if insert {
			return w.exec(stmt, l.project, revisionID, key, storyID)
		}
		return w.exec(stmt, l.project, revisionID, key)
	})
}
