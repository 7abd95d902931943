package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
)

// migrate brings the schema to the newest version, applying the missing
// steps of migrations in one transaction: a failed upgrade leaves the
// database as it was. upTo limits the version (tests build old databases
// with it); -1 means all.
func migrate(ctx context.Context, db *sql.DB, d dialect, upTo int) error {
	if upTo < 0 || upTo > len(migrations) {
		upTo = len(migrations)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if d.migrationLock != "" {
		if _, err := tx.ExecContext(ctx, d.migrationLock); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("schema version table: %w", err)
	}
	var version int
	err = tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&version)
	switch {
	case err == sql.ErrNoRows:
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (0)`); err != nil {
			return err
		}
	case err != nil:
		return err
	case version > len(migrations):
		return fmt.Errorf("the database has schema version %d, newer than this redline knows (%d): use a newer redline", version, len(migrations))
	}
	for v := version; v < upTo; v++ {
		for _, stmt := range migrations[v] {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("schema version %d: %w", v+1, err)
			}
		}
	}
	if upTo > version {
		if _, err := tx.ExecContext(ctx, d.rebind(`UPDATE schema_version SET version = ?`), upTo); err != nil {
			return err
		}
	}
	return tx.Commit()
}
