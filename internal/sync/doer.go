package sync

import (
	"bytes"
	"context"
	"io"
	"net/http"
)

// Doer makes one HTTP exchange and reads the whole answer: NetHTTP
// natively, the browser's fetch in the page. Its method names no net/http
// type on purpose: the page keeps its Doer in an interface, and the linker
// then keeps every type that interface's methods mention, with their
// methods; for *http.Response that is its TLS state and X.509 certificates
// (encoding/asn1, crypto/x509, about 150 KB of app.wasm's code).
type Doer interface {
	Do(ctx context.Context, req Request) (Answer, error)
}

// Request is one HTTP request for a Doer.
type Request struct {
	Method, URL string
	Header      map[string]string
	Body        []byte // nil: none
}

// Answer is the server's answer to a Request.
type Answer struct {
	Code   int    // e.g. 404
	Status string // e.g. "404 Not Found"
	Body   []byte
}

// NetHTTP is a Doer over net/http's client (nil: http.DefaultClient).
type NetHTTP struct{ Client *http.Client }

// Do implements Doer.
func (n NetHTTP) Do(ctx context.Context, r Request) (Answer, error) {
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, r.URL, body)
	if err != nil {
		return Answer{}, err
	}
	for k, v := range r.Header {
		req.Header.Set(k, v)
	}
	c := n.Client
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		return Answer{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return Answer{}, err
	}
	return Answer{Code: resp.StatusCode, Status: resp.Status, Body: data}, nil
}
