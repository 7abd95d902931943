package sqlstore_test

import (
	"database/sql"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

// TestUpgradeFromV4: a watch stored by version 4 of the schema keeps its
// schedule, is not paused, and is still claimed when due; webhook
// deliveries and sign-in counts start empty.
func TestUpgradeFromV4(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		url := newURL(t)
		old, err := sqlstore.OpenAt(ctx, engine, url, 4)
		must(t, err)
		must(t, old.CreateUser(ctx, store.User{Name: "alice"}))
		must(t, old.CreateProject(ctx, store.Project{Slug: "desk", Title: "Desk"}, "alice"))
		must(t, old.Close())
		raw, err := sql.Open(map[string]string{"sqlite": "sqlite", "postgres": "pgx"}[engine], url)
		must(t, err)
		// Version 4's columns only: what AddWatch wrote before schema 5.
		_, err = raw.Exec(`INSERT INTO watches (project, id, kind, url, canonical, story_id, feed_id, ignore_robots, interval_s,
			due_at, until_at, etag, last_modified, last_fetch, last_result, last_error, failures, lease_owner, lease_until, created, created_by)
			VALUES ('desk', 'w1', 'page', 'https://news.example/a', '', '', '', 0, 1800, 1000, 0, '"v1"', '', '', '', '', 0, '', 0,
			'2026-11-30T09:00:00Z', 'alice')`)
		must(t, err)
		must(t, raw.Close())

		db := sqltest.Open(t, engine, url)
		w, err := db.Watch(ctx, "desk", "w1")
		if err != nil || w.Paused || w.ETag != `"v1"` || w.Interval != 30*time.Minute || w.DueAt.Unix() != 1000 {
			t.Fatalf("watch after upgrade: %+v, %v", w, err)
		}
		if got, err := db.ClaimWatch(ctx, "p", time.Now(), time.Minute); err != nil || got.ID != "w1" {
			t.Errorf("claim after upgrade: %+v, %v", got, err)
		}
		if ds, err := db.Deliveries(ctx, "desk", 10); err != nil || len(ds) != 0 {
			t.Errorf("deliveries after upgrade: %v, %v", ds, err)
		}
		if n, _, err := db.SignInFailures(ctx, "name:alice"); err != nil || n != 0 {
			t.Errorf("sign-in failures after upgrade: %d, %v", n, err)
		}
	})
}
