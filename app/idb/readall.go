//go:build js && wasm

package idb

import (
	"context"
	"syscall/js"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/store"
)

var _ library.WholeReader = (*DB)(nil)

// ReadAll reads every story, revision and annotation in one readonly
// transaction, one getAll per object store: the library's list costs
// three requests however many stories it holds.
func (d *DB) ReadAll(ctx context.Context) ([]store.Story, []annotation.Revision, []store.Annotation, error) {
	var (
		stories []store.Stored[store.Story]
		revs    []store.Stored[annotation.Revision]
		anns    []store.Stored[store.Annotation]
	)
	names := []string{storiesStore, revisionsStore, annotationsStore}
	var all []js.Value
	err := d.run(ctx, "readonly", names, func(t *txn) error {
		var err error
		all, err = t.requests(ctx, len(names), func(i int) js.Value { return t.tx.Call("objectStore", names[i]).Call("getAll") })
		return err
	})
	if err != nil {
		return nil, nil, nil, err
	}
	// Decoded once the transaction is over, a chunk per task.
	if stories, err = decodeInTurns(ctx, all[0], storyFrom); err != nil {
		return nil, nil, nil, err
	}
	if revs, err = decodeInTurns(ctx, all[1], revisionFrom); err != nil {
		return nil, nil, nil, err
	}
	if anns, err = decodeInTurns(ctx, all[2], annotationFrom); err != nil {
		return nil, nil, nil, err
	}
	return store.ListStories(stories), store.ListRevisions(revs), store.ListAnnotations(anns), nil
}
