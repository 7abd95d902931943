package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/redline-news/redline/internal/store"
)

// replayed reports whether the actor's client change id was already
// applied in the project: then the write must do nothing and answer with
// the record's current state and ErrReplayed.
func (w *wtx) replayed(project string, a store.Actor) (bool, error) {
	if a.ChangeID == "" {
		return false, nil
	}
	var kind, id string
	err := w.queryRow(`SELECT kind, id FROM applied_changes WHERE project = ? AND change_id = ?`, project, a.ChangeID).Scan(&kind, &id)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// applied records the actor's client change id as applied (by the write
// that took seq), in the write's transaction.
func (w *wtx) applied(project string, a store.Actor, kind, id string, seq int64) error {
	if a.ChangeID == "" {
		return nil
	}
	return w.exec(`INSERT INTO applied_changes (project, change_id, kind, id, seq) VALUES (?, ?, ?, ?, ?)`, project, a.ChangeID, kind, id, seq)
}

func replayError(a store.Actor) error {
	return fmt.Errorf("change %q: %w", a.ChangeID, store.ErrReplayed)
}

// writeOnce is write for a change the actor may be retrying: when its
// change id was applied before, fn does not run and the write answers
// errReplay.
func (db *DB) writeOnce(ctx context.Context, project string, a store.Actor, fn func(w *wtx) error) error {
	return db.write(ctx, func(w *wtx) error {
		if done, err := w.replayed(project, a); err != nil || done {
			return cmpErr(err, done, errReplay)
		}
		return fn(w)
	})
}

// errReplay is returned from inside a write to roll it back and report a
// replay; the method then reads and returns the current record.
var errReplay = errors.New("replay")
