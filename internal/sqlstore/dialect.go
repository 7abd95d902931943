package sqlstore

import (
	"database/sql"
	"strconv"
	"strings"
)

// dialect is everything the two engines do differently. Queries are
// written once with ? placeholders and portable types (TEXT, BIGINT,
// INTEGER); rebind turns them into what the engine takes.
type dialect struct {
	name string
	// dollar placeholders ($1, $2, …) instead of ?
	dollar bool
	// lockCounter reads the change counter and, where the engine needs
	// it, locks its row until the transaction ends.
	lockCounter string
	// notify, when set, is run in a write's transaction once per project
	// it changed, with "project:seq" (PostgreSQL delivers NOTIFY on
	// commit, to every listening process).
	notify string
	// migrationLock, when set, is run first in the migration transaction
	// so that two processes starting at once migrate one after the other.
	migrationLock string
	// noLimit is the LIMIT argument meaning "all rows".
	noLimit any
	// readTx are the options of a read transaction that sees one state:
	// SQLite's are snapshots already; PostgreSQL's default (read
	// committed) would see writes between two statements.
	readTx *sql.TxOptions
}

var sqliteDialect = dialect{
	name: "sqlite",
	// BEGIN IMMEDIATE on the one write connection already excludes
	// every other writer.
	lockCounter: "SELECT seq FROM counter WHERE id = 1",
	noLimit:     -1,
}

var postgresDialect = dialect{
	name:        "postgres",
	dollar:      true,
	lockCounter: "SELECT seq FROM counter WHERE id = 1 FOR UPDATE",
	notify:      "SELECT pg_notify('" + notifyChannel + "', ?)",
	// Any constant key: it only has to be the same in every process.
	migrationLock: "SELECT pg_advisory_xact_lock(7243)",
	noLimit:       nil, // LIMIT NULL
	readTx:        &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true},
}

// notifyChannel is the PostgreSQL channel write notifications go to.
const notifyChannel = "redline_changes"

// rebind rewrites ? placeholders for the engine. Queries never contain a
// literal question mark.
func (d dialect) rebind(q string) string {
	if !d.dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
