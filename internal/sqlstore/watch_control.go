package sqlstore

import (
	"context"
	"fmt"

	"github.com/redline-news/redline/internal/store"
)

// PauseWatch stops (paused) or resumes a watch of a project and returns
// it. A paused watch is never claimed, so no process fetches it; a
// resumed one is due at once (its next fetch is now). A fetch under way
// when it is paused still finishes and is recorded, but the pause stays:
// FinishWatch does not write it. ErrNotFound: no such watch.
func (db *DB) PauseWatch(ctx context.Context, project, id string, paused bool) (store.Watch, error) {
	var out store.Watch
	err := db.write(ctx, func(w *wtx) error {
		q := `UPDATE watches SET paused = ? WHERE project = ? AND id = ?`
		args := []any{flag(paused), project, id}
		if !paused {
			q = `UPDATE watches SET paused = 0, due_at = ? WHERE project = ? AND id = ?`
			args = []any{w.now.Unix(), project, id}
		}
		if err := w.affectOne(fmt.Errorf("watch %q: %w", id, store.ErrNotFound), q, args...); err != nil {
			return err
		}
		var err error
		out, err = scanWatch(w.queryRow(`SELECT `+watchColumns+` FROM watches WHERE project = ? AND id = ?`, project, id))
		return err
	})
	return out, err
}

// DeleteWatch removes a watch of a project: it is fetched no more. What it
// captured (the story, its revisions, captures and alerts) stays, and the
// URL may be watched again. A feed's item watches stay too. A fetch under
// way finishes, but finds the lease gone and records nothing on the
// watch. ErrNotFound: no such watch.
func (db *DB) DeleteWatch(ctx context.Context, project, id string) error {
	return db.write(ctx, func(w *wtx) error {
		return w.affectOne(fmt.Errorf("watch %q: %w", id, store.ErrNotFound),
			`DELETE FROM watches WHERE project = ? AND id = ?`, project, id)
	})
}

// affectOne runs a statement that must change a row, else fails with
// none.
func (w *wtx) affectOne(none error, q string, args ...any) error {
	res, err := w.tx.ExecContext(w.ctx, w.d.rebind(q), args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	return cmpErr(err, n == 0, none)
}
