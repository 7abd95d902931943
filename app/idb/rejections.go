//go:build js && wasm

package idb

import (
	"context"
	"syscall/js"

	"github.com/redline-news/redline/internal/store"
)

func (d *DB) Rejections(ctx context.Context, revisionID string) ([]string, error) {
	if err := store.CheckRevisionID(revisionID); err != nil {
		return nil, err
	}
	var keys []string
	err := d.run(ctx, "readonly", []string{revisionsStore, rejectionsStore}, func(t *txn) error {
		_, found, err := revisionStory(ctx, t, revisionID)
		switch {
		case err != nil:
			return err
		case !found:
			return store.MissingRevision(revisionID)
		}
		keys, err = rejectionKeys(ctx, t, revisionID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return keys, nil
}

// rejectionKeys reads the keys rejected on a revision, sorted.
func rejectionKeys(ctx context.Context, t *txn, revisionID string) ([]string, error) {
	os := t.tx.Call("objectStore", rejectionsStore)
	all, err := t.requests(ctx, 1, func(int) js.Value { return os.Call("getAll", revisionKeys(revisionID)) })
	if err != nil {
		return nil, err
	}
	var keys []string
	for i := range all[0].Length() {
		keys = append(keys, all[0].Index(i).Get("key").String())
	}
	return store.ListRejections(keys), nil
}

func (d *DB) Reject(ctx context.Context, storyID, revisionID, key string) error {
	return d.changeRejection(ctx, storyID, revisionID, key, func(t *txn) error {
		return t.putValue(rejectionsStore, js.ValueOf(map[string]any{"revision": revisionID, "key": key, "story": storyID}))
	})
}

func (d *DB) Unreject(ctx context.Context, storyID, revisionID, key string) error {
	return d.changeRejection(ctx, storyID, revisionID, key, func(t *txn) error {
		return t.del(rejectionsStore, js.ValueOf([]any{revisionID, key}))
	})
}

// changeRejection checks a Reject or Unreject in a transaction and, if it
// may go ahead, makes it with change.
func (d *DB) changeRejection(ctx context.Context, storyID, revisionID, key string, change func(*txn) error) error {
	if err := store.CheckRejection(storyID, revisionID, key); err != nil {
		return err
	}
	err := d.run(ctx, "readwrite", []string{revisionsStore, rejectionsStore}, func(t *txn) error {
		owner, found, err := revisionStory(ctx, t, revisionID)
		if err != nil {
			return err
		}
		if err := store.CheckRevisionOf(revisionID, found, owner, storyID); err != nil {
			return err
		}
		return change(t)
	})
	if err != nil {
		return err
	}
	d.notify("rejections", storyID)
	return nil
}

// revisionStory reads which story a revision belongs to; found is false
// if it is not stored.
func revisionStory(ctx context.Context, t *txn, revisionID string) (storyID string, found bool, err error) {
	got, err := t.get(ctx, revisionsStore, []string{revisionID})
	if err != nil {
		return "", false, err
	}
	r, found := readRecord(got[0])
	return r.story, found, nil
}

// revisionKeys is the range of rejection keys [revisionID, key] for every
// key: arrays sort by their first element first, a shorter array before a
// longer one, and an array after any string, so [id] < [id, key] < [id, []].
func revisionKeys(revisionID string) js.Value {
	return js.Global().Get("IDBKeyRange").Call("bound", []any{revisionID}, []any{revisionID, []any{}})
}
