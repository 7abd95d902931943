package sqlstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/redline-news/redline/internal/store"
)

const storyColumns = `project, id, title, created, source, seq, deleted, created_by, modified_by, modified, rev, pos`

// storyRow is a stories row: the record and what orders and versions it.
type storyRow struct {
	store.StoryRec
	rev int
	pos int64
}

func scanStory(sc scanner) (storyRow, error) {
	var s storyRow
	var created, modified string
	var deleted int
	err := sc.Scan(&s.Project, &s.ID, &s.Title, &created, &s.Source, &s.Seq, &deleted, &s.CreatedBy, &s.ModifiedBy, &modified, &s.rev, &s.pos)
	if err != nil {
		return s, err
	}
	s.Deleted = deleted != 0
	if s.Created, err = parseTime(created); err == nil {
		s.Modified, err = parseTime(modified)
	}
	return s, err
}

// story reads one story row, tombstone or not; found is false if none.
func (r reader) story(project, id string) (storyRow, bool, error) {
	return queryOne(r, scanStory, `SELECT `+storyColumns+` FROM stories WHERE project = ? AND id = ?`, project, id)
}

// liveStory reads a story that must exist and not be deleted.
func (r reader) liveStory(project, id string) (storyRow, error) {
	s, found, err := r.story(project, id)
	switch {
	case err != nil:
		return s, err
	case !found:
		return s, fmt.Errorf("story %q: %w", id, store.ErrNotFound)
	case s.Deleted:
		return s, fmt.Errorf("story %q: %w", id, store.ErrGone)
	}
	return s, nil
}

func (r reader) stories(project string) ([]storyRow, error) {
	out, err := queryAll(r, scanStory, `SELECT `+storyColumns+` FROM stories WHERE project = ? AND deleted = 0`, project)
	// By creation time, then in the order first stored (RFC 3339 text
	// does not sort as time, so this is done here).
	slices.SortFunc(out, func(a, b storyRow) int {
		return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.pos, b.pos))
	})
	return out, err
}

// Stories lists a project's live stories by creation time, then in the
// order they were first stored.
func (db *DB) Stories(ctx context.Context, project string) ([]store.StoryRec, error) {
	rows, err := db.reader(ctx).stories(project)
	if err != nil {
		return nil, db.fail(ctx, err)
	}
	out := make([]store.StoryRec, len(rows))
	for i, s := range rows {
		out[i] = s.StoryRec
	}
	return out, nil
}

// Story returns one story; a deleted one is ErrGone, with its tombstone.
func (db *DB) Story(ctx context.Context, project, id string) (store.StoryRec, error) {
	s, found, err := db.reader(ctx).story(project, id)
	switch {
	case err != nil:
		return store.StoryRec{}, db.fail(ctx, err)
	case !found:
		return store.StoryRec{}, fmt.Errorf("story %q: %w", id, store.ErrNotFound)
	case s.Deleted:
		return s.StoryRec, fmt.Errorf("story %q: %w", id, store.ErrGone)
	}
	return s.StoryRec, nil
}

// PutStory creates (ifSeq 0) or updates the title and source of (ifSeq
// as read) a story.
func (db *DB) PutStory(ctx context.Context, a store.Actor, s store.StoryRec, ifSeq int64) (store.StoryRec, error) {
	if err := checkStory(a, s); err != nil {
		return store.StoryRec{}, err
	}
	var out storyRow
	err := db.writeOnce(ctx, s.Project, a, func(w *wtx) error {
		var err error
		if out, err = w.putStoryIf(s, a, ifSeq); err != nil {
			return err
		}
		return w.applied(s.Project, a, store.KindStory, s.ID, out.Seq)
	})
	if errors.Is(err, errReplay) {
		cur, err := db.Story(ctx, s.Project, s.ID)
		return cur, errors.Join(replayError(a), err)
	}
	return out.StoryRec, err
}

// checkStory refuses a story no engine can store.
func checkStory(a store.Actor, s store.StoryRec) error {
	if err := checkText("story", []any{a, s}); err != nil {
		return err
	}
	if s.ID == "" || s.Project == "" {
		return fmt.Errorf("story without a project or id: %w", store.ErrInvalid)
	}
	return nil
}

// putStoryIf creates (ifSeq 0) or updates (ifSeq as read) a story as
// PutStory decides.
func (w *wtx) putStoryIf(s store.StoryRec, a store.Actor, ifSeq int64) (storyRow, error) {
	old, found, err := w.reader().story(s.Project, s.ID)
	if err != nil {
		return storyRow{}, err
	}
	if err := checkIfSeq("story", s.ID, found, old.Deleted, old.Seq, ifSeq); err != nil {
		return storyRow{}, err
	}
	row := storyRow{StoryRec: s, rev: old.rev + 1, pos: old.pos}
	if !found {
		if err := w.needProject(s.Project); err != nil {
			return storyRow{}, err
		}
		row.rev = 1
		if row.Created.IsZero() {
			row.Created = w.now
		}
	} else {
		row.Created, row.CreatedBy = old.Created, old.CreatedBy
	}
	return w.putStory(row, a, found)
}

