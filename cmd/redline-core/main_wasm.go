//go:build js && wasm

// Command redline-core is Redline's engines (package core) in a Web
// Worker: web/core-worker.js runs it and hands it every message the page
// posts; each is a corecall request, answered with a corecall response.
// The page's own wasm stays small because these engines live here.
package main

import (
	"context"
	"syscall/js"

	"github.com/redline-news/redline/app/idb"
	"github.com/redline-news/redline/internal/core"
	"github.com/redline-news/redline/internal/corecall"
)

// workerCore is the engines plus the storage conformance suite, which runs
// here against the same IndexedDB the page uses (workers have it too), so
// that the page's wasm does not carry the suite.
type workerCore struct{ core.Core }

func (workerCore) TestStorage() []string {
	var out []string
	for _, err := range idb.SelfTest(context.Background()) {
		out = append(out, err.Error())
	}
	return out
}

func main() {
	handle := js.FuncOf(func(_ js.Value, args []js.Value) any {
		// Answer on a goroutine: the engines may take a while, and the
		// worker's event loop should stay free to take the next message.
		data := args[0].String()
		go answer(data)
		return nil
	})
	js.Global().Call("redlineCoreReady", handle)
	select {}
}

// answer serves one request and posts the response back to the page.
func answer(data string) {
	req, err := corecall.DecodeRequest([]byte(data))
	resp := corecall.Response{ID: req.ID, Error: "bad request to the core"}
	if err != nil {
		resp.Error = err.Error()
	} else {
		resp = corecall.Serve(workerCore{}, req)
	}
	out, err := corecall.EncodeResponse(resp)
	if err != nil {
		out, _ = corecall.EncodeResponse(corecall.Response{ID: req.ID, Error: err.Error()})
	}
	js.Global().Call("postMessage", string(out))
}
