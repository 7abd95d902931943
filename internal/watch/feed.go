package watch

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/redline-news/redline/internal/store"
)

// Limits of feeds: each fetch of a feed looks at its newest items only,
// and a project watches at most so many URLs, however many its feeds list.
const (
	MaxFeedItems      = 20
	MaxProjectWatches = 1000
)

// ErrLimit: the project watches MaxProjectWatches URLs already.
var ErrLimit = errors.New("the project already watches the most URLs it may")

// isFeed reports whether a fetched body is an RSS, Atom or JSON feed
// rather than a page.
func isFeed(body []byte) bool {
	return gofeed.DetectFeedType(bytes.NewReader(body)) != gofeed.FeedTypeUnknown
}

// addFeed stores a new feed watch and watches its items.
func (w *Watcher) addFeed(ctx context.Context, a store.Actor, wt store.Watch, res *Result) (store.Watch, store.RevisionRec, error) {
	if _, err := parseFeed(res); err != nil {
		return store.Watch{}, store.RevisionRec{}, refused{err, store.ErrInvalid}
	}
	wt.Kind = store.WatchFeed
	wt, err := w.store.AddWatch(ctx, a, wt)
	if err != nil {
		return wt, store.RevisionRec{}, err
	}
	// The feed is watched now: items that fail are logged and tried
	// again at its next fetch, where the failure is recorded on it.
	if err := w.readFeed(ctx, &wt, res); err != nil {
		w.cfg.Logf("watch %s/%s: %v", wt.Project, wt.ID, err)
	}
	return wt, store.RevisionRec{}, nil
}

func parseFeed(res *Result) (*gofeed.Feed, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(res.Body))
	if err != nil {
		return nil, fmt.Errorf("%s: not a feed Redline can read: %w", res.FinalURL, err)
	}
	return f, nil
}

// readFeed watches the feed's newest items that are not watched yet, each
// as a page watch fetched now, until the project's limit. An item that
// cannot be fetched is skipped (and tried again next time, while it is
// among the newest). The feed's result says whether any was added.
func (w *Watcher) readFeed(ctx context.Context, wt *store.Watch, res *Result) error {
	f, err := parseFeed(res)
	if err != nil {
		return err
	}
	base, err := url.Parse(res.FinalURL)
	if err != nil {
		return err
	}
	added, failed := 0, 0
	var lastErr error
	for _, link := range newestLinks(f, base, MaxFeedItems) {
		if _, err := w.store.WatchByURL(ctx, wt.Project, link); err == nil {
			continue
		}
		n, err := w.store.CountWatches(ctx, wt.Project)
		if err != nil {
			return err
		}
		if n >= MaxProjectWatches {
			return fmt.Errorf("%w (%d)", ErrLimit, MaxProjectWatches)
		}
		if _, _, err := w.add(ctx, Actor, wt.Project, link, wt.IgnoreRobots, wt.ID); err != nil {
			if !errors.Is(err, store.ErrConflict) { // the same story under another URL is not a failure
				failed, lastErr = failed+1, err
				w.cfg.Logf("watch %s/%s: feed item: %v", wt.Project, wt.ID, err)
			}
			continue
		}
		added++
	}
	wt.LastResult = resultUnchanged
	if added > 0 {
		wt.LastResult = resultChanged
	}
	if failed > 0 {
		return fmt.Errorf("%d new item(s) could not be watched; the last: %w", failed, lastErr)
	}
	return nil
}

// newestLinks lists the absolute http(s) links of a feed's items, newest
// first (items without a date keep their feed order, after dated ones),
// at most limit, without repeats.
func newestLinks(f *gofeed.Feed, base *url.URL, limit int) []string {
	items := slices.Clone(f.Items)
	slices.SortStableFunc(items, func(a, b *gofeed.Item) int {
		return cmp.Compare(itemTime(b).Unix(), itemTime(a).Unix())
	})
	var out []string
	for _, it := range items {
		if len(out) == limit {
			break
		}
		if it == nil || it.Link == "" {
			continue
		}
		u, err := base.Parse(it.Link)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		u.Fragment = ""
		if link := u.String(); !slices.Contains(out, link) {
			out = append(out, link)
		}
	}
	return out
}

func itemTime(it *gofeed.Item) time.Time {
	switch {
	case it == nil:
	case it.PublishedParsed != nil:
		return *it.PublishedParsed
	case it.UpdatedParsed != nil:
		return *it.UpdatedParsed
	}
	return time.Unix(0, 0)
}
