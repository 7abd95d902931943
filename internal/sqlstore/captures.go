package sqlstore

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/redline-news/redline/internal/store"
)

// SaveCapture stores a captured revision in one transaction: the story
// when it is new, the revision, the annotations carried onto it (created
// as the protocol creates them, with history), the page as fetched and
// the alerts, with their webhook delivery queued; the watch learns its
// story. Each record gets its change, so
// synced browsers see the revision and the carried annotations.
func (db *DB) SaveCapture(ctx context.Context, a store.Actor, cw store.CaptureWrite) (store.RevisionRec, error) {
	rev := cw.Revision
	if rev.ID == "" || rev.StoryID == "" || rev.Project == "" || cw.Capture.ID == "" {
		return store.RevisionRec{}, fmt.Errorf("capture without a project, story, revision or id: %w", store.ErrInvalid)
	}
	var out revisionRow
	err := db.write(ctx, func(w *wtx) error {
		r := w.reader()
		if s := cw.NewStory; s != nil {
			if _, found, err := r.story(s.Project, s.ID); err != nil || found {
				return cmpErr(err, found, fmt.Errorf("story %q already exists: %w", s.ID, store.ErrConflict))
			}
			row := storyRow{StoryRec: *s, rev: 1}
			if row.Created.IsZero() {
				row.Created = w.now
			}
			if _, err := w.putStory(row, a, false); err != nil {
				return err
			}
		}
		if _, err := r.liveStory(rev.Project, rev.StoryID); err != nil {
			return err
		}
		if _, found, err := r.revision(rev.Project, rev.ID); err != nil || found {
			return cmpErr(err, found, fmt.Errorf("revision %q already exists: %w", rev.ID, store.ErrConflict))
		}
		var err error
		if out, err = w.putRevision(revisionRow{RevisionRec: rev}, a, false); err != nil {
			return err
		}
		for _, d := range cw.Docs {
			if err := w.createDoc(d, a); err != nil {
				return err
			}
		}
		c := cw.Capture
		if err := w.exec(`INSERT INTO captures (project, id, story_id, revision_id, url, final_url, fetched, status,
			request_header, response_header, body, sha256, pos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			rev.Project, c.ID, rev.StoryID, rev.ID, c.URL, c.FinalURL, formatTime(c.Fetched), c.Status,
			c.RequestHeader, c.ResponseHeader, base64.StdEncoding.EncodeToString(c.Body), c.SHA256, out.Seq); err != nil {
			return err
		}
		for _, al := range cw.Alerts {
			if err := w.exec(`INSERT INTO alerts (project, id, story_id, revision_id, annotation_id, carried_id, kind, status,
				before_text, after_text, created, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				rev.Project, al.ID, rev.StoryID, rev.ID, al.AnnotationID, al.CarriedID, al.Kind, al.Status,
				al.Before, al.After, formatTime(w.now), out.Seq); err != nil {
				return err
			}
		}
		if cw.Delivery != nil && len(cw.Alerts) > 0 {
			if err := w.queueDelivery(*cw.Delivery, out.Seq); err != nil {
				return err
			}
		}
		if cw.WatchID == "" {
			return nil
		}
		return w.exec(`UPDATE watches SET story_id = ? WHERE project = ? AND id = ?`, rev.StoryID, rev.Project, cw.WatchID)
	})
	return out.RevisionRec, err
}

// createDoc stores a new annotation document with its change and its
// first history entry.
func (w *wtx) createDoc(d store.Doc, a store.Actor) error {
	if d.ID == "" || d.JSON == nil {
		return fmt.Errorf("annotation without an id or document: %w", store.ErrInvalid)
	}
	if _, found, err := w.reader().doc(d.Project, d.ID); err != nil || found {
		return cmpErr(err, found, fmt.Errorf("annotation %q already exists: %w", d.ID, store.ErrConflict))
	}
	seq, err := w.change(d.Project, store.KindAnnotation, d.ID)
	if err != nil {
		return err
	}
	if err := w.exec(`INSERT INTO annotations (project, id, story_id, json, model, rev, pos, seq, deleted, created, modified, created_by, modified_by)
		VALUES (?, ?, ?, ?, NULL, 1, ?, ?, 0, ?, ?, ?, ?)`,
		d.Project, d.ID, d.StoryID, string(d.JSON), seq, seq, formatTime(w.now), formatTime(w.now), a.User, a.User); err != nil {
		return err
	}
	return w.history(d.Project, d.ID, seq, 0, d.JSON, a)
}

