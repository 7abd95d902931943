package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/store"
)

// Annotations written through the protocol and the API are documents
// (the json column); those written through the store.Store view are
// records of the app's model (the model column). The two views share
// stories and revisions; each lists only its own kind of annotation.

const docColumns = `project, id, story_id, json, seq, deleted, created, modified, created_by, modified_by, pos`

type docRow struct {
	store.Doc
	pos int64
}

func scanDoc(sc scanner) (docRow, error) {
	var d docRow
	var js sql.NullString
	var created, modified string
	var deleted int
	err := sc.Scan(&d.Project, &d.ID, &d.StoryID, &js, &d.Seq, &deleted, &created, &modified, &d.CreatedBy, &d.ModifiedBy, &d.pos)
	if err != nil {
		return d, err
	}
	d.Deleted = deleted != 0
	if js.Valid {
		d.JSON = []byte(js.String)
	}
	if d.Created, err = parseTime(created); err == nil {
		d.Modified, err = parseTime(modified)
	}
	return d, err
}

func (r reader) doc(project, id string) (docRow, bool, error) {
	return queryOne(r, scanDoc, `SELECT `+docColumns+` FROM annotations WHERE project = ? AND id = ?`, project, id)
}

// Doc returns one annotation document; a deleted one is ErrGone with its
// tombstone.
func (db *DB) Doc(ctx context.Context, project, id string) (store.Doc, error) {
	d, found, err := db.reader(ctx).doc(project, id)
	switch {
	case err != nil:
		return store.Doc{}, db.fail(ctx, err)
	case !found || (!d.Deleted && d.JSON == nil):
		return store.Doc{}, fmt.Errorf("annotation %q: %w", id, store.ErrNotFound)
	case d.Deleted:
		return d.Doc, fmt.Errorf("annotation %q: %w", id, store.ErrGone)
	}
	return d.Doc, nil
}

