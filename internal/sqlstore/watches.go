package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// Watches (package watch) live here: their schedule, so every server
// process picks up due ones, and a lease, so two never fetch one at once.
// A claim is a write transaction, and write transactions hold the change
// counter row (PostgreSQL: FOR UPDATE; SQLite: the one writer), so claims
// from any number of processes are serialised.

const watchColumns = `project, id, kind, url, canonical, story_id, feed_id, ignore_robots, interval_s, due_at, until_at,
	etag, last_modified, last_fetch, last_result, last_error, failures, created, created_by, paused`

func scanWatch(sc scanner) (store.Watch, error) {
	var w store.Watch
	var ignore, paused int
	var interval, due, until int64
	var lastFetch, created string
	err := sc.Scan(&w.Project, &w.ID, &w.Kind, &w.URL, &w.Canonical, &w.StoryID, &w.FeedID, &ignore, &interval, &due, &until,
		&w.ETag, &w.LastModified, &lastFetch, &w.LastResult, &w.LastError, &w.Failures, &created, &w.CreatedBy, &paused)
	if err != nil {
		return w, err
	}
	w.IgnoreRobots, w.Paused = ignore != 0, paused != 0
	w.Interval = time.Duration(interval) * time.Second
	w.DueAt, w.Until = unixTime(due), unixTime(until)
	if w.LastFetch, err = parseTime(lastFetch); err == nil {
		w.Created, err = parseTime(created)
	}
	return w, err
}

func unixTime(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}

