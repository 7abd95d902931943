//go:build js && wasm

package ui

import (
	"errors"
	"fmt"
	"sync"
	"syscall/js"
	"time"

	"github.com/redline-news/redline/internal/corecall"
)

// coreScript starts the core's wasm (cmd/redline-core) in a Web Worker.
const coreScript = "/web/core-worker.js"

// coreTimeout bounds one call: the worst article the parser accepts takes
// seconds, so a minute without an answer means the worker is stuck.
const coreTimeout = time.Minute

// coreWorker is the page's side of the worker: calls wait on a channel
// for the answer with their id (they run in ctx.Async, never on the UI
// goroutine's event handlers), and a worker that fails answers every
// waiting call with the reason; the next call starts a new worker.
type coreWorker struct {
	mu      sync.Mutex
	worker  js.Value // undefined until started
	waiting map[uint64]chan corecall.Response
	funcs   []js.Func
}

var theCore coreWorker

func newCore() corecall.Core { return &corecall.Client{Send: theCore.send, Pause: pageTurns} }

// startCoreOnIntent starts the worker at the reader's first press of a
// pointer or key, or first drag, on the page (or at the first call, see
// send), not as soon as the first screen is drawn: its start (compiling
// 26 MB and its packages' init) takes the CPU for seconds, and at idle it
// ran in every page load, the next one included, where it doubled the
// start of an offline reload. A press comes before the click, the file
// or the text that needs the core, so the wait for it begins early.
// The listeners are on the window, so the first page mounted (the library
// or a story opened by its address) sets them for the app's life.
var startCoreOnIntent = sync.OnceFunc(func() {
	var start js.Func
	start = js.FuncOf(func(js.Value, []js.Value) any {
		theCore.start()
		start.Release()
		return nil
	})
	js.Global().Call("redlineOnFirstIntent", start)
})

// start starts the worker unless it runs.
func (c *coreWorker) start() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.startLocked()
}

func (c *coreWorker) startLocked() {
	if !c.worker.IsUndefined() {
		return
	}
	c.waiting = map[uint64]chan corecall.Response{}
	w := js.Global().Get("Worker").New(coreScript)
	onMessage := js.FuncOf(func(_ js.Value, args []js.Value) any {
		// Decoded away from the callback, which cannot let the browser
		// in: a Compare answer takes longer than a task should.
		go c.receive(w, args[0].Get("data").String())
		return nil
	})
	onError := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "it could not start"
		if m := args[0].Get("message"); m.Truthy() {
			msg = m.String()
		}
		c.fail(w, fmt.Errorf("the core worker failed: %s", msg))
		return nil
	})
	w.Set("onmessage", onMessage)
	w.Set("onerror", onError)
	c.worker, c.funcs = w, []js.Func{onMessage, onError}
}

// send carries one request to the worker and waits for its answer.
func (c *coreWorker) send(req corecall.Request) (corecall.Response, error) {
	data, err := corecall.EncodeRequest(req)
	if err != nil {
		return corecall.Response{}, err
	}
	answer := make(chan corecall.Response, 1)
	c.mu.Lock()
	c.startLocked()
	w := c.worker
	c.waiting[req.ID] = answer
	c.mu.Unlock()
	w.Call("postMessage", string(data))
	select {
	case resp := <-answer:
		return resp, nil
	case <-time.After(coreTimeout):
		c.fail(w, fmt.Errorf("the core did not answer within %v", coreTimeout))
		return corecall.Response{}, fmt.Errorf("the core did not answer within %v: try again", coreTimeout)
	}
}

// receive hands an answer to the call waiting for it; a message that is
// not an answer fails the worker.
func (c *coreWorker) receive(w js.Value, data string) {
	resp, err := corecall.DecodeResponseInTurns([]byte(data), pageTurns)
	if err != nil {
		c.fail(w, err)
		return
	}
	if resp.ID == 0 {
		c.fail(w, errors.New(resp.Error))
		return
	}
	c.mu.Lock()
	answer := c.waiting[resp.ID]
	delete(c.waiting, resp.ID)
	c.mu.Unlock()
	if answer != nil {
		answer <- resp
	}
}

// fail ends worker w (if it is still the current one) and answers every
// call waiting on it with err.
func (c *coreWorker) fail(w js.Value, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.worker.Equal(w) {
		return
	}
	for id, answer := range c.waiting {
		answer <- corecall.Response{ID: id, Error: err.Error()}
	}
	w.Call("terminate")
	for _, f := range c.funcs {
		f.Release()
	}
	c.worker, c.waiting, c.funcs = js.Undefined(), nil, nil
}
