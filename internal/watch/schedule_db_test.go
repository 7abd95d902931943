package watch_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/watch"
)

var alice = store.Actor{User: "alice"}

// Two processes on one database claim due watches: each watch is
// fetched once, and a claimed one is not handed out again while leased.
func TestClaimsAreExclusive(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		ctx := context.Background()
		url := newURL(t)
		db := sqltest.Open(t, engine, url)
		must(t, db.CreateUser(ctx, store.User{Name: "alice"}))
		must(t, db.CreateProject(ctx, store.Project{Slug: "desk", Title: "Desk"}, "alice"))
		other := sqltest.Open(t, engine, url) // a second process
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		for i := range 20 {
			_, err := db.AddWatch(ctx, alice, store.Watch{Project: "desk", ID: "w" + string(rune('a'+i)), Kind: store.WatchPage,
				URL: "https://example.com/" + string(rune('a'+i)), Interval: time.Minute, DueAt: now})
			must(t, err)
		}
		var mu sync.Mutex
		claimed := map[string]int{}
		var wg sync.WaitGroup
		for p, s := range []watch.Store{db, other, db, other} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					wt, err := s.ClaimWatch(ctx, "p"+string(rune('0'+p)), now, time.Hour)
					if errors.Is(err, store.ErrNotFound) {
						return
					}
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					claimed[wt.ID]++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if len(claimed) != 20 {
			t.Errorf("%d watches claimed, want 20", len(claimed))
		}
		for id, n := range claimed {
			if n != 1 {
				t.Errorf("watch %s claimed %d times", id, n)
			}
		}
		// Lease expired: claimable again; a lost lease cannot be finished.
		wt, err := other.ClaimWatch(ctx, "late", now.Add(2*time.Hour), time.Hour)
		must(t, err)
		if err := db.FinishWatch(ctx, "p0", wt); !errors.Is(err, store.ErrConflict) {
			t.Errorf("finishing a lost lease: %v, want ErrConflict", err)
		}
		must(t, other.FinishWatch(ctx, "late", wt))
		// A watch past its duration is never claimed again.
		wt2, err := other.ClaimWatch(ctx, "x", now.Add(3*time.Hour), time.Hour)
		must(t, err)
		wt2.Until = now.Add(3 * time.Hour)
		must(t, other.FinishWatch(ctx, "x", wt2))
		for {
			got, err := db.ClaimWatch(ctx, "y", now.Add(5*time.Hour), time.Hour)
			if errors.Is(err, store.ErrNotFound) {
				break
			}
			must(t, err)
			if got.ID == wt2.ID {
				t.Fatalf("an ended watch was claimed")
			}
		}
	})
}

// A failing site is recorded on its watch and backs off; the others are
// still fetched.
func TestErrorsAreRecorded(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t, "sqlite")
	good := newSite(t, articlePage("", pVote, pQuote))
	bad := newSite(t, articlePage("", pParks, pCritics))
	c := newClock()
	w := newWatcher(db, c, true)
	badWatch, _, err := w.Add(ctx, alice, "desk", bad.URL+"/news/budget", false)
	must(t, err)
	goodWatch, _, err := w.Add(ctx, alice, "desk", good.URL+"/news/budget", false)
	must(t, err)
	bad.Close()
	good.edit(articlePage("", pVote, pQuote2))
	c.Add(every + time.Second)
	n, err := w.RunDue(ctx)
	must(t, err)
	if n != 2 {
		t.Fatalf("fetched %d, want 2", n)
	}
	got, err := db.Watch(ctx, "desk", badWatch.ID)
	must(t, err)
	if got.LastResult != "error" || got.Failures != 1 || got.LastError == "" {
		t.Errorf("failing watch: %+v", got)
	}
	revs, err := db.Revisions(ctx, "desk", goodWatch.StoryID)
	must(t, err)
	if len(revs) != 2 {
		t.Errorf("the good site has %d revisions, want 2", len(revs))
	}
}

// Without private addresses allowed, a loopback URL or one redirecting
// there is refused with the reason, and nothing is stored.
func TestAddRefusesPrivate(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t, "sqlite")
	s := newSite(t, articlePage("", pVote))
	c := newClock()
	w := newWatcher(db, c, false)
	for _, url := range []string{s.URL + "/news/budget", s.URL + "/go?to=/news/budget"} {
		_, _, err := w.Add(ctx, alice, "desk", url, false)
		if !errors.Is(err, watch.ErrPrivate) || !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("%s: %v", url, err)
		}
	}
	ws, err := db.Watches(ctx, "desk")
	must(t, err)
	stories, err := db.Stories(ctx, "desk")
	must(t, err)
	if len(ws) != 0 || len(stories) != 0 || s.hits.Load() != 0 {
		t.Errorf("refused watches stored something: %d watches, %d stories, %d hits", len(ws), len(stories), s.hits.Load())
	}
}

// The same story under two URLs (its canonical link says so) is watched
// once.
func TestCanonicalDedup(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t, "sqlite")
	s := newSite(t, "")
	s.edit(articlePage(s.URL+"/news/budget", pVote, pQuote))
	c := newClock()
	w := newWatcher(db, c, true)
	_, _, err := w.Add(ctx, alice, "desk", s.URL+"/news/budget", false)
	must(t, err)
	_, _, err = w.Add(ctx, alice, "desk", s.URL+"/go?to=/news/budget", false)
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("second URL of the same story: %v, want ErrConflict", err)
	}
	_, _, err = w.Add(ctx, alice, "desk", s.URL+"/news/budget", false)
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("the same URL again: %v, want ErrConflict", err)
	}
}
