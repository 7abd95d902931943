package watch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// feedSite serves an RSS feed whose items link to article pages of the
// same site; add grows it.
type feedSite struct {
	*httptest.Server
	mu    sync.Mutex
	items int
}

func newFeedSite(t *testing.T, items int) *feedSite {
	s := &feedSite{items: items}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		n := s.items
		s.mu.Unlock()
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><link>/</link>`)
			for i := n; i >= 1; i-- {
				day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
				fmt.Fprintf(w, `<item><title>Story %d</title><link>/story/%d</link><pubDate>%s</pubDate></item>`, i, i, day.Format(time.RFC1123Z))
			}
			fmt.Fprint(w, `</channel></rss>`)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/story/") {
			fmt.Fprint(w, articlePage("", "Story "+strings.TrimPrefix(r.URL.Path, "/story/")+" begins here. "+pVote, pParks))
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func TestFeedGrows(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t, "sqlite")
	s := newFeedSite(t, 3)
	c := newClock()
	w := newWatcher(db, c, true)
	feed, rev, err := w.Add(ctx, alice, "desk", s.URL+"/feed.xml", false)
	must(t, err)
	if feed.Kind != store.WatchFeed || feed.StoryID != "" || rev.ID != "" {
		t.Fatalf("feed watch %+v, revision %+v", feed, rev)
	}
	count := func() (pages, stories int) {
		ws, err := db.Watches(ctx, "desk")
		must(t, err)
		for _, wt := range ws {
			if wt.Kind == store.WatchPage {
				pages++
				if wt.FeedID != feed.ID || wt.StoryID == "" {
					t.Errorf("item watch %+v", wt)
				}
			}
		}
		ss, err := db.Stories(ctx, "desk")
		must(t, err)
		return pages, len(ss)
	}
	if p, n := count(); p != 3 || n != 3 {
		t.Fatalf("after adding the feed: %d item watches, %d stories; want 3", p, n)
	}
	// The feed grows by 25: only the newest 20 are looked at per fetch.
	s.mu.Lock()
	s.items = 28
	s.mu.Unlock()
	c.Add(every + time.Second)
	_, err = w.RunDue(ctx)
	must(t, err)
	if p, n := count(); p != 23 || n != 23 {
		t.Fatalf("after the feed grew: %d item watches, %d stories; want 23", p, n)
	}
	got, err := db.Watch(ctx, "desk", feed.ID)
	must(t, err)
	if got.LastResult != "changed" || got.LastError != "" || got.Interval != every {
		t.Errorf("feed watch after a fetch: %+v", got)
	}
}

// A watch stored unfetched (by the command line) becomes a story, or a
// feed, at its first fetch by a server.
func TestUnfetchedWatches(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t, "sqlite")
	feeds := newFeedSite(t, 2)
	page := newSite(t, articlePage("", pVote, pQuote))
	c := newClock()
	w := newWatcher(db, c, true)
	pw, err := w.AddUnfetched(ctx, alice, "desk", page.URL+"/news/budget", false)
	must(t, err)
	fw, err := w.AddUnfetched(ctx, alice, "desk", feeds.URL+"/feed.xml", false)
	must(t, err)
	if _, err := w.AddUnfetched(ctx, alice, "desk", "gopher://x/", false); err == nil {
		t.Error("a gopher URL was stored")
	}
	n, err := w.RunDue(ctx)
	must(t, err)
	if n != 2 {
		t.Fatalf("fetched %d, want 2", n)
	}
	got, err := db.Watch(ctx, "desk", pw.ID)
	must(t, err)
	revs, err := db.Revisions(ctx, "desk", got.StoryID)
	if err != nil || len(revs) != 1 || got.LastResult != "changed" {
		t.Errorf("page watch after its first fetch: %+v, %d revisions, %v", got, len(revs), err)
	}
	got, err = db.Watch(ctx, "desk", fw.ID)
	must(t, err)
	all, err := db.Watches(ctx, "desk")
	must(t, err)
	if got.Kind != store.WatchFeed || len(all) != 4 {
		t.Errorf("feed watch after its first fetch: %+v, %d watches in all", got, len(all))
	}
}
