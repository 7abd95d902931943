package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// wtx is a write transaction holding the change counter: every number it
// takes with change is larger than any committed before, and no other
// writer can commit until it ends.
type wtx struct {
	tx      *sql.Tx
	d       dialect
	ctx     context.Context
	seq     int64           // the last number taken
	start   int64           // the counter when the transaction began
	touched map[string]bool // projects with changes, to notify
	now     time.Time
}

// write runs fn in one write transaction and commits it, or rolls it back
// if fn fails. Listeners of the projects it changed are woken after the
// commit.
func (db *DB) write(ctx context.Context, fn func(w *wtx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := db.wdb.BeginTx(ctx, nil)
	if err != nil {
		return db.fail(ctx, err)
	}
	defer tx.Rollback()
	w := &wtx{tx: tx, d: db.d, ctx: ctx, touched: map[string]bool{}, now: db.now()}
	if err := tx.QueryRowContext(ctx, db.d.lockCounter).Scan(&w.start); err != nil {
		return db.fail(ctx, err)
	}
	w.seq = w.start
	if err := fn(w); err != nil {
		return db.fail(ctx, err)
	}
	if w.seq != w.start {
		if err := w.exec(`UPDATE counter SET seq = ? WHERE id = 1`, w.seq); err != nil {
			return db.fail(ctx, err)
		}
	}
	if db.d.notify != "" {
		for project := range w.touched {
			if err := w.exec(db.d.notify, project+":"+strconv.FormatInt(w.seq, 10)); err != nil {
				return db.fail(ctx, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return db.fail(ctx, err)
	}
	for project := range w.touched {
		db.hub.signal(project, w.seq)
	}
	return nil
}

// fail turns an error inside a call into what the caller gets: the
// context's error when it ended (whatever the driver made of it), the
// store's own errors as they are, others with what failed.
func (db *DB) fail(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	for _, known := range []error{store.ErrNotFound, store.ErrConflict, store.ErrGone, store.ErrInvalid, store.ErrReplayed} {
		if errors.Is(err, known) {
			return err
		}
	}
	return fmt.Errorf("%s database: %w", db.d.name, err)
}

// change takes the next number for a write of record kind/id in project
// and logs it in the change sequence, in place of the record's earlier
// change.
func (w *wtx) change(project, kind, id string) (int64, error) {
	w.seq++
	w.touched[project] = true
	if err := w.exec(`DELETE FROM changes WHERE project = ? AND kind = ? AND id = ?`, project, kind, id); err != nil {
		return 0, err
	}
	return w.seq, w.exec(`INSERT INTO changes (seq, project, kind, id) VALUES (?, ?, ?, ?)`, w.seq, project, kind, id)
}

func (w *wtx) exec(q string, args ...any) error {
	_, err := w.tx.ExecContext(w.ctx, w.d.rebind(q), args...)
	return err
}

func (w *wtx) queryRow(q string, args ...any) *sql.Row {
	return w.tx.QueryRowContext(w.ctx, w.d.rebind(q), args...)
}

// querier is a *sql.DB or a *sql.Tx, so reads can share code with the
// checks a write makes inside its transaction.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// reader runs queries outside a write.
type reader struct {
	q   querier
	d   dialect
	ctx context.Context
}

func (db *DB) reader(ctx context.Context) reader { return reader{db.rdb, db.d, ctx} }

func (w *wtx) reader() reader { return reader{w.tx, w.d, w.ctx} }

func (r reader) query(q string, args ...any) (*sql.Rows, error) {
	return r.q.QueryContext(r.ctx, r.d.rebind(q), args...)
}

func (r reader) queryRow(q string, args ...any) *sql.Row {
	return r.q.QueryRowContext(r.ctx, r.d.rebind(q), args...)
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

// queryAll reads every row of a query with scan.
func queryAll[T any](r reader, scan func(scanner) (T, error), q string, args ...any) ([]T, error) {
	rows, err := r.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// queryOne reads the one row of a query with scan; found is false if
// there is none.
func queryOne[T any](r reader, scan func(scanner) (T, error), q string, args ...any) (v T, found bool, err error) {
	v, err = scan(r.queryRow(q, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return v, false, nil
	}
	return v, err == nil, err
}

// readTx runs fn in one read transaction, so what it reads is one state.
func (db *DB) readTx(ctx context.Context, fn func(r reader) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := db.rdb.BeginTx(ctx, db.d.readTx)
	if err != nil {
		return db.fail(ctx, err)
	}
	defer tx.Rollback()
	if err := fn(reader{tx, db.d, ctx}); err != nil {
		return db.fail(ctx, err)
	}
	return db.fail(ctx, tx.Commit())
}

// Times are stored as RFC 3339 text in UTC; the zero time as "".

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// flag is how booleans are stored (0/1 integers in both engines).
func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}
