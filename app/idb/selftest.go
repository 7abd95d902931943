//go:build js && wasm

package idb

import (
	"context"
	"crypto/rand"
	"fmt"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/store/storetest"
)

// SelfTest runs the store conformance suite (storetest.Check) against this
// browser's IndexedDB, plus checks that Watch hears writes from another
// connection (another tab) and that a database of the previous version
// keeps its data when opened, in throwaway databases that it deletes
// afterwards; Redline's own data is never touched. An empty result means
// everything passed. It takes a few seconds; run it from a goroutine.
func SelfTest(ctx context.Context) []error {
	t := &selfTest{prefix: "redline-selftest-" + rand.Text()}
	failures := storetest.Check(ctx, func() (store.Store, error) { return t.open(ctx, t.newName()) })
	if err := t.checkWatch(ctx); err != nil {
		failures = append(failures, fmt.Errorf("watch: %w", err))
	}
	if err := t.checkUpgrade(ctx); err != nil {
		failures = append(failures, fmt.Errorf("upgrade from version 1: %w", err))
	}
	return append(failures, t.cleanUp(ctx)...)
}

// selfTest remembers the databases it made, to delete them.
type selfTest struct {
	prefix string
	names  []string
	dbs    []*DB
}

func (t *selfTest) newName() string {
	name := fmt.Sprintf("%s-%d", t.prefix, len(t.names))
	t.names = append(t.names, name)
	return name
}

func (t *selfTest) open(ctx context.Context, name string) (*DB, error) {
	db, err := open(ctx, name)
	if err == nil {
		t.dbs = append(t.dbs, db)
	}
	return db, err
}

// watchWait bounds how long the watch check waits for a notification
// that may never come: a failure must not hang the self-test.
const watchWait = 10 * time.Second

// checkWatch: every kind of write through one connection reaches Watch on
// another connection to the same database, as it would in another tab.
func (t *selfTest) checkWatch(ctx context.Context) error {
	name := t.newName()
	writer, err := t.open(ctx, name)
	if err != nil {
		return err
	}
	reader, err := t.open(ctx, name)
	if err != nil {
		return err
	}
	heard := make(chan string, 1)
	stop := reader.Watch(func(storyID string) {
		select {
		case heard <- storyID:
		default:
		}
	})
	defer stop()
	const storyID = "watched 𝔘"
	writes := []struct {
		what  string
		write func() error
	}{
		{"a story", func() error {
			_, err := writer.PutStory(ctx, store.Story{Story: annotation.Story{ID: storyID}})
			return err
		}},
		{"a revision", func() error {
			_, err := writer.AddRevision(ctx, annotation.Revision{ID: "r1", StoryID: storyID}, nil)
			return err
		}},
		{"a rejection", func() error { return writer.Reject(ctx, storyID, "r1", "quote:0-1") }},
		{"an unrejection", func() error { return writer.Unreject(ctx, storyID, "r1", "quote:0-1") }},
	}
	for _, w := range writes {
		if err := w.write(); err != nil {
			return fmt.Errorf("writing %s: %w", w.what, err)
		}
		select {
		case got := <-heard:
			if got != storyID {
				return fmt.Errorf("after writing %s, heard story %q, want %q", w.what, got, storyID)
			}
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(watchWait):
			return fmt.Errorf("no notification of %s from the other connection", w.what)
		}
	}
	return nil
}

func (t *selfTest) cleanUp(ctx context.Context) []error {
	for _, db := range t.dbs {
		db.Close()
	}
	var failures []error
	for _, name := range t.names {
		if err := deleteDatabase(ctx, name); err != nil {
			failures = append(failures, fmt.Errorf("deleting %s: %w", name, err))
		}
	}
	return failures
}
