package sync

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"

	"github.com/redline-news/redline/internal/store"
)

// kindRejection is a suggestion the reader turned down on a revision: a
// record of this device only (stored with the replica, so it outlives a
// reload and every tab sees it, but never sent: the API has no place for
// rejections).
const kindRejection = "rejection"

type rejectionFields struct {
	Revision string `json:"revision"`
	Key      string `json:"key"`
}

// rejectionKey is the record of key rejected on revisionID (keys are
// any text; ids are slugs).
func rejectionKey(revisionID, key string) Key {
	sum := sha256.Sum256([]byte(revisionID + "\x00" + key))
	return Key{kindRejection, "x-" + hex.EncodeToString(sum[:16])}
}

// Rejections implements store.Store.
func (s *LibraryStore) Rejections(ctx context.Context, revisionID string) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var keys []string
	for _, rec := range s.R.Records() {
		var f rejectionFields
		if rec.Kind == kindRejection && !rec.Deleted && rec.Fields.into(&f) == nil && f.Revision == revisionID {
			keys = append(keys, f.Key)
		}
	}
	slices.Sort(keys)
	return keys, nil
}

// Reject implements store.Store.
func (s *LibraryStore) Reject(ctx context.Context, storyID, revisionID, key string) error {
	s.mu.Lock()
	if id, ok := s.renamed[revisionID]; ok {
		revisionID = id
	}
	s.mu.Unlock()
	if rec, ok := s.R.Record(KindRevision, revisionID); !ok || rec.Deleted {
		return fmt.Errorf("revision %s: %w", revisionID, store.ErrNotFound)
	}
	f := fieldsOf(rejectionFields{Revision: revisionID, Key: key})
	return storeErr(s.R.apply(ctx, op{k: rejectionKey(revisionID, key), local: true, content: func(Record) (Fields, error) { return f, nil }}))
}

// Unreject implements store.Store.
func (s *LibraryStore) Unreject(ctx context.Context, storyID, revisionID, key string) error {
	k := rejectionKey(revisionID, key)
	if rec, ok := s.R.Record(k.Kind, k.ID); !ok || rec.Deleted {
		return ctx.Err()
	}
	return storeErr(s.R.apply(ctx, op{k: k, del: true, local: true}))
}

// dropRejections deletes the rejections of a deleted revision and says
// their keys (sorted), for an undo.
func (s *LibraryStore) dropRejections(ctx context.Context, revisionID string) ([]string, error) {
	keys, err := s.Rejections(ctx, revisionID)
	if err != nil || len(keys) == 0 {
		return keys, err
	}
	var ops []op
	for _, key := range keys {
		ops = append(ops, op{k: rejectionKey(revisionID, key), del: true, local: true})
	}
	return keys, storeErr(s.R.apply(ctx, ops...))
}
