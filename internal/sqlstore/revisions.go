package sqlstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/redline-news/redline/internal/store"
)

const revisionColumns = `project, id, story_id, date, title, text, added, source, seq, deleted, added_by, pos, undated, byline`

type revisionRow struct {
	store.RevisionRec
	pos int64
}

func scanRevision(sc scanner) (revisionRow, error) {
	var r revisionRow
	var added string
	var deleted, undated int
	err := sc.Scan(&r.Project, &r.ID, &r.StoryID, &r.Date, &r.Title, &r.Text, &added, &r.Source, &r.Seq, &deleted, &r.AddedBy, &r.pos, &undated, &r.Byline)
	if err != nil {
		return r, err
	}
	r.Deleted, r.Undated = deleted != 0, undated != 0
	r.Added, err = parseTime(added)
	return r, err
}

func (r reader) revision(project, id string) (revisionRow, bool, error) {
	return queryOne(r, scanRevision, `SELECT `+revisionColumns+` FROM revisions WHERE project = ? AND id = ?`, project, id)
}

// revisions lists a story's live revisions oldest first: by Added, then
// in the order stored.
func (r reader) revisions(project, storyID string) ([]revisionRow, error) {
	out, err := queryAll(r, scanRevision, `SELECT `+revisionColumns+` FROM revisions WHERE project = ? AND story_id = ? AND deleted = 0`, project, storyID)
	slices.SortFunc(out, func(a, b revisionRow) int {
		return cmp.Or(a.Added.Compare(b.Added), cmp.Compare(a.pos, b.pos))
	})
	return out, err
}

// Revisions lists a live story's revisions, oldest first.
func (db *DB) Revisions(ctx context.Context, project, storyID string) ([]store.RevisionRec, error) {
	var out []store.RevisionRec
	err := db.readTx(ctx, func(r reader) error {
		if _, err := r.liveStory(project, storyID); err != nil {
			return err
		}
		rows, err := r.revisions(project, storyID)
		for _, rev := range rows {
			out = append(out, rev.RevisionRec)
		}
		return err
	})
	return out, err
}

// AddRevision stores a new revision of a live story; an id used before in
// the project (even by a deleted revision) is ErrConflict.
func (db *DB) AddRevision(ctx context.Context, a store.Actor, rev store.RevisionRec) (store.RevisionRec, error) {
	if err := checkRevision(a, rev); err != nil {
		return store.RevisionRec{}, err
	}
	var out revisionRow
	err := db.writeOnce(ctx, rev.Project, a, func(w *wtx) error {
		var err error
		if out, err = w.addRevision(rev, a); err != nil {
			return err
		}
		return w.applied(rev.Project, a, store.KindRevision, rev.ID, out.Seq)
	})
	if errors.Is(err, errReplay) {
		cur, _, rerr := db.reader(ctx).revision(rev.Project, rev.ID)
		return cur.RevisionRec, errors.Join(replayError(a), db.fail(ctx, rerr))
	}
	return out.RevisionRec, err
}

// checkRevision refuses a revision no engine can store.
func checkRevision(a store.Actor, rev store.RevisionRec) error {
	if err := checkText("revision", []any{a, rev}); err != nil {
		return err
	}
	if rev.ID == "" || rev.StoryID == "" || rev.Project == "" {
		return fmt.Errorf("revision without a project, story or id: %w", store.ErrInvalid)
	}
	return nil
}

// addRevision stores a new revision of a live story under an id never
// used in the project.
func (w *wtx) addRevision(rev store.RevisionRec, a store.Actor) (revisionRow, error) {
	r := w.reader()
	if _, err := r.liveStory(rev.Project, rev.StoryID); err != nil {
		return revisionRow{}, err
	}
	if _, found, err := r.revision(rev.Project, rev.ID); err != nil || found {
		return revisionRow{}, cmpErr(err, found, fmt.Errorf("revision %q already exists: %w", rev.ID, store.ErrConflict))
	}
	return w.putRevision(revisionRow{RevisionRec: rev}, a, false)
}

// putRevision writes a revision row with a change: new, or (stored, by
// the store.Store view) over a tombstone.
func (w *wtx) putRevision(rev revisionRow, a store.Actor, stored bool) (revisionRow, error) {
	seq, err := w.change(rev.Project, store.KindRevision, rev.ID)
	if err != nil {
		return rev, err
	}
	rev.Seq, rev.pos, rev.Deleted, rev.AddedBy = seq, seq, false, a.User
	if rev.Added.IsZero() {
		rev.Added = w.now
	}
	if stored {
		if err := w.exec(`DELETE FROM revisions WHERE project = ? AND id = ?`, rev.Project, rev.ID); err != nil {
			return rev, err
		}
	}
	return rev, w.exec(`INSERT INTO revisions (`+revisionColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
		rev.Project, rev.ID, rev.StoryID, rev.Date, rev.Title, rev.Text, formatTime(rev.Added), rev.Source, seq, rev.AddedBy, rev.pos,
		flag(rev.Undated), rev.Byline)
}

// deleteRevision leaves a revision's tombstone, with a change, so synced
// browsers see it go.
func (w *wtx) deleteRevision(project, id string) (int64, error) {
	seq, err := w.change(project, store.KindRevision, id)
	if err != nil {
		return 0, err
	}
	return seq, w.exec(`UPDATE revisions SET deleted = 1, seq = ? WHERE project = ? AND id = ?`, seq, project, id)
}