const captureColumns = `project, id, story_id, revision_id, url, final_url, fetched, status, request_header, response_header, body, sha256`

// Captures lists the pages captured for a story, oldest first.
func (db *DB) Captures(ctx context.Context, project, storyID string) ([]store.Capture, error) {
	rows, err := db.reader(ctx).query(`SELECT `+captureColumns+` FROM captures WHERE project = ? AND story_id = ? ORDER BY pos`, project, storyID)
	if err != nil {
		return nil, db.fail(ctx, err)
	}
	defer rows.Close()
	var out []store.Capture
	for rows.Next() {
		var c store.Capture
		var fetched, body string
		if err := rows.Scan(&c.Project, &c.ID, &c.StoryID, &c.RevisionID, &c.URL, &c.FinalURL, &fetched, &c.Status,
			&c.RequestHeader, &c.ResponseHeader, &body, &c.SHA256); err != nil {
			return nil, db.fail(ctx, err)
		}
		var errT, errB error
		c.Fetched, errT = parseTime(fetched)
		c.Body, errB = base64.StdEncoding.DecodeString(body)
		if err := errors.Join(errT, errB); err != nil {
			return nil, db.fail(ctx, err)
		}
		out = append(out, c)
	}
	return out, db.fail(ctx, rows.Err())
}

// Alerts lists changed-quote alerts newest first: a story's, or the
// whole project's when storyID is "". limit 0: all.
func (db *DB) Alerts(ctx context.Context, project, storyID string, limit int) ([]store.Alert, error) {
	q := `SELECT project, id, story_id, revision_id, annotation_id, carried_id, kind, status, before_text, after_text, created, seq
		FROM alerts WHERE project = ?`
	args := []any{project}
	if storyID != "" {
		q += ` AND story_id = ?`
		args = append(args, storyID)
	}
	q += ` ORDER BY seq DESC, id`
	if limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, limit)
	}
	rows, err := db.reader(ctx).query(q, args...)
	if err != nil {
		return nil, db.fail(ctx, err)
	}
	defer rows.Close()
	var out []store.Alert
	for rows.Next() {
		var al store.Alert
		var created string
		if err := rows.Scan(&al.Project, &al.ID, &al.StoryID, &al.RevisionID, &al.AnnotationID, &al.CarriedID, &al.Kind, &al.Status,
			&al.Before, &al.After, &created, &al.Seq); err != nil {
			return nil, db.fail(ctx, err)
		}
		if al.Created, err = parseTime(created); err != nil {
			return nil, db.fail(ctx, err)
		}
		out = append(out, al)
	}
	return out, db.fail(ctx, rows.Err())
}

// StoryAnywhere finds a live story by id in whichever project holds it
// (ids are random, so at most one does; two is ErrConflict).
func (db *DB) StoryAnywhere(ctx context.Context, id string) (store.StoryRec, error) {
	rows, err := db.reader(ctx).query(`SELECT `+storyColumns+` FROM stories WHERE id = ? AND deleted = 0`, id)
	if err != nil {
		return store.StoryRec{}, db.fail(ctx, err)
	}
	defer rows.Close()
	var found []store.StoryRec
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return store.StoryRec{}, db.fail(ctx, err)
		}
		found = append(found, s.StoryRec)
	}
	if err := rows.Err(); err != nil {
		return store.StoryRec{}, db.fail(ctx, err)
	}
	switch len(found) {
	case 0:
		return store.StoryRec{}, fmt.Errorf("story %q: %w", id, store.ErrNotFound)
	case 1:
		return found[0], nil
	}
	return store.StoryRec{}, fmt.Errorf("story id %q is in %d projects: %w", id, len(found), store.ErrConflict)
}
