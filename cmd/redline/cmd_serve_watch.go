//go:build !js

package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"time"

	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/watch"
	"github.com/redline-news/redline/internal/watchapi"
)

// watchFlags are serve's flags for watched stories.
type watchFlags struct {
	every        *time.Duration
	allowPrivate *bool
}

func addWatchFlags(fs *flag.FlagSet) watchFlags {
	return watchFlags{
		every:        fs.Duration("watch-every", watch.DefaultEvery, "how often watched pages are re-fetched (backing off on pages that do not change)"),
		allowPrivate: fs.Bool("watch-allow-private", false, "let watches fetch loopback, private and link-local addresses (tests, intranets)"),
	}
}

func (f watchFlags) check() error {
	if *f.every < time.Second {
		return usagef("serve: --watch-every must be at least 1s, not %s", *f.every)
	}
	return nil
}

// watchWorkers fetch at once, so one slow site does not hold up the rest.
const watchWorkers = 4

// start records the servers' private-address policy, runs the watcher
// until ctx ends and returns the API routes of watches and alerts.
// The returned channel is closed once the watcher stopped, so the
// database is closed only after its last write.
func (f watchFlags) start(ctx context.Context, db *sqlstore.DB, e *env) (*watchapi.Handler, <-chan struct{}, error) {
	// The command line's `admin watch add` follows the servers' policy.
	if err := db.SetSetting(ctx, watch.SettingAllowPrivate, strconv.FormatBool(*f.allowPrivate)); err != nil {
		return nil, nil, err
	}
	fetcher := watch.NewFetcher(watch.Options{AllowPrivate: *f.allowPrivate})
	w := watch.New(db, fetcher, watch.Config{Every: *f.every, Logf: func(format string, args ...any) {
		fmt.Fprintf(e.stderr, format+"\n", args...)
	}})
	// Due watches are looked for often enough that a watch is fetched
	// within a fraction of its interval of falling due.
	poll := min(max(*f.every/4, 250*time.Millisecond), 30*time.Second)
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, watchWorkers, poll)
	}()
	return &watchapi.Handler{Store: db, Watcher: w}, done, nil
}
