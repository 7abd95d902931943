package watch_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/watch"
)

// receiver is a webhook receiver whose answer the test sets; it counts
// the posts and keeps their bodies.
type receiver struct {
	*httptest.Server
	status atomic.Int32
	mu     sync.Mutex
	bodies []string
}

func newReceiver(t *testing.T, status int) *receiver {
	r := &receiver{}
	r.status.Store(int32(status))
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		var v json.RawMessage
		json.NewDecoder(req.Body).Decode(&v)
		r.mu.Lock()
		r.bodies = append(r.bodies, string(v))
		r.mu.Unlock()
		w.WriteHeader(int(r.status.Load()))
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) posts() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.bodies...)
}

// changedQuote watches a page, annotates its quote and rewords it on the
// site, so the next fetch raises an alert.
func changedQuote(t *testing.T, db *sqlstore.DB, w *watch.Watcher) {
	t.Helper()
	s := newSite(t, articlePage("", pVote, pQuote))
	wt, _, err := w.Add(context.Background(), alice, "desk", s.URL+"/news/budget", false)
	must(t, err)
	annotate(t, db, wt.StoryID, annotation.KindQuote, "We will not raise taxes this year")
	s.edit(articlePage("", pVote, pQuote2))
}

func delivery(t *testing.T, db *sqlstore.DB) store.Delivery {
	t.Helper()
	ds, err := db.Deliveries(context.Background(), "desk", 10)
	must(t, err)
	if len(ds) != 1 {
		t.Fatalf("%d deliveries, want 1", len(ds))
	}
	return ds[0]
}

// A receiver that fails gets the summary again, with backoff, until it
// takes it; each attempt is recorded, the body never changes, and two
// server processes never post one delivery twice.
func TestWebhookRetriedUntilDelivered(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		ctx := context.Background()
		url := newURL(t)
		db := sqltest.Open(t, engine, url)
		must(t, db.CreateUser(ctx, store.User{Name: "alice"}))
		must(t, db.CreateProject(ctx, store.Project{Slug: "desk", Title: "Desk"}, "alice"))
		hook := newReceiver(t, http.StatusServiceUnavailable)
		must(t, db.SetWebhook(ctx, "desk", hook.URL+"/alerts"))
		c := newClock()
		w := newWatcher(db, c, true)
		other := newWatcher(sqltest.Open(t, engine, url), c, true) // a second server process
		changedQuote(t, db, w)
		c.Add(every + time.Second)
		var wg sync.WaitGroup
		for _, p := range []*watch.Watcher{w, other} {
			wg.Go(func() {
				if _, err := p.RunDue(ctx); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		d := delivery(t, db)
		if len(hook.posts()) != 1 || d.State != "pending" || d.Attempts != 1 || d.LastStatus != 503 || d.LastError == "" ||
			!d.DueAt.Equal(c.Now().Add(time.Minute)) {
			t.Fatalf("after one failed post (%d posts): %+v", len(hook.posts()), d)
		}
		// Not yet due: nothing is posted.
		c.Add(30 * time.Second)
		must(t, second(w.DeliverDue(ctx)))
		if len(hook.posts()) != 1 {
			t.Fatalf("posted before its retry was due")
		}
		c.Add(31 * time.Second)
		must(t, second(other.DeliverDue(ctx)))
		if d := delivery(t, db); d.Attempts != 2 || !d.DueAt.Equal(c.Now().Add(2*time.Minute)) {
			t.Fatalf("second attempt: %+v", d)
		}
		hook.status.Store(http.StatusNoContent)
		c.Add(2 * time.Minute)
		must(t, second(w.DeliverDue(ctx)))
		d = delivery(t, db)
		posts := hook.posts()
		if d.State != "delivered" || d.Attempts != 3 || d.LastStatus != 204 || d.LastError != "" || len(posts) != 3 ||
			posts[0] != posts[2] || d.URL != hook.URL+"/alerts" {
			t.Fatalf("delivered: %+v after %d posts", d, len(posts))
		}
		c.Add(24 * time.Hour)
		must(t, second(w.DeliverDue(ctx)))
		if len(hook.posts()) != 3 {
			t.Error("a delivered summary was posted again")
		}
	})
}

// A receiver that never answers is tried a bounded number of times over
// hours, then given up, with the reason kept; a removed webhook ends a
// delivery at once.
func TestWebhookGivenUp(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t, "sqlite")
	hook := newReceiver(t, http.StatusInternalServerError)
	must(t, db.SetWebhook(ctx, "desk", hook.URL))
	c := newClock()
	w := newWatcher(db, c, true)
	changedQuote(t, db, w)
	start := c.Now()
	c.Add(every + time.Second)
	must(t, second(w.RunDue(ctx)))
	for range 100 {
		c.Add(10 * time.Minute)
		must(t, second(w.DeliverDue(ctx)))
	}
	d := delivery(t, db)
	if n := len(hook.posts()); n != 10 || d.State != "failed" || d.Attempts != 10 || d.LastStatus != 500 || d.LastError == "" {
		t.Errorf("a receiver that always fails: %d posts, %+v", n, d)
	}
	if span := d.LastAttempt.Sub(start); span < 5*time.Hour || span > 8*time.Hour {
		t.Errorf("attempts spread over %s, want about six hours", span)
	}

	// The webhook is removed while a delivery waits for its retry.
	db2 := newDesk(t, "sqlite")
	must(t, db2.SetWebhook(ctx, "desk", hook.URL))
	w2 := newWatcher(db2, c, true)
	changedQuote(t, db2, w2)
	c.Add(every + time.Second)
	must(t, second(w2.RunDue(ctx)))
	must(t, db2.SetWebhook(ctx, "desk", ""))
	c.Add(time.Hour)
	must(t, second(w2.DeliverDue(ctx)))
	if d := delivery(t, db2); d.State != "failed" || d.LastError != "the project's webhook was removed" || d.Attempts != 2 {
		t.Errorf("after the webhook was removed: %+v", d)
	}
}

// Without a webhook nothing is queued.
func TestNoWebhookNoDelivery(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t, "sqlite")
	c := newClock()
	w := newWatcher(db, c, true)
	changedQuote(t, db, w)
	c.Add(every + time.Second)
	must(t, second(w.RunDue(ctx)))
	if ds, err := db.Deliveries(ctx, "desk", 10); err != nil || len(ds) != 0 {
		t.Errorf("deliveries without a webhook: %v %v", ds, err)
	}
}
