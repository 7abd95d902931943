//go:build !(js && wasm)

package ui

import "net/http"

// fetchClient sends the app's API requests; natively (tests) with net/http.
type fetchClient struct{}

func (fetchClient) Do(req *http.Request) (*http.Response, error) { return http.DefaultClient.Do(req) }
