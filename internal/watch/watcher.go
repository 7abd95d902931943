// Package watch captures new revisions of watched stories from the web.
//
// Schedules live in the database: every server process claims due watches
// from it with a lease (so two never fetch one watch at once) and records
// what each fetch found on the watch. A page whose canonical text changed
// becomes a new revision, exactly as one added by hand in the app: parsed
// by internal/article, its annotations carried by internal/migrate with
// their statuses, every record written with its change so synced
// browsers see it. Each captured revision keeps the page as fetched
// (bytes, headers, time, final URL, SHA-256), exported as WARC; annotated
// words that changed raise alerts.
package watch

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
)

// Store is what the watcher needs from the database (*sqlstore.DB).
type Store interface {
	Revisions(ctx context.Context, project, storyID string) ([]store.RevisionRec, error)
	Docs(ctx context.Context, project string, q store.DocQuery) (store.DocPage, error)
	SaveCapture(ctx context.Context, a store.Actor, cw store.CaptureWrite) (store.RevisionRec, error)
	AddWatch(ctx context.Context, a store.Actor, w store.Watch) (store.Watch, error)
	WatchByURL(ctx context.Context, project, url string) (store.Watch, error)
	CountWatches(ctx context.Context, project string) (int, error)
	Webhook(ctx context.Context, project string) (string, error)
	ClaimDelivery(ctx context.Context, owner string, now time.Time, lease time.Duration) (store.Delivery, error)
	FinishDelivery(ctx context.Context, owner string, d store.Delivery) error
	ClaimWatch(ctx context.Context, owner string, now time.Time, lease time.Duration) (store.Watch, error)
	FinishWatch(ctx context.Context, owner string, w store.Watch) error
}

// Actor is who the watcher's writes are recorded as.
var Actor = store.Actor{User: "watcher"}

// Watcher fetches due watches and stores what changed.
type Watcher struct {
	store   Store
	fetcher *Fetcher
	cfg     Config
	owner   string
}

// Config tunes a Watcher; zero values take the defaults.
type Config struct {
	Every    time.Duration // the base wait between fetches of a page
	Duration time.Duration // how long a new watch lasts
	Now      func() time.Time
	// Lease is how long a claimed watch stays another process's; longer
	// than a fetch can take.
	Lease time.Duration
	// Logf reports fetch failures (they are recorded on the watch too).
	Logf func(format string, args ...any)
	// DueNow makes new watches due at once rather than after Every: for
	// `redline admin watch add`, which does not know the interval of the
	// server processes that will fetch them (each applies its own).
	DueNow bool
}