// putStory writes a story row (created when !stored, or revived from its
// tombstone by the store.Store view) with a new change.
func (w *wtx) putStory(s storyRow, a store.Actor, stored bool) (storyRow, error) {
	seq, err := w.change(s.Project, store.KindStory, s.ID)
	if err != nil {
		return s, err
	}
	s.Seq, s.Deleted, s.ModifiedBy, s.Modified = seq, false, a.User, w.now
	if s.pos == 0 {
		s.pos, s.CreatedBy = seq, a.User // new, or revived: a new place in the order
	}
	if !stored {
		return s, w.exec(`INSERT INTO stories (`+storyColumns+`) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
			s.Project, s.ID, s.Title, formatTime(s.Created), s.Source, seq, s.CreatedBy, s.ModifiedBy, formatTime(s.Modified), s.rev, s.pos)
	}
	return s, w.exec(`UPDATE stories SET title = ?, created = ?, source = ?, seq = ?, deleted = 0, created_by = ?, modified_by = ?, modified = ?, rev = ?, pos = ?
		WHERE project = ? AND id = ?`,
		s.Title, formatTime(s.Created), s.Source, seq, s.CreatedBy, s.ModifiedBy, formatTime(s.Modified), s.rev, s.pos, s.Project, s.ID)
}

// DeleteStory tombstones a story with its revisions and annotations and
// returns the seq of the story's tombstone.
func (db *DB) DeleteStory(ctx context.Context, a store.Actor, project, id string, ifSeq int64) (int64, error) {
	if err := checkText("story", a); err != nil {
		return 0, err
	}
	var seq int64
	err := db.writeOnce(ctx, project, a, func(w *wtx) error {
		old, found, err := w.reader().story(project, id)
		if err != nil {
			return err
		}
		if err := checkDelete("story", id, found, old.Deleted, old.Seq, ifSeq); err != nil {
			return err
		}
		if seq, err = w.deleteStory(project, id, a); err != nil {
			return err
		}
		return w.applied(project, a, store.KindStory, id, seq)
	})
	if errors.Is(err, errReplay) {
		cur, err := db.Story(ctx, project, id)
		return cur.Seq, errors.Join(replayError(a), ignoreGone(err))
	}
	return seq, err
}

// deleteStory tombstones a live story, its live revisions and
// annotations, each with a change, and forgets its rejections.
func (w *wtx) deleteStory(project, id string, a store.Actor) (int64, error) {
	r := w.reader()
	revs, err := r.column(`SELECT id FROM revisions WHERE project = ? AND story_id = ? AND deleted = 0 ORDER BY pos`, project, id)
	if err != nil {
		return 0, err
	}
	anns, err := r.column(`SELECT id FROM annotations WHERE project = ? AND story_id = ? AND deleted = 0 ORDER BY pos`, project, id)
	if err != nil {
		return 0, err
	}
	if err := w.exec(`DELETE FROM rejections WHERE project = ? AND story_id = ?`, project, id); err != nil {
		return 0, err
	}
	for _, ann := range anns {
		if _, err := w.deleteAnnotation(project, ann, a); err != nil {
			return 0, err
		}
	}
	for _, rev := range revs {
		if _, err := w.deleteRevision(project, rev); err != nil {
			return 0, err
		}
	}
	seq, err := w.change(project, store.KindStory, id)
	if err != nil {
		return 0, err
	}
	return seq, w.exec(`UPDATE stories SET deleted = 1, seq = ?, modified_by = ?, modified = ? WHERE project = ? AND id = ?`,
		seq, a.User, formatTime(w.now), project, id)
}

// checkIfSeq decides a conditional write of a record: ifSeq 0 creates
// (taken → ErrConflict, tombstone → ErrGone), otherwise the record must
// be live at that seq.
func checkIfSeq(kind, id string, found, deleted bool, seq, ifSeq int64) error {
	switch {
	case ifSeq < 0:
		return fmt.Errorf("%s %q: negative seq %d: %w", kind, id, ifSeq, store.ErrInvalid)
	case found && deleted:
		return fmt.Errorf("%s %q: %w", kind, id, store.ErrGone)
	case ifSeq == 0 && found:
		return fmt.Errorf("%s %q already exists: %w", kind, id, store.ErrConflict)
	case ifSeq == 0:
		return nil
	case !found:
		return fmt.Errorf("%s %q: %w", kind, id, store.ErrNotFound)
	case seq != ifSeq:
		return fmt.Errorf("%s %q is at seq %d, not %d: %w", kind, id, seq, ifSeq, store.ErrConflict)
	}
	return nil
}

// checkDelete decides a delete: the record must be live and, unless
// ifSeq is 0 (unconditional), at that seq.
func checkDelete(kind, id string, found, deleted bool, seq, ifSeq int64) error {
	if !found {
		return fmt.Errorf("%s %q: %w", kind, id, store.ErrNotFound)
	}
	if ifSeq == 0 {
		ifSeq = seq
	}
	return checkIfSeq(kind, id, found, deleted, seq, ifSeq)
}

func ignoreGone(err error) error {
	if errors.Is(err, store.ErrGone) {
		return nil
	}
	return err
}

// column reads one text column of every row.
func (r reader) column(q string, args ...any) ([]string, error) {
	return queryAll(r, func(sc scanner) (s string, err error) { err = sc.Scan(&s); return }, q, args...)
}
