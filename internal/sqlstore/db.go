package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	_ "modernc.org/sqlite"             // database/sql driver "sqlite"
)

// DB is Redline's server store on SQLite or PostgreSQL. It is safe for
// concurrent use; Close it when done.
type DB struct {
	d    dialect
	rdb  *sql.DB // queries
	wdb  *sql.DB // write transactions (SQLite: one connection)
	hub  *hub
	stop func() // ends the PostgreSQL listener
	now  func() time.Time
}

// OpenSQLite opens (creating it if needed) the SQLite database file at
// path and brings its schema up to date: WAL, foreign keys on, and all
// writes through one connection with BEGIN IMMEDIATE, so writers queue
// instead of failing on a busy database.
func OpenSQLite(ctx context.Context, path string) (*DB, error) {
	return openSQLite(ctx, path, -1)
}

func openSQLite(ctx context.Context, path string, version int) (*DB, error) {
	if path == "" {
		return nil, errors.New("no database file named")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("database file %q: names with ? or # are not supported", path)
	}
	// The file holds password hashes: only its owner may read it (SQLite
	// gives its -wal and -shm files the same mode).
	if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
		f.Close()
	} else if !errors.Is(err, fs.ErrExist) {
		return nil, err
	}
	// busy_timeout covers a second process on the same file.
	pragmas := "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
	write, err := sql.Open("sqlite", path+pragmas+"&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	read, err := sql.Open("sqlite", path+pragmas+"&_pragma=query_only(1)")
	if err != nil {
		write.Close()
		return nil, err
	}
	read.SetMaxOpenConns(8)
	db := &DB{d: sqliteDialect, rdb: read, wdb: write, hub: newHub(), stop: func() {}, now: now}
	if err := db.start(ctx, version); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return db, nil
}

// OpenPostgres connects to the PostgreSQL database at url (a postgres://
// URL or a key=value connection string), brings its schema up to date and
// listens for other processes' writes.
func OpenPostgres(ctx context.Context, url string) (*DB, error) {
	return openPostgres(ctx, url, -1)
}

func openPostgres(ctx context.Context, dsn string, version int) (*DB, error) {
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	pool.SetMaxOpenConns(24)
	pool.SetMaxIdleConns(24)
	db := &DB{d: postgresDialect, rdb: pool, wdb: pool, hub: newHub(), stop: func() {}, now: now}
	if err := db.start(ctx, version); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres %s: %w", redact(dsn), err)
	}
	if version < 0 {
		stop, err := listen(ctx, dsn, db.hub)
		if err != nil {
			pool.Close()
			return nil, fmt.Errorf("postgres %s: listen: %w", redact(dsn), err)
		}
		db.stop = stop
	}
	return db, nil
}

func (db *DB) start(ctx context.Context, version int) error {
	if err := db.wdb.PingContext(ctx); err != nil {
		return err
	}
	return migrate(ctx, db.wdb, db.d, version)
}

// Close ends the listener and closes the connections.
func (db *DB) Close() error {
	db.stop()
	err := db.wdb.Close()
	if db.rdb != db.wdb {
		err = errors.Join(err, db.rdb.Close())
	}
	return err
}

// Engine is "sqlite" or "postgres".
func (db *DB) Engine() string { return db.d.name }

// redact hides the password of a connection URL in messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		return "(connection string)"
	}
	return u.Redacted()
}

// now is the server clock: UTC, to the second, as annotation times are.
func now() time.Time { return time.Now().UTC().Truncate(time.Second) }
