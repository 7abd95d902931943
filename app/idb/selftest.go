//go:build js && wasm

package idb

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/store/storetest"
)

// SelfTest runs the store conformance suite (storetest.Check) against this
// browser's IndexedDB, plus a check that Watch hears writes from another
// connection (another tab), in throwaway databases that it deletes
// afterwards; Redline's own data is never touched. An empty result means
// everything passed. It takes a few seconds; run it from a goroutine.
func SelfTest(ctx context.Context) []error {
	t := &selfTest{prefix: "redline-selftest-" + rand.Text()}
	failures := storetest.Check(ctx, func() (store.Store, error) { return t.open(ctx, t.newName()) })
	if err := t.checkWatch(ctx); err != nil {
		failures = append(failures, fmt.Errorf("watch: %w", err))
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

// checkWatch: a write through one connection reaches Watch on another
// connection to the same database, as it would in another tab.
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
	if _, err := writer.PutStory(ctx, store.Story{Story: annotation.Story{ID: "watched 𝔘"}}); err != nil {
		return err
	}
	select {
	case got := <-heard:
		if got != "watched 𝔘" {
			return fmt.Errorf("heard story %q, want %q", got, "watched 𝔘")
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(watchWait):
		return errors.New("no notification from the other connection")
	}
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
