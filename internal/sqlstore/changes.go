package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// Changes returns the latest state of every record of the project whose
// last change is after since, in seq order, at most limit (0: all). It is
// read as one state, and never skips: every write commits in seq order.
func (db *DB) Changes(ctx context.Context, project string, since int64, limit int) ([]store.Change, error) {
	if limit < 0 || since < 0 {
		return nil, fmt.Errorf("negative since or limit: %w", store.ErrInvalid)
	}
	var out []store.Change
	err := db.readTx(ctx, func(r reader) error {
		q := `SELECT kind, id, seq FROM changes WHERE project = ? AND seq > ? ORDER BY seq`
		args := []any{project, since}
		if limit > 0 {
			q, args = q+` LIMIT ?`, append(args, limit)
		}
		rows, err := r.query(q, args...)
		if err != nil {
			return err
		}
		var latest []store.Change
		for rows.Next() {
			var c store.Change
			if err := rows.Scan(&c.Kind, &c.ID, &c.Seq); err != nil {
				rows.Close()
				return err
			}
			latest = append(latest, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, c := range latest {
			keep, err := r.fill(project, &c)
			if err != nil {
				return fmt.Errorf("%s %q: %w", c.Kind, c.ID, err)
			}
			if keep {
				out = append(out, c)
			}
		}
		return nil
	})
	return out, err
}

// fill sets the record of a change. It reports false for records the
// feed does not carry: annotations of the store.Store view (documents
// only travel through the API).
func (r reader) fill(project string, c *store.Change) (bool, error) {
	switch c.Kind {
	case store.KindStory:
		s, _, err := r.story(project, c.ID)
		c.Story, c.Deleted = &s.StoryRec, s.Deleted
		return true, err
	case store.KindRevision:
		rev, _, err := r.revision(project, c.ID)
		c.Revision, c.Deleted = &rev.RevisionRec, rev.Deleted
		return true, err
	case store.KindAnnotation:
		d, _, err := r.doc(project, c.ID)
		c.Doc, c.Deleted = &d.Doc, d.Deleted
		return d.Deleted || d.JSON != nil, err
	case store.KindMember:
		var m store.Member
		var deleted int
		err := r.queryRow(`SELECT project, user_name, role, deleted FROM members WHERE project = ? AND user_name = ?`, project, c.ID).
			Scan(&m.Project, &m.User, &m.Role, &deleted)
		if c.Deleted = deleted != 0 || errors.Is(err, sql.ErrNoRows); !c.Deleted {
			c.Member = &m
		}
		return true, ignoreNoRows(err)
	}
	return false, nil // rejections and kinds of later versions
}

func ignoreNoRows(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}

// pollEvery is how often WaitChanges looks at the database even without
// a signal: another process writing the same SQLite file cannot signal
// this one. (A variable so a test can show PostgreSQL's NOTIFY alone
// wakes a waiter.)
var pollEvery = time.Second

// WaitChanges returns nil once the project has a change after since (at
// once if it already has), or the context's error.
func (db *DB) WaitChanges(ctx context.Context, project string, since int64) error {
	for {
		woken := db.hub.wait(project) // before looking, so no change slips between
		var last int64
		if err := db.reader(ctx).queryRow(`SELECT COALESCE(MAX(seq), 0) FROM changes WHERE project = ?`, project).Scan(&last); err != nil {
			return db.fail(ctx, err)
		}
		if last > since {
			return nil
		}
		timer := time.NewTimer(pollEvery)
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-woken:
		case <-timer.C:
		}
		timer.Stop()
	}
}
