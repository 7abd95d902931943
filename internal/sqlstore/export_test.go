package sqlstore

import "context"

// OpenAt opens a database of the engine with its schema brought only to
// version (for upgrade tests), without the PostgreSQL listener.
func OpenAt(ctx context.Context, engine, url string, version int) (*DB, error) {
	if engine == "sqlite" {
		return openSQLite(ctx, url, version)
	}
	return openPostgres(ctx, url, version)
}
