//go:build js && wasm

package idb

import (
	"context"
	"slices"
	"syscall/js"

	"github.com/redline-news/redline/internal/store"
)

func (d *DB) Annotations(ctx context.Context, storyID string) ([]store.Annotation, error) {
	recs, err := listByStory(ctx, d, annotationsStore, storyID, annotationFrom)
	if err != nil {
		return nil, err
	}
	return store.ListAnnotations(recs), nil
}

func (d *DB) PutAnnotations(ctx context.Context, anns []store.Annotation) ([]store.Annotation, error) {
	if err := store.CheckAnnotations(anns); err != nil {
		return nil, err
	}
	if len(anns) == 0 {
		return nil, ctx.Err()
	}
	var out []store.Annotation
	err := d.run(ctx, "readwrite", []string{storiesStore, annotationsStore}, func(t *txn) error {
		writes, err := admit(ctx, t, anns)
		if err != nil {
			return err
		}
		out, err = writes.put(ctx, t)
		return err
	})
	if err != nil {
		return nil, err
	}
	d.notify("annotations", storyIDs(out, func(a store.Annotation) string { return a.StoryID })...)
	return out, nil
}

func (d *DB) DeleteAnnotations(ctx context.Context, refs []store.Ref) error {
	if err := store.CheckRefs(refs); err != nil {
		return err
	}
	if len(refs) == 0 {
		return ctx.Err()
	}
	var deleted []record
	err := d.run(ctx, "readwrite", []string{annotationsStore}, func(t *txn) error {
		ids := make([]string, len(refs))
		for i, r := range refs {
			ids[i] = r.ID
		}
		old, err := t.get(ctx, annotationsStore, ids)
		if err != nil {
			return err
		}
		for i, ref := range refs {
			r, found := readRecord(old[i])
			if _, err := store.NextRev("annotation", ref.ID, found, r.rev, ref.Rev); err != nil {
				return err
			}
			deleted = append(deleted, r)
		}
		for _, r := range deleted {
			if err := t.del(annotationsStore, js.ValueOf(r.id)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	d.notify("annotations", storyIDs(deleted, func(r record) string { return r.story })...)
	return nil
}

// admitted is a batch of annotation writes that passed every check.
type admitted []struct {
	ann store.Annotation // with its new Rev
	seq int64
}

// admit decides a batch of annotation writes inside transaction t: every
// story must be stored and every Rev must match, or nothing is written.
func admit(ctx context.Context, t *txn, anns []store.Annotation) (admitted, error) {
	if err := needStories(ctx, t, storyIDs(anns, func(a store.Annotation) string { return a.StoryID })...); err != nil {
		return nil, err
	}
	ids := make([]string, len(anns))
	for i, a := range anns {
		ids[i] = a.ID
	}
	old, err := t.get(ctx, annotationsStore, ids)
	if err != nil {
		return nil, err
	}
	out := make(admitted, len(anns))
	for i, a := range anns {
		r, found := readRecord(old[i])
		if a.Rev, err = store.NextRev("annotation", a.ID, found, r.rev, a.Rev); err != nil {
			return nil, err
		}
		if found {
			if err := store.CheckSameStory(a.ID, r.story, a.StoryID); err != nil {
				return nil, err
			}
		} else {
			r.seq = nextSeq()
		}
		out[i].ann, out[i].seq = a, r.seq
	}
	return out, nil
}

// putChunk is how many annotation records put encodes and queues in one
// task. A revision carries every annotation of the one before, and
// encoding and queuing 1,000 records at once kept the page from answering
// for a tenth of a second.
const putChunk = 100

// put queues the admitted writes and returns the annotations as stored. It
// queues them a chunk at a time and waits for each chunk's writes before
// the next: the browser gets in between, and the transaction stays active,
// since the next chunk is queued from the success callback of the last
// write (see txn).
func (w admitted) put(ctx context.Context, t *txn) ([]store.Annotation, error) {
	out := make([]store.Annotation, len(w))
	objects := t.tx.Call("objectStore", annotationsStore)
	for from := 0; from < len(w); from += putChunk {
		chunk := w[from:min(from+putChunk, len(w))]
		values := make([]js.Value, len(chunk))
		for i, a := range chunk {
			rec, err := annotationRecord(a.ann, a.seq)
			if err != nil {
				return nil, err
			}
			values[i] = rec.value()
			out[from+i] = a.ann
		}
		if _, err := t.requests(ctx, len(values), func(i int) js.Value { return objects.Call("put", values[i]) }); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// storyIDs lists the distinct story ids of records, in order.
func storyIDs[T any](recs []T, storyID func(T) string) []string {
	var ids []string
	for _, r := range recs {
		if id := storyID(r); !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}
