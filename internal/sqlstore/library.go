package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// Library is one project seen as a store.Store, the interface the app's
// library and the sync engine program against, deciding writes with the
// same rules as store.Memory and IndexedDB (store.NextRev, store.Check*).
// Writes are recorded as made by the actor. A tombstone is absent here:
// creating its id again revives the record.
type Library struct {
	db      *DB
	project string
	actor   store.Actor
}

var _ store.Store = (*Library)(nil)

// Library returns the project's records as a store.Store, writing as a.
func (db *DB) Library(project string, a store.Actor) *Library {
	return &Library{db: db, project: project, actor: a}
}

func (l *Library) Stories(ctx context.Context) ([]store.Story, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rows, err := l.db.reader(ctx).stories(l.project)
	if err != nil {
		return nil, l.db.fail(ctx, err)
	}
	out := make([]store.Story, len(rows))
	for i, s := range rows {
		out[i] = store.Story{Story: s.Story, Rev: s.rev}
	}
	return out, nil
}

func (l *Library) PutStory(ctx context.Context, s store.Story) (store.Story, error) {
	if err := ctx.Err(); err != nil {
		return store.Story{}, err
	}
	if err := store.CheckStory(s); err != nil {
		return store.Story{}, err
	}
	if err := checkText("story", s); err != nil {
		return store.Story{}, err
	}
	err := l.db.write(ctx, func(w *wtx) error {
		old, found, err := w.reader().story(l.project, s.ID)
		if err != nil {
			return err
		}
		live := found && !old.Deleted
		if s.Rev, err = store.NextRev("story", s.ID, live, old.rev, s.Rev); err != nil {
			return err
		}
		row := storyRow{StoryRec: store.StoryRec{Project: l.project, Story: s.Story, Source: old.Source}, rev: s.Rev}
		if live {
			row.pos, row.CreatedBy = old.pos, old.CreatedBy
		}
		_, err = w.putStory(row, l.actor, found)
		return err
	})
	if err != nil {
		return store.Story{}, err
	}
	return s, nil
}

func (l *Library) DeleteStory(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := store.CheckStoryID(id); err != nil {
		return err
	}
	return l.db.write(ctx, func(w *wtx) error {
		if _, err := l.liveStory(w.reader(), id); err != nil {
			return err
		}
		_, err := w.deleteStory(l.project, id, l.actor)
		return err
	})
}

// liveStory reads a story that must be live; here a tombstone is absent.
func (l *Library) liveStory(r reader, id string) (storyRow, error) {
	s, err := r.liveStory(l.project, id)
	if errors.Is(err, store.ErrGone) || errors.Is(err, store.ErrNotFound) {
		return s, fmt.Errorf("story %q: %w (deleted elsewhere?)", id, store.ErrNotFound)
	}
	return s, err
}

func (l *Library) Revisions(ctx context.Context, storyID string) ([]annotation.Revision, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := store.CheckStoryID(storyID); err != nil {
		return nil, err
	}
	var out []annotation.Revision
	err := l.db.readTx(ctx, func(r reader) error {
		if _, err := l.liveStory(r, storyID); err != nil {
			return err
		}
		rows, err := r.revisions(l.project, storyID)
		for _, rev := range rows {
			out = append(out, rev.Revision)
		}
		return err
	})
	return out, err
}

