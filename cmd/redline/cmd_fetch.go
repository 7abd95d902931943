//go:build !js

package main

import (
	"context"
	"os/signal"
	"syscall"

	"github.com/redline-news/redline/internal/watch"
)

// runFetch fetches a live page as the watcher does (same fetcher: its
// User-Agent, robots.txt, limits and refusal of private addresses) and
// prints the parsed article as `redline parse` does.
func runFetch(e *env, args []string) error {
	fs := newFlags("fetch")
	allowPrivate := fs.Bool("allow-private", false, "also fetch loopback, private and link-local addresses (tests, intranets)")
	fs.BoolVar(allowPrivate, "watch-allow-private", false, "the same as --allow-private (serve's name for it)")
	ignoreRobots := fs.Bool("ignore-robots", false, "fetch even where robots.txt disallows Redline")
	urls, err := parseFlags(fs, args, 1)
	if err != nil {
		return err
	}
	f := watch.NewFetcher(watch.Options{AllowPrivate: *allowPrivate})
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	res, err := f.Fetch(ctx, watch.Request{URL: urls[0], IgnoreRobots: *ignoreRobots})
	if err != nil {
		return err
	}
	a, err := res.Article()
	if err != nil {
		return err
	}
	return printArticle(e, a)
}
