package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// Feed limits.
const (
	DefaultChanges = 500
	MaxChanges     = 1000
)

// feedQuery is the since/limit/wait of a change feed request.
type feedQuery struct {
	since int64
	limit int
	wait  time.Duration
}

func parseFeed(r *http.Request) (feedQuery, error) {
	q := feedQuery{limit: DefaultChanges}
	v := r.URL.Query()
	if s := v.Get("since"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return q, badRequest("since must be a change seq (a whole number >= 0)")
		}
		q.since = n
	} else if s := r.Header.Get("Last-Event-ID"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err == nil && n >= 0 {
			q.since = n
		}
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxChanges {
			return q, badRequest("limit must be 1 to %d", MaxChanges)
		}
		q.limit = n
	}
	if s := v.Get("wait"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || time.Duration(n)*time.Second > MaxWait {
			return q, badRequest("wait must be 0 to %d seconds", int(MaxWait/time.Second))
		}
		q.wait = time.Duration(n) * time.Second
	}
	return q, nil
}

// changes answers the feed: the latest state of every record changed
// after since, oldest change first. With wait, it holds the request until
// there is a change or the wait is over (long-poll).
func (h *Handler) changes(w http.ResponseWriter, r *http.Request, project string) error {
	q, err := parseFeed(r)
	if err != nil {
		return err
	}
	if q.wait > 0 {
		ctx, cancel := context.WithTimeout(r.Context(), q.wait)
		err := h.store.WaitChanges(ctx, project, q.since)
		cancel()
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return err
		}
	}
	cs, err := h.store.Changes(r.Context(), project, q.since, q.limit)
	if err != nil {
		return err
	}
	out := struct {
		Changes []changeJSON `json:"changes"`
		Last    int64        `json:"last"`
		More    bool         `json:"more"`
	}{Changes: []changeJSON{}, Last: q.since, More: len(cs) == q.limit}
	for _, c := range cs {
		out.Changes = append(out.Changes, changeOut(r, c))
		out.Last = c.Seq
	}
	return reply(w, http.StatusOK, out)
}

// events streams the feed as server-sent events: one "change" event per
// change (its id the seq, so a reconnecting EventSource resumes from
// Last-Event-ID), and a comment every Heartbeat while nothing happens.
// Membership is checked again before each batch: a member removed stops
// receiving.
func (h *Handler) events(w http.ResponseWriter, r *http.Request, project string) error {
	q, err := parseFeed(r)
	if err != nil {
		return err
	}
	rc := http.NewResponseController(w)
	hd := w.Header()
	hd.Set("Content-Type", "text/event-stream")
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	ctx := r.Context()
	for {
		if _, err := h.auth.Require(ctx, project, store.RoleViewer); err != nil {
			fmt.Fprintf(w, "event: error\ndata: %q\n\n", err.Error())
			rc.Flush()
			return nil
		}
		cs, err := h.store.Changes(ctx, project, q.since, q.limit)
		if err != nil {
			return nil // the status is sent; the client reconnects
		}
		for _, c := range cs {
			data, err := json.Marshal(changeOut(r, c))
			if err != nil {
				return nil
			}
			fmt.Fprintf(w, "id: %d\nevent: change\ndata: %s\n\n", c.Seq, data)
			q.since = c.Seq
		}
		if len(cs) == 0 {
			fmt.Fprint(w, ": waiting\n\n")
		}
		if rc.Flush() != nil {
			return nil
		}
		if len(cs) == q.limit {
			continue
		}
		wait, cancel := context.WithTimeout(ctx, h.opt.Heartbeat)
		err = h.store.WaitChanges(wait, project, q.since)
		cancel()
		if ctx.Err() != nil {
			return nil
		}
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return nil
		}
	}
}