// Docs returns a page of a project's live documents in creation order,
// with their number and the project's latest seq, read as one state.
func (db *DB) Docs(ctx context.Context, project string, q store.DocQuery) (store.DocPage, error) {
	if q.Offset < 0 || q.Limit < 0 {
		return store.DocPage{}, fmt.Errorf("negative offset or limit: %w", store.ErrInvalid)
	}
	where, args := `project = ? AND deleted = 0 AND json IS NOT NULL`, []any{project}
	if q.StoryID != "" {
		where, args = where+` AND story_id = ?`, append(args, q.StoryID)
	}
	var page store.DocPage
	err := db.readTx(ctx, func(r reader) error {
		if err := r.queryRow(`SELECT COUNT(*) FROM annotations WHERE `+where, args...).Scan(&page.Total); err != nil {
			return err
		}
		if err := r.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM changes WHERE project = ?`, project).Scan(&page.Seq); err != nil {
			return err
		}
		limit := any(q.Limit)
		if q.Limit == 0 {
			limit = db.d.noLimit
		}
		rows, err := r.query(`SELECT `+docColumns+` FROM annotations WHERE `+where+` ORDER BY pos LIMIT ? OFFSET ?`, append(args, limit, q.Offset)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			d, err := scanDoc(rows)
			if err != nil {
				return err
			}
			page.Docs = append(page.Docs, d.Doc)
		}
		return rows.Err()
	})
	return page, err
}

// PutDoc creates (ifSeq 0) or replaces (ifSeq as read) an annotation
// document, with a history entry.
func (db *DB) PutDoc(ctx context.Context, a store.Actor, d store.Doc, ifSeq int64) (store.Doc, error) {
	if err := checkDoc(a, d); err != nil {
		return store.Doc{}, err
	}
	var out store.Doc
	err := db.writeOnce(ctx, d.Project, a, func(w *wtx) error {
		var err error
		if out, err = w.putDoc(d, a, ifSeq); err != nil {
			return err
		}
		return w.applied(d.Project, a, store.KindAnnotation, d.ID, out.Seq)
	})
	if errors.Is(err, errReplay) {
		cur, err := db.Doc(ctx, d.Project, d.ID)
		return cur, errors.Join(replayError(a), ignoreGone(err))
	}
	return out, err
}

// checkDoc refuses a document no engine can store.
func checkDoc(a store.Actor, d store.Doc) error {
	if err := checkText("annotation", []any{a, d}); err != nil {
		return err
	}
	if d.ID == "" || d.Project == "" || d.JSON == nil {
		return fmt.Errorf("annotation without a project, id or document: %w", store.ErrInvalid)
	}
	if !utf8.Valid(d.JSON) || bytes.IndexByte(d.JSON, 0) >= 0 {
		return fmt.Errorf("annotation %q: the document is not valid UTF-8 text: %w", d.ID, store.ErrInvalid)
	}
	return nil
}

// putDoc writes an annotation document as PutDoc decides (ifSeq 0
// creates), with its change and history entry.
func (w *wtx) putDoc(d store.Doc, a store.Actor, ifSeq int64) (store.Doc, error) {
	old, found, err := w.reader().doc(d.Project, d.ID)
	if err != nil {
		return store.Doc{}, err
	}
	if ifSeq == 0 && found {
		// A tombstone's id is never given out again.
		return store.Doc{}, fmt.Errorf("annotation %q already exists: %w", d.ID, store.ErrConflict)
	}
	if err := checkIfSeq("annotation", d.ID, found, old.Deleted, old.Seq, ifSeq); err != nil {
		return store.Doc{}, err
	}
	if !found {
		if err := w.needProject(d.Project); err != nil {
			return store.Doc{}, err
		}
	}
	seq, err := w.change(d.Project, store.KindAnnotation, d.ID)
	if err != nil {
		return store.Doc{}, err
	}
	out := store.Doc{Project: d.Project, ID: d.ID, JSON: d.JSON, StoryID: d.StoryID, Seq: seq,
		Created: w.now, Modified: w.now, CreatedBy: a.User, ModifiedBy: a.User}
	if found {
		out.Created, out.CreatedBy = old.Created, old.CreatedBy
		err = w.exec(`UPDATE annotations SET story_id = ?, json = ?, model = NULL, rev = rev + 1, seq = ?, modified = ?, modified_by = ?
			WHERE project = ? AND id = ?`, d.StoryID, string(d.JSON), seq, formatTime(w.now), a.User, d.Project, d.ID)
	} else {
		err = w.exec(`INSERT INTO annotations (project, id, story_id, json, model, rev, pos, seq, deleted, created, modified, created_by, modified_by)
			VALUES (?, ?, ?, ?, NULL, 1, ?, ?, 0, ?, ?, ?, ?)`,
			d.Project, d.ID, d.StoryID, string(d.JSON), seq, seq, formatTime(w.now), formatTime(w.now), a.User, a.User)
	}
	if err != nil {
		return out, err
	}
	return out, w.history(d.Project, d.ID, out.Seq, ifSeq, d.JSON, a)
}

// DeleteDoc tombstones an annotation document (ifSeq 0: whatever its
// seq).
func (db *DB) DeleteDoc(ctx context.Context, a store.Actor, project, id string, ifSeq int64) (store.Doc, error) {
	if err := checkText("annotation", a); err != nil {
		return store.Doc{}, err
	}
	var out store.Doc
	err := db.writeOnce(ctx, project, a, func(w *wtx) error {
		old, found, err := w.reader().doc(project, id)
		if err != nil {
			return err
		}
		found = found && (old.Deleted || old.JSON != nil)
		if err := checkDelete("annotation", id, found, old.Deleted, old.Seq, ifSeq); err != nil {
			return err
		}
		seq, err := w.deleteAnnotation(project, id, a)
		if err != nil {
			return err
		}
		out = old.Doc
		out.Seq, out.Deleted, out.JSON, out.Modified, out.ModifiedBy = seq, true, nil, w.now, a.User
		return w.applied(project, a, store.KindAnnotation, id, seq)
	})
	if errors.Is(err, errReplay) {
		cur, err := db.Doc(ctx, project, id)
		return cur, errors.Join(replayError(a), ignoreGone(err))
	}
	return out, err
}

// deleteAnnotation tombstones a live annotation (either view's) with a
// change and a history entry, and returns the tombstone's seq.
func (w *wtx) deleteAnnotation(project, id string, a store.Actor) (int64, error) {
	var base int64
	if err := w.queryRow(`SELECT seq FROM annotations WHERE project = ? AND id = ?`, project, id).Scan(&base); err != nil {
		return 0, err
	}
	seq, err := w.change(project, store.KindAnnotation, id)
	if err != nil {
		return 0, err
	}
	if err := w.exec(`UPDATE annotations SET deleted = 1, json = NULL, model = NULL, seq = ?, modified = ?, modified_by = ? WHERE project = ? AND id = ?`,
		seq, formatTime(w.now), a.User, project, id); err != nil {
		return 0, err
	}
	return seq, w.history(project, id, seq, base, nil, a)
}

// history stores one entry of an annotation's history.
func (w *wtx) history(project, id string, seq, base int64, js []byte, a store.Actor) error {
	var doc any
	if js != nil {
		doc = string(js)
	}
	return w.exec(`INSERT INTO annotation_history (project, id, seq, base_seq, json, deleted, by_user, device, change_id, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, project, id, seq, base, doc, flag(js == nil), a.User, a.Device, a.ChangeID, formatTime(w.now))
}

// DocHistory lists every write of an annotation, oldest first.
func (db *DB) DocHistory(ctx context.Context, project, id string) ([]store.DocRevision, error) {
	rows, err := db.reader(ctx).query(`SELECT seq, base_seq, json, deleted, by_user, device, change_id, at
		FROM annotation_history WHERE project = ? AND id = ? ORDER BY seq`, project, id)
	if err != nil {
		return nil, db.fail(ctx, err)
	}
	defer rows.Close()
	var out []store.DocRevision
	for rows.Next() {
		var h store.DocRevision
		var js sql.NullString
		var deleted int
		var at string
		if err := rows.Scan(&h.Seq, &h.BaseSeq, &js, &deleted, &h.By, &h.Device, &h.ChangeID, &at); err != nil {
			return nil, db.fail(ctx, err)
		}
		if js.Valid {
			h.JSON = []byte(js.String)
		}
		h.Deleted = deleted != 0
		if h.At, err = parseTime(at); err != nil {
			return nil, db.fail(ctx, err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, db.fail(ctx, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("annotation %q: %w", id, store.ErrNotFound)
	}
	return out, nil
}
