//go:build js && wasm

package idb

import (
	"context"
	"fmt"
	"syscall/js"

	"github.com/redline-news/redline/internal/store"
)

var _ store.Store = (*DB)(nil)

func (d *DB) Stories(ctx context.Context) ([]store.Story, error) {
	var recs []store.Stored[store.Story]
	err := d.run(ctx, "readonly", []string{storiesStore}, func(t *txn) error {
		all, err := t.requests(ctx, 1, func(int) js.Value { return t.tx.Call("objectStore", storiesStore).Call("getAll") })
		if err != nil {
			return err
		}
		recs, err = decodeAll(all[0], storyFrom)
		return err
	})
	if err != nil {
		return nil, err
	}
	return store.ListStories(recs), nil
}

func (d *DB) PutStory(ctx context.Context, s store.Story) (store.Story, error) {
	if err := store.CheckStory(s); err != nil {
		return store.Story{}, err
	}
	err := d.run(ctx, "readwrite", []string{storiesStore}, func(t *txn) error {
		old, err := t.get(ctx, storiesStore, []string{s.ID})
		if err != nil {
			return err
		}
		r, found := readRecord(old[0])
		if s.Rev, err = store.NextRev("story", s.ID, found, r.rev, s.Rev); err != nil {
			return err
		}
		if !found {
			r.seq = nextSeq()
		}
		rec, err := storyRecord(s, r.seq)
		if err != nil {
			return err
		}
		return t.put(storiesStore, rec)
	})
	if err != nil {
		return store.Story{}, err
	}
	d.notify("stories", s.ID)
	return s, nil
}

func (d *DB) DeleteStory(ctx context.Context, id string) error {
	if err := store.CheckStoryID(id); err != nil {
		return err
	}
	owned := []string{revisionsStore, annotationsStore, rejectionsStore}
	err := d.run(ctx, "readwrite", append([]string{storiesStore}, owned...), func(t *txn) error {
		if err := needStories(ctx, t, id); err != nil {
			return err
		}
		for _, kind := range owned {
			keys, err := t.byStory(ctx, kind, "getAllKeys", id)
			if err != nil {
				return err
			}
			for i := range keys.Length() {
				if err := t.del(kind, keys.Index(i)); err != nil {
					return err
				}
			}
		}
		return t.del(storiesStore, js.ValueOf(id))
	})
	if err != nil {
		return err
	}
	d.notify("stories", id)
	return nil
}

// needStories fails with ErrNotFound unless every story is stored.
func needStories(ctx context.Context, t *txn, ids ...string) error {
	found, err := t.get(ctx, storiesStore, ids)
	if err != nil {
		return err
	}
	for i, v := range found {
		if missing(v) {
			return fmt.Errorf("story %q: %w (deleted elsewhere?)", ids[i], store.ErrNotFound)
		}
	}
	return nil
}

// decodeAll decodes the array of stored objects from a getAll.
func decodeAll[T any](all js.Value, from func(record) (T, error)) ([]store.Stored[T], error) {
	return decodeRecords(all, from, func() error { return nil })
}

// decodeRecords is decodeAll calling before ahead of each record; an
// error from it stops the decoding.
func decodeRecords[T any](all js.Value, from func(record) (T, error), before func() error) ([]store.Stored[T], error) {
	out := make([]store.Stored[T], all.Length())
	for i := range out {
		if err := before(); err != nil {
			return nil, err
		}
		r, _ := readRecord(all.Index(i))
		v, err := from(r)
		if err != nil {
			return nil, err
		}
		out[i] = store.Stored[T]{Record: v, Seq: r.seq}
	}
	return out, nil
}
