package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Failed sign-ins are counted here, per key (a user name, a client
// address), so that every server process on the database shares one
// limit. A count lasts a window from its first failure; counts past
// their window are dropped as new failures come in, so the table holds
// only the failures of one window.

// SignInFailures is key's count of failed sign-ins and when the first of
// them was; 0 and the zero time when none is counted.
func (db *DB) SignInFailures(ctx context.Context, key string) (int, time.Time, error) {
	var n int
	var since int64
	err := db.reader(ctx).queryRow(`SELECT failures, since FROM signin_failures WHERE key = ?`, key).Scan(&n, &since)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	return n, time.Unix(since, 0).UTC(), db.fail(ctx, err)
}

// AddSignInFailure counts a failed sign-in for each key at now: one more
// within the window of the key's first failure, else a new count of 1.
func (db *DB) AddSignInFailure(ctx context.Context, now time.Time, window time.Duration, keys ...string) error {
	t, start := now.Unix(), now.Add(-window).Unix()
	return db.write(ctx, func(w *wtx) error {
		if err := w.exec(`DELETE FROM signin_failures WHERE since <= ?`, start); err != nil {
			return err
		}
		for _, key := range keys {
			err := w.affectOne(errNoRow, `UPDATE signin_failures SET failures = failures + 1 WHERE key = ?`, key)
			if errors.Is(err, errNoRow) {
				err = w.exec(`INSERT INTO signin_failures (key, failures, since) VALUES (?, 1, ?)`, key, t)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

var errNoRow = errors.New("no such row")

// ClearSignInFailures forgets key's failed sign-ins (after a good one).
func (db *DB) ClearSignInFailures(ctx context.Context, key string) error {
	return db.write(ctx, func(w *wtx) error { return w.exec(`DELETE FROM signin_failures WHERE key = ?`, key) })
}
