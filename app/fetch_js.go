//go:build js && wasm

package ui

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"syscall/js"
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

func (fetchClient) Do(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
	}
	headers := map[string]any{}
	for k := range req.Header {
		headers[k] = req.Header.Get(k)
	}
	got := make(chan fetched, 1) // the callback runs once, and may outlive a cancelled request
	var done js.Func
	done = js.FuncOf(func(_ js.Value, a []js.Value) any {
		got <- fetched{a[0].Int(), a[1].String(), a[2].String(), a[3].String()}
		done.Release()
		return nil
	})
	js.Global().Call("redlineFetch", req.Method, req.URL.String(), headers, string(body), done)
	select {
	case f := <-got:
		if f.err != "" {
			return nil, errors.New(f.err)
		}
		return &http.Response{
			StatusCode: f.status, Status: fmt.Sprintf("%d %s", f.status, f.statusText),
			Header: http.Header{}, Body: io.NopCloser(strings.NewReader(f.body)), Request: req,
		}, nil
	case <-req.Context().Done():
		return nil, req.Context().Err()
	}
}
