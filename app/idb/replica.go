//go:build js && wasm

package idb

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	gosync "sync"
	"syscall/js"

	"github.com/redline-news/redline/internal/sync"
)

// A sync replica (internal/sync) of one project for one user lives in a
// database of its own, "redline-sync/USER/PROJECT", so that one user's
// cached data is never read for another: signing out deletes the user's
// databases. Object stores: "records" {key: [kind, id], json}, "outbox"
// {key: changeId, json} and "meta" {key: "state", checkpoint,
// generation}. Every Commit is one readwrite transaction over all three.
const (
	replicaPrefix   = "redline-sync/"
	replicaVersion  = 1
	recordsStore    = "records"
	outboxStore     = "outbox"
	metaStore       = "meta"
	replicaStateKey = "state"
)

func upgradeReplica(db, _ js.Value) {
	for _, name := range []string{recordsStore, outboxStore, metaStore} {
		if !db.Get("objectStoreNames").Call("contains", name).Bool() {
			db.Call("createObjectStore", name, map[string]any{"keyPath": "key"})
		}
	}
}

// ReplicaStorage is sync.Storage over IndexedDB. Several tabs share the
// database; each commit bumps its generation, and a commit from a tab
// that has not loaded the latest generation is refused with
// sync.ErrStale (the replica loads again and redoes it), so a tab never
// writes over another's newer records. Other tabs hear each commit
// (Watch).
type ReplicaStorage struct {
	d *DB

	mu  gosync.Mutex
	gen float64 // the generation last loaded or committed here
}

var _ sync.Storage = (*ReplicaStorage)(nil)

// ReplicaName is the database of user's replica of project.
func ReplicaName(user, project string) string { return replicaPrefix + user + "/" + project }

// OpenReplica opens (creating on first use) user's replica of project.
func OpenReplica(ctx context.Context, user, project string) (*ReplicaStorage, error) {
	d, err := openWith(ctx, ReplicaName(user, project), replicaVersion, upgradeReplica)
	if err != nil {
		return nil, err
	}
	return &ReplicaStorage{d: d}, nil
}

// Close closes the database.
func (s *ReplicaStorage) Close() { s.d.Close() }

// Watch calls fn (in a goroutine) after every commit of another tab.
func (s *ReplicaStorage) Watch(fn func()) (stop func()) {
	return s.d.Watch(func(string) { fn() })
}

type storedState struct {
	Checkpoint int64   `json:"checkpoint"`
	Generation float64 `json:"generation"`
}

// Load implements sync.Storage.
func (s *ReplicaStorage) Load(ctx context.Context) (sync.Snapshot, error) {
	var snap sync.Snapshot
	var gen float64
	err := s.d.run(ctx, "readonly", []string{recordsStore, outboxStore, metaStore}, func(t *txn) error {
		all, err := t.requests(ctx, 3, func(i int) js.Value {
			switch i {
			case 0:
				return t.tx.Call("objectStore", recordsStore).Call("getAll")
			case 1:
				return t.tx.Call("objectStore", outboxStore).Call("getAll")
			}
			return t.tx.Call("objectStore", metaStore).Call("get", replicaStateKey)
		})
		if err != nil {
			return err
		}
		if snap.Records, err = decodeEach[sync.Record](all[0]); err != nil {
			return err
		}
		if snap.Outbox, err = decodeEach[sync.Entry](all[1]); err != nil {
			return err
		}
		st := readState(all[2])
		snap.Checkpoint, gen = st.Checkpoint, st.Generation
		return nil
	})
	if err != nil {
		return sync.Snapshot{}, err
	}
	s.mu.Lock()
	s.gen = gen
	s.mu.Unlock()
	return snap, nil
}

func readState(v js.Value) storedState {
	if missing(v) {
		return storedState{}
	}
	return storedState{Checkpoint: int64(v.Get("checkpoint").Float()), Generation: v.Get("generation").Float()}
}

func decodeEach[T any](all js.Value) ([]T, error) {
	n := all.Length()
	out := make([]T, n)
	for i := range n {
		if err := json.Unmarshal([]byte(all.Index(i).Get("json").String()), &out[i]); err != nil {
			return nil, fmt.Errorf("replica storage: %w", err)
		}
	}
	return out, nil
}

// Commit implements sync.Storage: the whole batch in one transaction.
func (s *ReplicaStorage) Commit(ctx context.Context, b sync.Batch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var next float64
	err := s.d.run(ctx, "readwrite", []string{recordsStore, outboxStore, metaStore}, func(t *txn) error {
		got, err := t.requests(ctx, 1, func(int) js.Value {
			return t.tx.Call("objectStore", metaStore).Call("get", replicaStateKey)
		})
		if err != nil {
			return err
		}
		st := readState(got[0])
		if st.Generation != s.gen {
			return sync.ErrStale
		}
		for _, r := range b.Records {
			if err := putJSON(t, recordsStore, []any{r.Kind, r.ID}, r); err != nil {
				return err
			}
		}
		for _, e := range b.Entries {
			if err := putJSON(t, outboxStore, e.ChangeID, e); err != nil {
				return err
			}
		}
		for _, id := range b.Done {
			if err := t.del(outboxStore, js.ValueOf(id)); err != nil {
				return err
			}
		}
		if b.SetCheckpoint {
			st.Checkpoint = b.Checkpoint
		}
		next = st.Generation + 1
		return t.putValue(metaStore, js.ValueOf(map[string]any{"key": replicaStateKey, "checkpoint": float64(st.Checkpoint), "generation": next}))
	})
	if err != nil {
		return err
	}
	s.gen = next
	s.d.notify("replica", "")
	return nil
}

func putJSON(t *txn, store string, key, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return t.putValue(store, js.ValueOf(map[string]any{"key": key, "json": string(data)}))
}

// ReplicaProjects lists the projects user has a replica of (none where
// the browser cannot list its databases).
func ReplicaProjects(ctx context.Context, user string) []string {
	list, err := awaitPromise(ctx, func() js.Value { return js.Global().Get("indexedDB").Call("databases") })
	if err != nil {
		return nil
	}
	var slugs []string
	for i := range list.Length() {
		if slug, ok := strings.CutPrefix(list.Index(i).Get("name").String(), replicaPrefix+user+"/"); ok {
			slugs = append(slugs, slug)
		}
	}
	return slugs
}

// DeleteReplicas deletes every replica database of user (signing out):
// nothing of theirs stays for the next user of this browser.
func DeleteReplicas(ctx context.Context, user string) error {
	for _, slug := range ReplicaProjects(ctx, user) {
		if err := deleteDatabase(ctx, ReplicaName(user, slug)); err != nil {
			return fmt.Errorf("%s: %w", ReplicaName(user, slug), err)
		}
	}
	return nil
}
