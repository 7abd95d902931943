package sqlstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// DeleteRevision tombstones the latest revision of a live story (never
// its only one: that is deleting the story) at seq ifSeq (0: whatever its
// seq), in one transaction with the annotations on it: the store.Store
// view's by their revision, the documents for which onRevision says so
// (the store does not read documents), each with its change and history
// entry. Its rejections go too. It answers the revision's tombstone seq.
func (db *DB) DeleteRevision(ctx context.Context, a store.Actor, project, storyID, revisionID string, ifSeq int64, onRevision func(doc []byte) bool) (int64, error) {
	if err := checkText("revision", a); err != nil {
		return 0, err
	}
	var seq int64
	err := db.writeOnce(ctx, project, a, func(w *wtx) error {
		if _, err := w.reader().liveStory(project, storyID); err != nil {
			return err
		}
		var err error
		if _, seq, err = w.deleteLatestRevision(project, storyID, revisionID, ifSeq, a, onRevision); err != nil {
			return err
		}
		return w.applied(project, a, store.KindRevision, revisionID, seq)
	})
	if errors.Is(err, errReplay) {
		cur, _, rerr := db.reader(ctx).revision(project, revisionID)
		return cur.Seq, errors.Join(replayError(a), db.fail(ctx, rerr))
	}
	return seq, err
}

// deleteLatestRevision is DeleteRevision inside a write, for both views
// (onRevision nil: no documents), once the story is known to be live. It
// returns what went and the revision's tombstone seq.
func (w *wtx) deleteLatestRevision(project, storyID, revisionID string, ifSeq int64, a store.Actor, onRevision func([]byte) bool) (store.Deleted, int64, error) {
	r := w.reader()
	rows, err := r.revisions(project, storyID)
	if err != nil {
		return store.Deleted{}, 0, err
	}
	revs := make([]annotation.Revision, len(rows))
	for i, rev := range rows {
		revs[i] = rev.Revision
	}
	if err := store.CheckDeleteRevision(storyID, revisionID, revs); err != nil {
		return store.Deleted{}, 0, err
	}
	latest := rows[len(rows)-1]
	if ifSeq != 0 && latest.Seq != ifSeq {
		return store.Deleted{}, 0, fmt.Errorf("revision %q is at seq %d, not %d: %w", revisionID, latest.Seq, ifSeq, store.ErrConflict)
	}
	d := store.Deleted{Revision: latest.Revision}
	ids, err := w.annotationsOn(project, storyID, revisionID, onRevision, &d)
	if err != nil {
		return d, 0, err
	}
	for _, id := range ids {
		if _, err := w.deleteAnnotation(project, id, a); err != nil {
			return d, 0, err
		}
	}
	if d.Rejections, err = r.column(`SELECT key FROM rejections WHERE project = ? AND revision_id = ?`, project, revisionID); err != nil {
		return d, 0, err
	}
	d.Rejections = store.ListRejections(d.Rejections)
	if err := w.exec(`DELETE FROM rejections WHERE project = ? AND revision_id = ?`, project, revisionID); err != nil {
		return d, 0, err
	}
	seq, err := w.deleteRevision(project, revisionID)
	return d, seq, err
}

// annotationsOn lists the ids of a story's live annotations on a
// revision: records of the store.Store view (added to d) and documents
// onRevision claims.
func (w *wtx) annotationsOn(project, storyID, revisionID string, onRevision func([]byte) bool, d *store.Deleted) ([]string, error) {
	rows, err := w.reader().query(`SELECT id, rev, model, json FROM annotations
		WHERE project = ? AND story_id = ? AND deleted = 0 ORDER BY pos`, project, storyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		var rev int
		var model, doc *string
		if err := rows.Scan(&id, &rev, &model, &doc); err != nil {
			return nil, err
		}
		switch {
		case model != nil:
			a := store.Annotation{StoryID: storyID, Rev: rev}
			if err := json.Unmarshal([]byte(*model), &a.Annotation); err != nil {
				return nil, fmt.Errorf("annotation %q: %w", id, err)
			}
			if a.Revision == revisionID {
				ids, d.Annotations = append(ids, id), append(d.Annotations, a)
			}
		case doc != nil && onRevision != nil && onRevision([]byte(*doc)):
			ids = append(ids, id)
		}
	}
	return ids, rows.Err()
}
