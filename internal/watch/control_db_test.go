package watch_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

// A paused watch is not fetched by any process until it is resumed, when
// it is due at once; a deleted one is never fetched again, a fetch under
// way when it went records nothing, and what it captured stays.
func TestPauseResumeDelete(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		ctx := context.Background()
		url := newURL(t)
		db := sqltest.Open(t, engine, url)
		other := sqltest.Open(t, engine, url) // a second server process
		must(t, db.CreateUser(ctx, store.User{Name: "alice"}))
		must(t, db.CreateProject(ctx, store.Project{Slug: "desk", Title: "Desk"}, "alice"))
		now := time.Now().UTC().Truncate(time.Second)
		for _, id := range []string{"wa", "wb"} {
			_, err := db.AddWatch(ctx, alice, store.Watch{Project: "desk", ID: id, Kind: store.WatchPage,
				URL: "https://example.com/" + id, Interval: time.Minute, DueAt: now})
			must(t, err)
		}
		wt, err := db.PauseWatch(ctx, "desk", "wa", true)
		must(t, err)
		if !wt.Paused {
			t.Fatalf("paused watch reads %+v", wt)
		}
		claim := func(s interface {
			ClaimWatch(context.Context, string, time.Time, time.Duration) (store.Watch, error)
		}, at time.Time) string {
			t.Helper()
			got, err := s.ClaimWatch(ctx, "p", at, time.Hour)
			if errors.Is(err, store.ErrNotFound) {
				return ""
			}
			must(t, err)
			return got.ID
		}
		if id := claim(other, now.Add(time.Hour)); id != "wb" {
			t.Fatalf("claimed %q, want wb (wa is paused)", id)
		}
		if id := claim(other, now.Add(time.Hour)); id != "" {
			t.Fatalf("claimed %q with wa paused and wb leased", id)
		}
		// Resumed: due now, so the next look claims it.
		wt, err = other.PauseWatch(ctx, "desk", "wa", false)
		must(t, err)
		if wt.Paused || wt.DueAt.After(time.Now().Add(time.Second)) {
			t.Errorf("resumed watch %+v", wt)
		}
		if id := claim(db, time.Now().Add(time.Second)); id != "wa" {
			t.Fatalf("claimed %q after resume, want wa", id)
		}
		// Paused while leased: the fetch finishes, the pause stays.
		_, err = db.PauseWatch(ctx, "desk", "wa", true)
		must(t, err)
		wt.LastResult = "unchanged"
		must(t, db.FinishWatch(ctx, "p", wt))
		if got, err := db.Watch(ctx, "desk", "wa"); err != nil || !got.Paused || got.LastResult != "unchanged" {
			t.Errorf("after a fetch that was under way: %+v %v", got, err)
		}
		// Deleted while leased (wb): finishing finds the lease gone.
		must(t, other.DeleteWatch(ctx, "desk", "wb"))
		if err := db.FinishWatch(ctx, "p", store.Watch{Project: "desk", ID: "wb"}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("finishing a deleted watch: %v, want ErrConflict", err)
		}
		if _, err := db.Watch(ctx, "desk", "wb"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("deleted watch reads %v", err)
		}
		for _, err := range []error{db.DeleteWatch(ctx, "desk", "wb"), second(db.PauseWatch(ctx, "desk", "nope", true)),
			db.DeleteWatch(ctx, "other", "wa")} {
			if !errors.Is(err, store.ErrNotFound) {
				t.Errorf("control of a missing watch: %v, want ErrNotFound", err)
			}
		}
		// The URL may be watched again.
		_, err = db.AddWatch(ctx, alice, store.Watch{Project: "desk", ID: "wc", Kind: store.WatchPage, URL: "https://example.com/wb"})
		must(t, err)
	})
}

func second[T any](_ T, err error) error { return err }