func unixSeconds(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// AddWatch stores a new watch; a watch of the project with the same URL
// (as given or canonical) is ErrConflict.
func (db *DB) AddWatch(ctx context.Context, a store.Actor, wt store.Watch) (store.Watch, error) {
	if wt.Project == "" || wt.ID == "" || wt.URL == "" {
		return store.Watch{}, fmt.Errorf("watch without a project, id or URL: %w", store.ErrInvalid)
	}
	err := db.write(ctx, func(w *wtx) error {
		var n int
		if err := w.queryRow(`SELECT COUNT(*) FROM projects WHERE slug = ?`, wt.Project).Scan(&n); err != nil || n == 0 {
			return cmpErr(err, n == 0, fmt.Errorf("project %q: %w", wt.Project, store.ErrNotFound))
		}
		if old, err := w.reader().watchByURL(wt.Project, wt.URL); err == nil {
			return fmt.Errorf("%s is already watched (watch %s): %w", wt.URL, old.ID, store.ErrConflict)
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		wt.Created, wt.CreatedBy = w.now, a.User
		return w.exec(`INSERT INTO watches (`+watchColumns+`, lease_owner, lease_until)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0)`,
			wt.Project, wt.ID, wt.Kind, wt.URL, wt.Canonical, wt.StoryID, wt.FeedID, flag(wt.IgnoreRobots),
			int64(wt.Interval/time.Second), unixSeconds(wt.DueAt), unixSeconds(wt.Until),
			wt.ETag, wt.LastModified, formatTime(wt.LastFetch), wt.LastResult, wt.LastError, wt.Failures,
			formatTime(wt.Created), wt.CreatedBy, flag(wt.Paused))
	})
	return wt, err
}

// Watch reads one watch (ErrNotFound).
func (db *DB) Watch(ctx context.Context, project, id string) (store.Watch, error) {
	wt, err := scanWatch(db.reader(ctx).queryRow(`SELECT `+watchColumns+` FROM watches WHERE project = ? AND id = ?`, project, id))
	if errors.Is(err, sql.ErrNoRows) {
		return wt, fmt.Errorf("watch %q: %w", id, store.ErrNotFound)
	}
	return wt, db.fail(ctx, err)
}

// WatchByURL finds the project's watch of a URL, as given or canonical
// (ErrNotFound).
func (db *DB) WatchByURL(ctx context.Context, project, url string) (store.Watch, error) {
	wt, err := db.reader(ctx).watchByURL(project, url)
	return wt, db.fail(ctx, err)
}

func (r reader) watchByURL(project, url string) (store.Watch, error) {
	wt, err := scanWatch(r.queryRow(`SELECT `+watchColumns+` FROM watches WHERE project = ? AND (url = ? OR canonical = ?)
		ORDER BY created, id LIMIT 1`, project, url, url))
	if errors.Is(err, sql.ErrNoRows) {
		return wt, fmt.Errorf("no watch of %s: %w", url, store.ErrNotFound)
	}
	return wt, err
}

// Watches lists a project's watches, oldest first.
func (db *DB) Watches(ctx context.Context, project string) ([]store.Watch, error) {
	rows, err := db.reader(ctx).query(`SELECT `+watchColumns+` FROM watches WHERE project = ? ORDER BY created, id`, project)
	if err != nil {
		return nil, db.fail(ctx, err)
	}
	defer rows.Close()
	var out []store.Watch
	for rows.Next() {
		wt, err := scanWatch(rows)
		if err != nil {
			return nil, db.fail(ctx, err)
		}
		out = append(out, wt)
	}
	return out, db.fail(ctx, rows.Err())
}

// ClaimWatch leases the watch that has been due longest (and has not
// ended, is not paused, and is not leased by a live claim) to owner until now+lease.
// ErrNotFound: none is due.
func (db *DB) ClaimWatch(ctx context.Context, owner string, now time.Time, lease time.Duration) (store.Watch, error) {
	const due = `FROM watches WHERE due_at <= ? AND lease_until <= ? AND (until_at = 0 OR until_at > ?) AND paused = 0`
	t := now.Unix()
	// Idle schedulers poll often: look without taking the write lock
	// first, and take it only when something is due.
	var n int
	if err := db.reader(ctx).queryRow(`SELECT COUNT(*) `+due, t, t, t).Scan(&n); err != nil || n == 0 {
		return store.Watch{}, cmpErr(db.fail(ctx, err), n == 0, fmt.Errorf("no watch is due: %w", store.ErrNotFound))
	}
	var out store.Watch
	err := db.write(ctx, func(w *wtx) error {
		wt, err := scanWatch(w.queryRow(`SELECT `+watchColumns+` `+due+`
			ORDER BY due_at, project, id LIMIT 1`, t, t, t))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("no watch is due: %w", store.ErrNotFound)
		}
		if err != nil {
			return err
		}
		out = wt
		return w.exec(`UPDATE watches SET lease_owner = ?, lease_until = ? WHERE project = ? AND id = ?`,
			owner, now.Add(lease).Unix(), wt.Project, wt.ID)
	})
	return out, err
}

// FinishWatch saves what a fetch learnt (kind, schedule, validators, result)
// and ends owner's lease. ErrConflict: the lease was lost (it expired and
// another process claimed the watch, or the watch was deleted), and
// nothing is saved.
func (db *DB) FinishWatch(ctx context.Context, owner string, wt store.Watch) error {
	return db.write(ctx, func(w *wtx) error {
		return w.affectOne(fmt.Errorf("watch %q: the lease was lost: %w", wt.ID, store.ErrConflict),
			`UPDATE watches SET kind = ?, canonical = ?, story_id = ?, interval_s = ?, due_at = ?,
			until_at = ?, etag = ?, last_modified = ?, last_fetch = ?, last_result = ?, last_error = ?, failures = ?,
			lease_owner = '', lease_until = 0
			WHERE project = ? AND id = ? AND lease_owner = ?`,
			wt.Kind, wt.Canonical, wt.StoryID, int64(wt.Interval/time.Second), unixSeconds(wt.DueAt), unixSeconds(wt.Until),
			wt.ETag, wt.LastModified, formatTime(wt.LastFetch), wt.LastResult, wt.LastError, wt.Failures,
			wt.Project, wt.ID, owner)
	})
}

// CountWatches is how many watches a project has (limits on feeds).
func (db *DB) CountWatches(ctx context.Context, project string) (int, error) {
	var n int
	err := db.reader(ctx).queryRow(`SELECT COUNT(*) FROM watches WHERE project = ?`, project).Scan(&n)
	return n, db.fail(ctx, err)
}

// SetWebhook sets the URL a project's alerts are posted to ("" removes
// it); ErrNotFound for no such project.
func (db *DB) SetWebhook(ctx context.Context, project, url string) error {
	return db.write(ctx, func(w *wtx) error {
		var n int
		if err := w.queryRow(`SELECT COUNT(*) FROM projects WHERE slug = ?`, project).Scan(&n); err != nil || n == 0 {
			return cmpErr(err, n == 0, fmt.Errorf("project %q: %w", project, store.ErrNotFound))
		}
		if err := w.exec(`DELETE FROM webhooks WHERE project = ?`, project); err != nil || url == "" {
			return err
		}
		return w.exec(`INSERT INTO webhooks (project, url) VALUES (?, ?)`, project, url)
	})
}

// Webhook is the URL a project's alerts are posted to ("" none).
func (db *DB) Webhook(ctx context.Context, project string) (string, error) {
	var url string
	err := db.reader(ctx).queryRow(`SELECT url FROM webhooks WHERE project = ?`, project).Scan(&url)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return url, db.fail(ctx, err)
}

// SetSetting stores a server setting other processes (the command line)
// read.
func (db *DB) SetSetting(ctx context.Context, name, value string) error {
	return db.write(ctx, func(w *wtx) error {
		if err := w.exec(`DELETE FROM settings WHERE name = ?`, name); err != nil {
			return err
		}
		return w.exec(`INSERT INTO settings (name, value) VALUES (?, ?)`, name, value)
	})
}

// Setting reads a server setting; found is false when none was stored.
func (db *DB) Setting(ctx context.Context, name string) (value string, found bool, err error) {
	err = db.reader(ctx).queryRow(`SELECT value FROM settings WHERE name = ?`, name).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return value, err == nil, db.fail(ctx, err)
}