func (l *Library) AddRevision(ctx context.Context, rev annotation.Revision, anns []store.Annotation) ([]store.Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := store.CheckRevision(rev, anns); err != nil {
		return nil, err
	}
	if err := checkText("revision", []any{rev, anns}); err != nil {
		return nil, err
	}
	var out []store.Annotation
	err := l.db.write(ctx, func(w *wtx) error {
		r := w.reader()
		if _, err := l.liveStory(r, rev.StoryID); err != nil {
			return err
		}
		old, found, err := r.revision(l.project, rev.ID)
		if err != nil {
			return err
		}
		if found && !old.Deleted {
			return fmt.Errorf("revision %q already exists: %w", rev.ID, store.ErrConflict)
		}
		if _, err := w.putRevision(revisionRow{RevisionRec: store.RevisionRec{Project: l.project, Revision: rev}}, l.actor, found); err != nil {
			return err
		}
		out, err = l.putAnnotations(w, anns)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (l *Library) Annotations(ctx context.Context, storyID string) ([]store.Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := store.CheckStoryID(storyID); err != nil {
		return nil, err
	}
	var out []store.Annotation
	err := l.db.readTx(ctx, func(r reader) error {
		if _, err := l.liveStory(r, storyID); err != nil {
			return err
		}
		var err error
		out, err = l.annotations(r, storyID)
		return err
	})
	return out, err
}

// annotations reads a live story's annotations in creation order (W3C
// documents of the project are not this view's).
func (l *Library) annotations(r reader, storyID string) ([]store.Annotation, error) {
	rows, err := r.query(`SELECT model, rev FROM annotations
		WHERE project = ? AND story_id = ? AND deleted = 0 AND model IS NOT NULL ORDER BY pos`, l.project, storyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Annotation
	for rows.Next() {
		a := store.Annotation{StoryID: storyID}
		var model string
		if err := rows.Scan(&model, &a.Rev); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(model), &a.Annotation); err != nil {
			return nil, fmt.Errorf("annotation of story %q: %w", storyID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func (l *Library) PutAnnotations(ctx context.Context, anns []store.Annotation) ([]store.Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := store.CheckAnnotations(anns); err != nil {
		return nil, err
	}
	if err := checkText("annotation", anns); err != nil {
		return nil, err
	}
	if len(anns) == 0 {
		return nil, nil
	}
	var out []store.Annotation
	err := l.db.write(ctx, func(w *wtx) error {
		var err error
		out, err = l.putAnnotations(w, anns)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// annotationState is what the view needs of a stored annotation row.
type annotationState struct {
	found, live bool // a row (even a tombstone or a document); live in this view
	storyID     string
	rev         int
	pos, seq    int64
}

func (l *Library) annotationState(r reader, id string) (annotationState, error) {
	var s annotationState
	var deleted int
	var model sql.NullString
	err := r.queryRow(`SELECT story_id, rev, pos, seq, deleted, model FROM annotations WHERE project = ? AND id = ?`, l.project, id).
		Scan(&s.storyID, &s.rev, &s.pos, &s.seq, &deleted, &model)
	if errors.Is(err, sql.ErrNoRows) {
		return s, nil
	}
	s.found = err == nil
	s.live = s.found && deleted == 0
	if s.live && !model.Valid {
		// A protocol document under this id: taken, but not this view's
		// to change.
		return s, fmt.Errorf("annotation %q is a W3C document of the project: %w", id, store.ErrConflict)
	}
	return s, err
}

// putAnnotations writes a batch inside w; any failure rolls all of it
// back with the transaction.
func (l *Library) putAnnotations(w *wtx, anns []store.Annotation) ([]store.Annotation, error) {
	r := w.reader()
	out := make([]store.Annotation, len(anns))
	for i, a := range anns {
		if _, err := l.liveStory(r, a.StoryID); err != nil {
			return nil, fmt.Errorf("annotation %q: %w", a.ID, err)
		}
		old, err := l.annotationState(r, a.ID)
		if err != nil {
			return nil, err
		}
		if a.Rev, err = store.NextRev("annotation", a.ID, old.live, old.rev, a.Rev); err != nil {
			return nil, err
		}
		if old.live {
			if err := store.CheckSameStory(a.ID, old.storyID, a.StoryID); err != nil {
				return nil, err
			}
		}
		model, err := json.Marshal(a.Annotation)
		if err != nil {
			return nil, err
		}
		seq, err := w.change(l.project, store.KindAnnotation, a.ID)
		if err != nil {
			return nil, err
		}
		pos, now := old.pos, formatTime(w.now)
		if !old.live {
			pos = seq
		}
		switch {
		case old.found:
			err = w.exec(`UPDATE annotations SET story_id = ?, json = NULL, model = ?, rev = ?, pos = ?, seq = ?, deleted = 0, modified = ?, modified_by = ?
				WHERE project = ? AND id = ?`, a.StoryID, string(model), a.Rev, pos, seq, now, l.actor.User, l.project, a.ID)
		default:
			err = w.exec(`INSERT INTO annotations (project, id, story_id, json, model, rev, pos, seq, deleted, created, modified, created_by, modified_by)
				VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 0, ?, ?, ?, ?)`, l.project, a.ID, a.StoryID, string(model), a.Rev, pos, seq, now, now, l.actor.User, l.actor.User)
		}
		if err != nil {
			return nil, err
		}
		base := old.seq
		if !old.live {
			base = 0
		}
		if err := w.history(l.project, a.ID, seq, base, model, l.actor); err != nil {
			return nil, err
		}
		// The result is read back from what was stored, so it shares no
		// memory with the caller's records.
		out[i] = store.Annotation{StoryID: a.StoryID, Rev: a.Rev}
		if err := json.Unmarshal(model, &out[i].Annotation); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (l *Library) DeleteAnnotations(ctx context.Context, refs []store.Ref) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := store.CheckRefs(refs); err != nil {
		return err
	}
	return l.db.write(ctx, func(w *wtx) error {
		for _, ref := range refs {
			old, err := l.annotationState(w.reader(), ref.ID)
			if err != nil {
				return err
			}
			if _, err := store.NextRev("annotation", ref.ID, old.live, old.rev, ref.Rev); err != nil {
				return err
			}
			if _, err := w.deleteAnnotation(l.project, ref.ID, l.actor); err != nil {
				return err
			}
		}
		return nil
	})
}
