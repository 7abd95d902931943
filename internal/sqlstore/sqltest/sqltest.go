// Package sqltest opens throw-away sqlstore databases for tests: SQLite
// files in the test's temporary directory, and PostgreSQL databases in a
// cluster the test binary starts itself (initdb and pg_ctl on a temporary
// directory and a free port, as the postgres user when run as root), or on
// the server named by REDLINE_TEST_POSTGRES.
//
// Without PostgreSQL the PostgreSQL tests skip with a message, except
// with CI=true, where they fail. Packages that use Postgres call Run
// from TestMain, so the cluster is stopped when the tests end.
package sqltest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/redline-news/redline/internal/sqlstore"
)

// Engines are the engine names Each runs.
var Engines = []string{"sqlite", "postgres"}

// Each runs fn as a subtest per engine, with that engine's URL maker:
// each call of newURL gives a new, empty database (a SQLite file path or
// a PostgreSQL URL) for Open.
func Each(t *testing.T, fn func(t *testing.T, engine string, newURL func(t testing.TB) string)) {
	for _, engine := range Engines {
		t.Run(engine, func(t *testing.T) {
			fn(t, engine, func(t testing.TB) string { return NewURL(t, engine) })
		})
	}
}

// NewURL returns a new, empty database of the engine: a SQLite file path
// or a PostgreSQL URL. It skips (or, under CI, fails) t without
// PostgreSQL.
func NewURL(t testing.TB, engine string) string {
	t.Helper()
	if engine == "sqlite" {
		return t.TempDir() + "/redline.db"
	}
	base, err := server()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is needed under CI=true: %v", err)
		}
		t.Skipf("no PostgreSQL, skipping (install postgresql or set REDLINE_TEST_POSTGRES): %v", err)
	}
	name := fmt.Sprintf("redline_test_%d_%d", os.Getpid(), dbCount.Add(1))
	admin, err := sql.Open("pgx", base.url("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	// Dropped after the test (its connections are closed first: cleanups
	// run last-registered first), so a REDLINE_TEST_POSTGRES server does
	// not fill up with test databases.
	t.Cleanup(func() {
		if admin, err := sql.Open("pgx", base.url("postgres")); err == nil {
			admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			admin.Close()
		}
	})
	return base.url(name)
}

// Open opens the database at url (from NewURL) and closes it at the end
// of the test.
func Open(t testing.TB, engine, url string) *sqlstore.DB {
	t.Helper()
	db, err := OpenURL(context.Background(), engine, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// OpenURL opens a database of the engine.
func OpenURL(ctx context.Context, engine, url string) (*sqlstore.DB, error) {
	if engine == "sqlite" {
		return sqlstore.OpenSQLite(ctx, url)
	}
	return sqlstore.OpenPostgres(ctx, url)
}

// New opens a new, empty database of the engine for the test.
func New(t testing.TB, engine string) *sqlstore.DB {
	t.Helper()
	return Open(t, engine, NewURL(t, engine))
}

var dbCount atomic.Int64

var (
	once      sync.Once
	theServer *pgServer
	serverErr error
)

func server() (*pgServer, error) {
	once.Do(func() { theServer, serverErr = startServer() })
	return theServer, serverErr
}

// Run runs the tests and then stops the PostgreSQL cluster if they
// started one. Call it from TestMain: os.Exit(sqltest.Run(m)).
func Run(m *testing.M) int {
	code := m.Run()
	if theServer != nil {
		theServer.stop()
	}
	return code
}
