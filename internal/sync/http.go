package sync

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// HTTP is the Transport over Redline's JSON API (docs/api.md).
type HTTP struct {
	// Client sends the requests: NetHTTP natively; in the browser the
	// page's fetch (with the session cookie), since net/http's own client
	// would add its TLS stack to the page's wasm.
	Client  Doer
	Server  string // e.g. "https://desk.example"; "" = the origin that served the app
	Project string // the project slug
	Token   string // an API token; "" = the session cookie
}

// Push implements Transport.
func (h *HTTP) Push(ctx context.Context, device string, changes []WireChange) ([]WireResult, error) {
	body, err := json.Marshal(struct {
		Device  string       `json:"device"`
		Changes []WireChange `json:"changes"`
	}{device, changes})
	if err != nil {
		return nil, err
	}
	var out struct {
		Results []WireResult `json:"results"`
	}
	if err := h.do(ctx, http.MethodPost, "/push", body, &out); err != nil {
		return nil, err
	}
	if len(out.Results) != len(changes) {
		return nil, fmt.Errorf("push: %d results for %d changes", len(out.Results), len(changes))
	}
	return out.Results, nil
}

// Changes implements Transport.
func (h *HTTP) Changes(ctx context.Context, since int64, limit int) (Feed, error) {
	var f Feed
	err := h.do(ctx, http.MethodGet, fmt.Sprintf("/changes?since=%d&limit=%d", since, limit), nil, &f)
	return f, err
}

func (h *HTTP) do(ctx context.Context, method, path string, body []byte, out any) error {
	req := Request{Method: method, URL: h.Server + "/api/projects/" + url.PathEscape(h.Project) + path, Header: map[string]string{}, Body: body}
	if _, err := url.Parse(req.URL); err != nil {
		return err
	}
	if body != nil {
		req.Header["Content-Type"] = "application/json"
	}
	if h.Token != "" {
		req.Header["Authorization"] = "Bearer " + h.Token
	}
	if h.Client == nil {
		return errors.New("sync: HTTP transport without a Client")
	}
	resp, err := h.Client.Do(ctx, req)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrOffline, err) // unreachable, or the answer was lost on the way
	}
	if resp.Code != http.StatusOK {
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(resp.Body, &e) != nil || e.Error == "" {
			e.Error = resp.Status
		}
		return &StatusError{Code: resp.Code, Message: fmt.Sprintf("server: %s (%d)", e.Error, resp.Code)}
	}
	if err := json.Unmarshal(resp.Body, out); err != nil {
		return fmt.Errorf("server: bad answer: %v", err)
	}
	return nil
}

// Wait implements Waiter: a long-poll of the feed (wait= at most 60 s,
// the server's limit; the deadline of ctx, if sooner, shortens it).
func (h *HTTP) Wait(ctx context.Context, since int64) error {
	wait := 60
	if d, ok := ctx.Deadline(); ok {
		wait = max(1, min(wait, int(time.Until(d)/time.Second)))
	}
	var f Feed
	return h.do(ctx, http.MethodGet, fmt.Sprintf("/changes?since=%d&limit=1&wait=%d", since, wait), nil, &f)
}
