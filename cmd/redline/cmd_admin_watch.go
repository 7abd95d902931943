//go:build !js

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/watch"
)

// The admin commands of watched stories (issue 14).
func init() {
	adminActions = append(adminActions,
		adminAction{
			words: "watch add", args: "SLUG URL [--allow-private] [--ignore-robots]", nargs: 2,
			flags: []string{"allow-private", "watch-allow-private", "ignore-robots"},
			check: func(in adminInput) error { return auth.ValidSlug(in.args[0]) },
			do:    adminWatchAdd,
		},
		adminAction{
			words: "stories", args: "SLUG", nargs: 1,
			check: func(in adminInput) error { return auth.ValidSlug(in.args[0]) },
			do:    adminStories,
		},
		adminAction{
			words: "warc", args: "STORY_ID", nargs: 1,
			check: func(in adminInput) error { return auth.ValidSlug(in.args[0]) },
			do:    adminWARC,
		},
	)
}

// adminWatchAdd fetches the page at once and stores it as a story with its
// first revision (a feed: each of its newest items); a server process
// (redline serve) then re-fetches it on its schedule. A URL that cannot be
// fetched changes nothing. Private addresses are fetched with
// --allow-private, or when the servers on this database were started with
// --watch-allow-private (serve records it); before any server ran, such a
// watch is stored unfetched, for the first server to fetch or refuse.
func adminWatchAdd(ctx context.Context, db *sqlstore.DB, in adminInput) error {
	policy, known, err := db.Setting(ctx, watch.SettingAllowPrivate)
	if err != nil {
		return err
	}
	f := watch.NewFetcher(watch.Options{AllowPrivate: in.allowPrivate || policy == "true"})
	w := watch.New(db, f, watch.Config{DueNow: true})
	actor := store.Actor{User: "admin"}
	wt, rev, err := w.Add(ctx, actor, in.args[0], in.args[1], in.ignoreRobots)
	if errors.Is(err, watch.ErrPrivate) && !known && !in.allowPrivate {
		if wt, err = w.AddUnfetched(ctx, actor, in.args[0], in.args[1], in.ignoreRobots); err != nil {
			return fmt.Errorf("watch add: %w", err)
		}
		fmt.Fprintf(in.e.stdout, "watching %s (watch %s): not fetched yet, as no server has said whether it may fetch private addresses; "+
			"redline serve --watch-allow-private will fetch it, one without the flag will record the refusal on the watch\n", wt.URL, wt.ID)
		return nil
	}
	if err != nil {
		return fmt.Errorf("watch add: %w", err)
	}
	if wt.Kind == store.WatchFeed {
		fmt.Fprintf(in.e.stdout, "watching feed %s (watch %s): its new items become watched stories\n", wt.URL, wt.ID)
		return nil
	}
	fmt.Fprintf(in.e.stdout, "watching %s as story %s (revision %s, watch %s)\n", wt.URL, wt.StoryID, rev.ID, wt.ID)
	return nil
}

// storyJSON is one story as `admin stories` prints it.
type storyListing struct {
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	URL       string            `json:"url"`
	Revisions []revisionListing `json:"revisions"`
}

type revisionListing struct {
	ID      string    `json:"id"`
	Date    string    `json:"date"`
	Added   time.Time `json:"added"`
	Fetched time.Time `json:"fetched,omitzero"` // when its page was captured (none for one added by hand)
	SHA256  string    `json:"sha256,omitempty"` // of the page as fetched
	URL     string    `json:"url,omitempty"`    // the page's URL after redirects
	Words   int       `json:"words"`
}

// adminStories prints a project's stories with their revisions and the
// evidence of each captured one, as JSON.
func adminStories(ctx context.Context, db *sqlstore.DB, in adminInput) error {
	project := in.args[0]
	if _, err := db.Project(ctx, project); err != nil {
		return err
	}
	stories, err := db.Stories(ctx, project)
	if err != nil {
		return err
	}
	out := []storyListing{}
	for _, s := range stories {
		revs, err := db.Revisions(ctx, project, s.ID)
		if err != nil {
			return err
		}
		caps, err := db.Captures(ctx, project, s.ID)
		if err != nil {
			return err
		}
		byRevision := map[string]store.Capture{}
		for _, c := range caps {
			byRevision[c.RevisionID] = c
		}
		l := storyListing{ID: s.ID, Title: s.Title, URL: s.Source, Revisions: []revisionListing{}}
		for _, r := range revs {
			c := byRevision[r.ID]
			l.Revisions = append(l.Revisions, revisionListing{ID: r.ID, Date: r.Date, Added: r.Added.UTC(),
				Fetched: c.Fetched.UTC(), SHA256: c.SHA256, URL: c.FinalURL, Words: article.CountWords(r.Text)})
		}
		out = append(out, l)
	}
	enc := json.NewEncoder(in.e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// adminWARC writes a story's captures as WARC to standard output.
func adminWARC(ctx context.Context, db *sqlstore.DB, in adminInput) error {
	s, err := db.StoryAnywhere(ctx, in.args[0])
	if err != nil {
		return err
	}
	caps, err := db.Captures(ctx, s.Project, s.ID)
	if err != nil {
		return err
	}
	if len(caps) == 0 {
		return fmt.Errorf("warc: story %s has no captured pages (it was not fetched by a watch)", s.ID)
	}
	return watch.WriteWARC(in.e.stdout, s, caps, time.Now())
}
