package sqlstore

import (
	"context"
	"time"
)

// OpenAt opens a database of the engine with its schema brought only to
// version (for upgrade tests), without the PostgreSQL listener.
func OpenAt(ctx context.Context, engine, url string, version int) (*DB, error) {
	if engine == "sqlite" {
		return openSQLite(ctx, url, version)
	}
	return openPostgres(ctx, url, version)
}

// ChangeRows counts the rows of the change log.
func ChangeRows(ctx context.Context, db *DB) (n int, err error) {
	err = db.rdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM changes`).Scan(&n)
	return n, err
}

// SetPollEvery changes how often WaitChanges polls and returns a function
// that restores it.
func SetPollEvery(d time.Duration) (restore func()) {
	old := pollEvery
	pollEvery = d
	return func() { pollEvery = old }
}
