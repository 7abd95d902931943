//go:build js && wasm

package idb

import (
	"context"
	"sync"
	"syscall/js"
)

// funcs are the js.Funcs of one operation. The operation's last event
// releases them all, so none is released while JavaScript may still call
// it, and an operation abandoned by its caller (cancelled context)
// cleans up after itself when it ends.
type funcs struct {
	mu   sync.Mutex
	list []js.Func
}

// add wraps fn as a js.Func to be released with the others. fn runs in a
// JavaScript callback: it must not block (send on a channel with room,
// call JavaScript, return).
func (f *funcs) add(fn func(this js.Value, args []js.Value) any) js.Func {
	jf := js.FuncOf(fn)
	f.mu.Lock()
	f.list = append(f.list, jf)
	f.mu.Unlock()
	return jf
}

// release frees every js.Func added so far.
func (f *funcs) release() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, jf := range f.list {
		jf.Release()
	}
	f.list = nil
}

// reply is how a request or a promise settled.
type reply struct {
	index int // which of several requests
	val   js.Value
	err   error
}

// awaitPromise calls start, which returns a promise, and waits for it to
// settle or for ctx to end. The callbacks release themselves when the
// promise settles, even after an early return.
func awaitPromise(ctx context.Context, start func() js.Value) (js.Value, error) {
	var p js.Value
	if err := try(func() { p = start() }); err != nil {
		return js.Value{}, err
	}
	var f funcs
	settled := make(chan reply, 1) // exactly one of the callbacks sends, once
	ok := f.add(func(_ js.Value, args []js.Value) any {
		settled <- reply{val: args[0]}
		f.release()
		return nil
	})
	fail := f.add(func(_ js.Value, args []js.Value) any {
		settled <- reply{err: domError(args[0])}
		f.release()
		return nil
	})
	p.Call("then", ok, fail)
	select {
	case r := <-settled:
		return r.val, r.err
	case <-ctx.Done():
		return js.Value{}, ctx.Err()
	}
}