// New returns a Watcher over s fetching with f.
func New(s Store, f *Fetcher, cfg Config) *Watcher {
	if cfg.Every <= 0 {
		cfg.Every = DefaultEvery
	}
	if cfg.Duration <= 0 {
		cfg.Duration = DefaultDuration
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Lease <= 0 {
		cfg.Lease = 2*f.opt.Timeout + time.Minute
	}
	if cfg.Logf == nil {
		cfg.Logf = func(string, ...any) {}
	}
	var b [8]byte
	rand.Read(b[:])
	return &Watcher{store: s, fetcher: f, cfg: cfg, owner: hex.EncodeToString(b[:])}
}

func (w *Watcher) now() time.Time { return w.cfg.Now().UTC().Truncate(time.Second) }

// Add watches a page or a feed for a project. A page is fetched at once
// and stored as a story with its first revision only if that works, so a
// URL that cannot be fetched (a private address, a redirect to one,
// robots.txt, an error) is refused with the reason (store.ErrInvalid) and
// changes nothing. A page already watched in the project, under its URL
// or its canonical URL, is store.ErrConflict. A feed (RSS, Atom, JSON
// Feed) becomes a feed watch whose items are watched as pages, starting
// now; its revision is then the zero value.
func (w *Watcher) Add(ctx context.Context, a store.Actor, project, url string, ignoreRobots bool) (store.Watch, store.RevisionRec, error) {
	return w.add(ctx, a, project, url, ignoreRobots, "")
}

// AddUnfetched stores a page watch due at once without fetching it: for a
// command line that cannot tell whether the server processes may fetch
// the URL (a private address, before any of them ran). The first fetch,
// by a server, makes the story, or records on the watch why it could not.
func (w *Watcher) AddUnfetched(ctx context.Context, a store.Actor, project, url string, ignoreRobots bool) (store.Watch, error) {
	if _, err := NewFetcher(Options{AllowPrivate: true}).CheckURL(url); err != nil {
		return store.Watch{}, refused{err, store.ErrInvalid}
	}
	now := w.now()
	return w.store.AddWatch(ctx, a, store.Watch{Project: project, ID: protocol.NewID(), Kind: store.WatchPage, URL: url,
		IgnoreRobots: ignoreRobots, Interval: w.cfg.Every, DueAt: now, Until: now.Add(w.cfg.Duration)})
}

// add is Add for a URL found in feed feedID ("" added by hand); a feed
// item that is itself a feed is refused.
func (w *Watcher) add(ctx context.Context, a store.Actor, project, url string, ignoreRobots bool, feedID string) (store.Watch, store.RevisionRec, error) {
	if _, err := w.fetcher.CheckURL(url); err != nil {
		return store.Watch{}, store.RevisionRec{}, refused{err, store.ErrInvalid}
	}
	if old, err := w.store.WatchByURL(ctx, project, url); err == nil {
		return old, store.RevisionRec{}, refused{fmt.Errorf("%s is already watched (watch %s)", url, old.ID), store.ErrConflict}
	}
	res, err := w.fetcher.Fetch(ctx, Request{URL: url, IgnoreRobots: ignoreRobots})
	if err != nil {
		return store.Watch{}, store.RevisionRec{}, refused{err, store.ErrInvalid}
	}
	now := w.now()
	wt := store.Watch{Project: project, ID: protocol.NewID(), Kind: store.WatchPage, URL: url, FeedID: feedID,
		IgnoreRobots: ignoreRobots, Interval: w.cfg.Every, DueAt: now.Add(w.cfg.Every), Until: now.Add(w.cfg.Duration),
		ETag: res.ETag(), LastModified: res.LastModified(), LastFetch: now, LastResult: resultChanged}
	if w.cfg.DueNow {
		wt.DueAt = now
	}
	if isFeed(res.Body) {
		if feedID != "" {
			return store.Watch{}, store.RevisionRec{}, refused{fmt.Errorf("%s: a feed item that is a feed is not watched", url), store.ErrInvalid}
		}
		return w.addFeed(ctx, a, wt, res)
	}
	page, err := parsePage(res)
	if err != nil {
		return store.Watch{}, store.RevisionRec{}, refused{err, store.ErrInvalid}
	}
	if page.canonical != "" && page.canonical != url {
		if old, err := w.store.WatchByURL(ctx, project, page.canonical); err == nil {
			return old, store.RevisionRec{}, refused{fmt.Errorf("%s is %s, already watched (watch %s)", url, page.canonical, old.ID), store.ErrConflict}
		}
	}
	wt.Canonical = page.canonical
	if wt, err = w.store.AddWatch(ctx, a, wt); err != nil {
		return wt, store.RevisionRec{}, err
	}
	rev, err := w.capture(ctx, &wt, res, page)
	return wt, rev, err
}

// What a fetch found (Watch.LastResult).
const (
	resultChanged     = "changed"
	resultUnchanged   = "unchanged"
	resultNotModified = "not modified"
	resultError       = "error"
	resultDuplicate   = "duplicate"
)

// RunDue fetches every watch due now, one after another, then posts the
// webhook deliveries due, and returns how many watches it fetched. Tests
// drive it with a fake clock; Run calls it.
func (w *Watcher) RunDue(ctx context.Context) (int, error) {
	n := 0
	for ctx.Err() == nil {
		wt, err := w.store.ClaimWatch(ctx, w.owner, w.now(), w.cfg.Lease)
		if errors.Is(err, store.ErrNotFound) {
			_, err = w.DeliverDue(ctx)
			return n, err
		}
		if err != nil {
			return n, err
		}
		w.process(ctx, wt)
		n++
	}
	return n, ctx.Err()
}

// Run fetches due watches until ctx ends, with workers goroutines (so a
// slow site does not hold up the rest; the fetcher still sends one
// request at a time to each host), looking for due ones every poll.
func (w *Watcher) Run(ctx context.Context, workers int, poll time.Duration) {
	done := make(chan struct{})
	for range max(workers, 1) {
		go func() {
			defer func() { done <- struct{}{} }()
			for {
				if _, err := w.RunDue(ctx); err != nil && ctx.Err() == nil {
					w.cfg.Logf("watch: %v", err)
				}
				select {
				case <-ctx.Done():
					return
				case <-time.After(poll):
				}
			}
		}()
	}
	for range max(workers, 1) {
		<-done
	}
}

// process fetches one claimed watch and records the outcome on it; a
// failure (even a panic) is recorded, never propagated.
func (w *Watcher) process(ctx context.Context, wt store.Watch) {
	before := wt
	defer func() {
		if p := recover(); p != nil {
			wt = before
			w.failed(&wt, fmt.Errorf("internal error: %v", p))
		}
		if err := w.store.FinishWatch(context.WithoutCancel(ctx), w.owner, wt); err != nil {
			w.cfg.Logf("watch %s/%s: %v", wt.Project, wt.ID, err)
		}
	}()
	res, err := w.fetcher.Fetch(ctx, Request{URL: wt.URL, ETag: wt.ETag, LastModified: wt.LastModified, IgnoreRobots: wt.IgnoreRobots})
	if err == nil && !res.NotModified && wt.Kind == store.WatchPage && wt.StoryID == "" && wt.FeedID == "" && isFeed(res.Body) {
		wt.Kind = store.WatchFeed // added unfetched: only now is it known to be a feed
	}
	if err == nil && !res.NotModified && wt.Kind == store.WatchFeed {
		err = w.readFeed(ctx, &wt, res)
	} else if err == nil && !res.NotModified {
		var page parsed
		if page, err = parsePage(res); err == nil {
			if wt.StoryID == "" && page.canonical != "" {
				if old, e := w.store.WatchByURL(ctx, wt.Project, page.canonical); e == nil && old.ID != wt.ID {
					w.duplicate(&wt, old, page.canonical)
					return
				}
			}
			_, err = w.capture(ctx, &wt, res, page)
		}
	}
	if err != nil {
		w.failed(&wt, err)
		return
	}
	now := w.now()
	if res.NotModified {
		wt.LastResult = resultNotModified
	} else {
		wt.ETag, wt.LastModified = res.ETag(), res.LastModified()
	}
	changed := wt.LastResult == resultChanged || wt.Kind == store.WatchFeed // a feed is read every time: new items are new stories
	wt.LastFetch, wt.LastError, wt.Failures = now, "", 0
	wt.Interval = nextInterval(w.cfg.Every, wt.Interval, now.Sub(wt.Created), changed)
	wt.DueAt = now.Add(wt.Interval)
}

func (w *Watcher) failed(wt *store.Watch, err error) {
	now := w.now()
	wt.Failures++
	wt.LastFetch, wt.LastResult, wt.LastError = now, resultError, oneLine(err.Error())
	wt.DueAt = now.Add(errorDelay(w.cfg.Every, wt.Failures))
	w.cfg.Logf("watch %s/%s: %s", wt.Project, wt.ID, wt.LastError)
}

// duplicate ends a watch whose page turned out to be one already watched.
func (w *Watcher) duplicate(wt *store.Watch, old store.Watch, canonical string) {
	now := w.now()
	wt.Canonical, wt.LastFetch, wt.LastResult = canonical, now, resultDuplicate
	wt.LastError = fmt.Sprintf("the page is %s, already watched (watch %s)", canonical, old.ID)
	wt.Until = now
}

// parsed is a fetched page's article.
type parsed struct {
	article   *article.Article
	canonical string
}

func parsePage(res *Result) (parsed, error) {
	a, err := res.Article()
	if err != nil {
		return parsed{}, err
	}
	return parsed{article: a, canonical: Canonical(res.Body, res.FinalURL)}, nil
}

// Article parses a fetched page as every other part of Redline parses an
// article (internal/article), its format told by the URL and content.
func (r *Result) Article() (*article.Article, error) {
	a, err := article.Parse(r.Body, article.DetectFormat(r.FinalURL, r.Body))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.FinalURL, err)
	}
	return a, nil
}

