package sqlstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/store/storetest"
)

// newProject adds a user and a project they own, and returns the
// project's store.Store view.
func newProject(t testing.TB, db *sqlstore.DB, slug string) store.Store {
	t.Helper()
	ctx := context.Background()
	if _, err := db.User(ctx, "owner"); err != nil {
		if err := db.CreateUser(ctx, store.User{Name: "owner"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.CreateProject(ctx, store.Project{Slug: slug, Title: "Desk " + slug}, "owner"); err != nil {
		t.Fatal(err)
	}
	return db.Library(slug, store.Actor{User: "owner", Device: "test"})
}

// TestConforms runs the store conformance suite on each engine, every
// check in a project of its own in one database (which also shows that
// projects do not see each other's records).
func TestConforms(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		db := sqltest.Open(t, engine, newURL(t))
		n := 0
		failures := storetest.Check(context.Background(), func() (store.Store, error) {
			n++
			return newProject(t, db, fmt.Sprint("p", n)), nil
		})
		for _, err := range failures {
			t.Error(err)
		}
	})
}

func TestConcurrentWriters(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		db := sqltest.Open(t, engine, newURL(t))
		if err := storetest.ConcurrentWriters(context.Background(), newProject(t, db, "desk"), 100); err != nil {
			t.Fatal(err)
		}
	})
}
