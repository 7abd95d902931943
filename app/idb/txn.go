//go:build js && wasm

package idb

import (
	"context"
	"errors"
	"syscall/js"
)

// txn is one IndexedDB transaction driven from a goroutine.
//
// IndexedDB commits a transaction as soon as it has no pending request
// at the end of a JavaScript task, so a read-compare-write must issue its
// writes from within the callback that delivered the read. It does,
// without the callback doing more than a channel send: when a js.Func
// returns, the Go runtime runs every goroutine it made runnable until all
// are blocked again before it hands control back to JavaScript, so the
// goroutine that receives the read issues the writes while the
// transaction is still active.
type txn struct {
	tx    js.Value
	f     funcs      // released by the transaction's last event
	done  chan error // receives how the transaction ended, once
	ended bool
	err   error // how it ended, once ended
}

// errAborted is how a transaction aborted by this package ends; the
// caller reports its own reason instead.
var errAborted = errors.New("transaction aborted")

// begin starts a transaction over stores; mode is "readonly" or
// "readwrite".
func (d *DB) begin(mode string, stores ...string) (*txn, error) {
	names := make([]any, len(stores))
	for i, s := range stores {
		names[i] = s
	}
	t := &txn{done: make(chan error, 1)} // complete and abort exclude each other
	// Strict durability: an annotation is someone's work; flush it to
	// disk before saying it is saved.
	options := map[string]any{"durability": "strict"}
	if err := try(func() { t.tx = d.db.Call("transaction", names, mode, options) }); err != nil {
		return nil, err
	}
	t.tx.Set("oncomplete", t.f.add(func(js.Value, []js.Value) any {
		t.done <- nil
		t.f.release()
		return nil
	}))
	t.tx.Set("onabort", t.f.add(func(js.Value, []js.Value) any {
		if e := t.tx.Get("error"); !missing(e) {
			t.done <- domError(e) // e.g. QuotaExceededError at commit
		} else {
			t.done <- errAborted
		}
		t.f.release()
		return nil
	}))
	return t, nil
}

// requests issues n requests (issue(i) makes the i-th) and waits for all
// their results, in order. If ctx ends first, the transaction is aborted.
func (t *txn) requests(ctx context.Context, n int, issue func(i int) js.Value) ([]js.Value, error) {
	if n == 0 {
		return nil, nil
	}
	answers := make(chan reply, n) // one per request: the callbacks never block
	index := func(ev js.Value) int { return ev.Get("target").Get("redlineIndex").Int() }
	ok := t.f.add(func(_ js.Value, args []js.Value) any {
		answers <- reply{index: index(args[0]), val: args[0].Get("target").Get("result")}
		return nil
	})
	fail := t.f.add(func(_ js.Value, args []js.Value) any {
		answers <- reply{index: index(args[0]), err: domError(args[0].Get("target").Get("error"))}
		return nil
	})
	for i := range n {
		err := try(func() {
			req := issue(i)
			req.Set("redlineIndex", i)
			req.Set("onsuccess", ok)
			req.Set("onerror", fail)
		})
		if err != nil {
			return nil, err
		}
	}
	results := make([]js.Value, n)
	for range n {
		select {
		case r := <-answers:
			if r.err != nil {
				return nil, r.err
			}
			results[r.index] = r.val
		case <-ctx.Done():
			t.abort()
			return nil, ctx.Err()
		}
	}
	return results, nil
}

// get reads the records with the given keys from store (undefined for a
// missing one).
func (t *txn) get(ctx context.Context, store string, keys []string) ([]js.Value, error) {
	os := t.tx.Call("objectStore", store)
	return t.requests(ctx, len(keys), func(i int) js.Value { return os.Call("get", keys[i]) })
}

// byStory runs method ("getAll" or "getAllKeys") on store's story index.
func (t *txn) byStory(ctx context.Context, store, method, storyID string) (js.Value, error) {
	index := t.tx.Call("objectStore", store).Call("index", storyIndex)
	r, err := t.requests(ctx, 1, func(int) js.Value { return index.Call(method, storyID) })
	if err != nil {
		return js.Value{}, err
	}
	return r[0], nil
}

// put and del queue writes. Their outcome is the transaction's: a failed
// write aborts it, and finish reports why.
func (t *txn) put(store string, r record) error {
	return t.putValue(store, r.value())
}

func (t *txn) putValue(store string, v js.Value) error {
	return try(func() { t.tx.Call("objectStore", store).Call("put", v) })
}

func (t *txn) del(store string, key js.Value) error {
	return try(func() { t.tx.Call("objectStore", store).Call("delete", key) })
}

// abort abandons the transaction: nothing it wrote is kept.
func (t *txn) abort() {
	_ = try(func() { t.tx.Call("abort") }) // fails only if it has already ended
}

// end waits for the transaction to end and reports how.
func (t *txn) end() error {
	if !t.ended {
		t.err, t.ended = <-t.done, true
	}
	return t.err
}

// finish waits for the transaction to commit. If ctx ends first it tries
// to abort; a transaction that committed anyway is reported as saved,
// since it was.
func (t *txn) finish(ctx context.Context) error {
	select {
	case err := <-t.done:
		t.err, t.ended = err, true
		return err
	case <-ctx.Done():
		t.abort()
		if t.end() == nil {
			return nil
		}
		return ctx.Err()
	}
}

// run executes body in a transaction and commits it; if body fails, the
// transaction is aborted, so nothing is written, and body's error is
// returned once the abort is done.
func (d *DB) run(ctx context.Context, mode string, stores []string, body func(t *txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	t, err := d.begin(mode, stores...)
	if err != nil {
		return err
	}
	if err := body(t); err != nil {
		t.abort()
		_ = t.end() // body's error says more than "aborted"
		return err
	}
	return t.finish(ctx)
}