// capture stores a fetched page as a new revision when its canonical text
// differs from the latest revision's (the first one makes the story), and
// sets the watch's result accordingly.
func (w *Watcher) capture(ctx context.Context, wt *store.Watch, res *Result, page parsed) (store.RevisionRec, error) {
	now := w.now()
	if page.canonical != "" {
		wt.Canonical = page.canonical
	}
	cw := store.CaptureWrite{WatchID: wt.ID}
	storyID := wt.StoryID
	var old store.RevisionRec
	var revisions []store.RevisionRec
	if storyID == "" {
		storyID = protocol.NewID()
		source := cmp.Or(page.canonical, res.FinalURL)
		cw.NewStory = &store.StoryRec{Project: wt.Project, Source: source,
			Story: annotation.Story{ID: storyID, Title: cmp.Or(page.article.Title, source), Created: now}}
	} else {
		var err error
		if revisions, err = w.store.Revisions(ctx, wt.Project, storyID); err != nil {
			return store.RevisionRec{}, err
		}
		if len(revisions) > 0 {
			old = revisions[len(revisions)-1]
			if old.Text == page.article.Text {
				wt.LastResult = resultUnchanged
				return old, nil
			}
		}
	}
	a := page.article
	cw.Revision = store.RevisionRec{Project: wt.Project, Source: res.FinalURL, Revision: annotation.Revision{
		ID: protocol.NewID(), StoryID: storyID, Date: cmp.Or(a.Date, now.Format(time.DateOnly)), Title: a.Title, Text: a.Text, Added: now,
		Undated: a.Date == "", Byline: a.Byline}}
	if old.ID != "" {
		docs, err := w.store.Docs(ctx, wt.Project, store.DocQuery{StoryID: storyID})
		if err != nil {
			return store.RevisionRec{}, err
		}
		c := Carry(old, cw.Revision, revisions, docs.Docs, now)
		cw.Docs, cw.Alerts = c.Docs, c.Alerts
	}
	cw.Capture = store.Capture{Project: wt.Project, ID: protocol.NewID(), StoryID: storyID, RevisionID: cw.Revision.ID,
		URL: res.URL, FinalURL: res.FinalURL, Fetched: res.Fetched, Status: res.Status,
		RequestHeader: res.RequestHeader, ResponseHeader: res.ResponseHeader, Body: res.Body, SHA256: res.SHA256}
	var err error
	if cw.Delivery, err = delivery(cmp.Or(a.Title, res.FinalURL), cw); err != nil {
		return store.RevisionRec{}, err
	}
	rev, err := w.store.SaveCapture(ctx, Actor, cw)
	if err != nil {
		return rev, err
	}
	wt.StoryID, wt.LastResult = storyID, resultChanged
	return rev, nil
}

// refused is why Add refused a URL: its message is the reason alone, and
// it is also the store error (ErrInvalid, ErrConflict) that tells callers
// what kind of refusal it is.
type refused struct{ reason, kind error }

func (r refused) Error() string   { return r.reason.Error() }
func (r refused) Unwrap() []error { return []error{r.reason, r.kind} }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
