//go:build js && wasm

package ui

import (
	"context"
	"errors"
	"fmt"
	"syscall/js"

	"github.com/redline-news/redline/internal/sync"
)

// fetchClient sends the app's API requests (sign in, projects, sync,
// watches) with the browser's fetch, through redlineFetch in redline.js:
// net/http's client would link its whole transport, TLS included, into
// app.wasm (about 2.5 MB of code) for what fetch does anyway. Same-origin
// requests carry the session cookie.
type fetchClient struct{}

type fetched struct {
	status           int
	statusText, body string
	err              string
}

// Do implements sync.Doer.
func (fetchClient) Do(ctx context.Context, req sync.Request) (sync.Answer, error) {
	headers := map[string]any{}
	for k, v := range req.Header {
		headers[k] = v
	}
	got := make(chan fetched, 1) // the callback runs once, and may outlive a cancelled request
	var done js.Func
	done = js.FuncOf(func(_ js.Value, a []js.Value) any {
		got <- fetched{a[0].Int(), a[1].String(), a[2].String(), a[3].String()}
		done.Release()
		return nil
	})
	js.Global().Call("redlineFetch", req.Method, req.URL, headers, string(req.Body), done)
	select {
	case f := <-got:
		if f.err != "" {
			return sync.Answer{}, errors.New(f.err)
		}
		return sync.Answer{Code: f.status, Status: fmt.Sprintf("%d %s", f.status, f.statusText), Body: []byte(f.body)}, nil
	case <-ctx.Done():
		return sync.Answer{}, ctx.Err()
	}
}
