//go:build js && wasm

package idb

import (
	"context"
	"fmt"
	"syscall/js"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// version1 is a database as the first release of Redline left it: its
// schema and one record of each kind, written as that release wrote them
// (literal JSON, not this package's encoders, so a change to the stored
// format breaks this check too).
var version1 = struct {
	stores  []string
	indexed []string
	records map[string]map[string]any
}{
	stores:  []string{storiesStore, revisionsStore, annotationsStore},
	indexed: []string{revisionsStore, annotationsStore},
	records: map[string]map[string]any{
		storiesStore: {"id": "s1", "story": "s1", "rev": 2, "seq": 1,
			"json": `{"title":"Putin prayed 🙏 𝔘","created":"2025-03-23T09:30:00Z"}`},
		revisionsStore: {"id": "r1", "story": "s1", "rev": 0, "seq": 2,
			"json": `{"date":"2025-03-23","title":"","text":"Putin prayed 🙏 in 🇫🇷, cafe\u0301.","added":"2025-03-23T09:30:00Z"}`},
		annotationsStore: {"id": "a1", "story": "s1", "rev": 1, "seq": 3,
			"json": `{"kind":"quote","speaker":"Witkoff","tags":["𝔘"],"created":"2025-03-23T09:30:00Z","modified":"2025-03-23T09:30:00Z","quote":{"exact":"prayed 🙏","prefix":"Putin ","suffix":" in"},"position":{"start":6,"end":14},"revision":"r1"}`},
	},
}

// checkUpgrade: a version 1 database opened by this code keeps its
// story, revision and annotation, and gains rejections.
func (t *selfTest) checkUpgrade(ctx context.Context) error {
	name := t.newName()
	if err := createVersion1(ctx, name); err != nil {
		return fmt.Errorf("making a version 1 database: %w", err)
	}
	db, err := t.open(ctx, name)
	if err != nil {
		return fmt.Errorf("opening a version 1 database: %w", err)
	}
	created := time.Date(2025, 3, 23, 9, 30, 0, 0, time.UTC)
	wantStory := store.Story{Story: annotation.Story{ID: "s1", Title: "Putin prayed 🙏 𝔘", Created: created}, Rev: 2}
	stories, err := db.Stories(ctx)
	if err != nil {
		return err
	}
	if len(stories) != 1 || stories[0] != wantStory {
		return fmt.Errorf("after the upgrade: stories %+v, want [%+v]", stories, wantStory)
	}
	revs, err := db.Revisions(ctx, "s1")
	if err != nil {
		return err
	}
	if len(revs) != 1 || revs[0].Text != "Putin prayed 🙏 in 🇫🇷, cafe\u0301." {
		return fmt.Errorf("after the upgrade: revisions %+v, want r1 with its text", revs)
	}
	anns, err := db.Annotations(ctx, "s1")
	if err != nil {
		return err
	}
	if len(anns) != 1 || anns[0].Speaker != "Witkoff" || anns[0].Target.Selector.Position.End != 14 || anns[0].Rev != 1 {
		return fmt.Errorf("after the upgrade: annotations %+v, want a1 as stored", anns)
	}
	if err := db.Reject(ctx, "s1", "r1", "quote:6-14"); err != nil {
		return fmt.Errorf("rejecting after the upgrade: %w", err)
	}
	keys, err := db.Rejections(ctx, "r1")
	if err != nil || len(keys) != 1 || keys[0] != "quote:6-14" {
		return fmt.Errorf("after the upgrade: rejections %q, %v; want [quote:6-14]", keys, err)
	}
	if err := db.DeleteStory(ctx, "s1"); err != nil {
		return fmt.Errorf("deleting after the upgrade (index on rejections): %w", err)
	}
	return nil
}

// createVersion1 makes database name at version 1 with the raw IndexedDB
// API, fills it in its upgrade transaction and closes it.
func createVersion1(ctx context.Context, name string) error {
	var req js.Value
	if err := try(func() { req = js.Global().Get("indexedDB").Call("open", name, 1) }); err != nil {
		return err
	}
	var f funcs
	answer := make(chan error, 2) // upgrade failure, then success or error
	req.Set("onupgradeneeded", f.add(func(js.Value, []js.Value) any {
		err := try(func() {
			db := req.Get("result")
			for _, s := range version1.stores {
				db.Call("createObjectStore", s, map[string]any{"keyPath": "id"})
			}
			for _, s := range version1.indexed {
				req.Get("transaction").Call("objectStore", s).Call("createIndex", storyIndex, "story")
			}
			for s, rec := range version1.records {
				req.Get("transaction").Call("objectStore", s).Call("put", rec)
			}
		})
		if err != nil {
			answer <- err
		}
		return nil
	}))
	return awaitRequest(ctx, req, &f, answer, func() { req.Get("result").Call("close") })
}
