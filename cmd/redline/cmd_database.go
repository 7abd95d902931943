//go:build !js

package main

import (
	"context"
	"flag"

	"github.com/redline-news/redline/internal/sqlstore"
)

// databaseFlags are the store flags of serve and admin: the embedded
// SQLite file (the default) or a PostgreSQL server.
type databaseFlags struct {
	file     *string
	postgres *string
}

func addDatabaseFlags(fs *flag.FlagSet) databaseFlags {
	return databaseFlags{
		file:     fs.String("db", "redline.db", "SQLite database file (created if missing)"),
		postgres: fs.String("postgres", "", "PostgreSQL URL (postgres://user:password@host/db) instead of --db"),
	}
}

// check refuses --db and --postgres together, before anything is opened.
func (f databaseFlags) check(fs *flag.FlagSet) error {
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	if set["db"] && set["postgres"] {
		return usagef("%s: give --db FILE or --postgres URL, not both", fs.Name())
	}
	if *f.postgres == "" && *f.file == "" {
		return usagef("%s: --db needs a file name", fs.Name())
	}
	return nil
}

// open opens the store the flags name, bringing its schema up to date.
func (f databaseFlags) open(ctx context.Context) (*sqlstore.DB, error) {
	if *f.postgres != "" {
		return sqlstore.OpenPostgres(ctx, *f.postgres)
	}
	return sqlstore.OpenSQLite(ctx, *f.file)
}
