//go:build !js

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/watchapi"
)

// The admin commands that list, stop, resume and remove watches.
func init() {
	slugAndWatch := func(in adminInput) error { return errors.Join(auth.ValidSlug(in.args[0]), auth.ValidSlug(in.args[1])) }
	adminActions = append(adminActions,
		adminAction{
			words: "watch list", args: "SLUG", nargs: 1,
			check: func(in adminInput) error { return auth.ValidSlug(in.args[0]) },
			do:    adminWatchList,
		},
		adminAction{words: "watch stop", args: "SLUG WATCH_ID", nargs: 2, check: slugAndWatch, do: adminWatchPause(true)},
		adminAction{words: "watch resume", args: "SLUG WATCH_ID", nargs: 2, check: slugAndWatch, do: adminWatchPause(false)},
		adminAction{words: "watch rm", args: "SLUG WATCH_ID", nargs: 2, check: slugAndWatch, do: adminWatchRemove},
	)
}

// adminWatchList prints a project's watches as JSON, as the API lists them.
func adminWatchList(ctx context.Context, db *sqlstore.DB, in adminInput) error {
	if _, err := db.Project(ctx, in.args[0]); err != nil {
		return err
	}
	ws, err := db.Watches(ctx, in.args[0])
	if err != nil {
		return err
	}
	out := []watchapi.WatchJSON{}
	for _, w := range ws {
		out = append(out, watchapi.WatchOut(w, time.Now()))
	}
	enc := json.NewEncoder(in.e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// adminWatchPause stops (no server process fetches it any more) or
// resumes (fetched at once) a watch.
func adminWatchPause(paused bool) func(context.Context, *sqlstore.DB, adminInput) error {
	return func(ctx context.Context, db *sqlstore.DB, in adminInput) error {
		w, err := db.PauseWatch(ctx, in.args[0], in.args[1], paused)
		if err != nil {
			return err
		}
		if paused {
			fmt.Fprintf(in.e.stdout, "stopped watch %s (%s): it is fetched no more until resumed\n", w.ID, w.URL)
		} else {
			fmt.Fprintf(in.e.stdout, "resumed watch %s (%s): it is fetched now, then on its schedule\n", w.ID, w.URL)
		}
		return nil
	}
}

// adminWatchRemove deletes a watch; its story and captures stay.
func adminWatchRemove(ctx context.Context, db *sqlstore.DB, in adminInput) error {
	w, err := db.Watch(ctx, in.args[0], in.args[1])
	if err != nil {
		return err
	}
	if err := db.DeleteWatch(ctx, w.Project, w.ID); err != nil {
		return err
	}
	story := "no story"
	if w.StoryID != "" {
		story = "story " + w.StoryID + " stays"
	}
	fmt.Fprintf(in.e.stdout, "removed watch %s (%s); %s\n", w.ID, w.URL, story)
	return nil
}
