// Package watchapi serves the watcher's part of the JSON API (docs/api.md,
// "Watches and alerts"): a project's watched pages, adding one, its
// changed-quote alerts (per project and per story, newest first) and a
// story's captures, as a list and as WARC.
package watchapi

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/watch"
)

// Store is what the handlers read (*sqlstore.DB).
type Store interface {
	Story(ctx context.Context, project, id string) (store.StoryRec, error)
	Watches(ctx context.Context, project string) ([]store.Watch, error)
	Watch(ctx context.Context, project, id string) (store.Watch, error)
	PauseWatch(ctx context.Context, project, id string, paused bool) (store.Watch, error)
	DeleteWatch(ctx context.Context, project, id string) error
	Alerts(ctx context.Context, project, storyID string, limit int) ([]store.Alert, error)
	Captures(ctx context.Context, project, storyID string) ([]store.Capture, error)
	Webhook(ctx context.Context, project string) (string, error)
	SetWebhook(ctx context.Context, project, url string) error
	Deliveries(ctx context.Context, project string, limit int) ([]store.Delivery, error)
}

// Handler serves the endpoints; Watcher adds watches (its fetcher decides
// whether private addresses may be fetched).
type Handler struct {
	Store   Store
	Watcher *watch.Watcher
}

// maxBody bounds a request body: a URL and a flag.
const maxBody = 64 << 10

// MaxAlerts is the most alerts one listing returns.
const MaxAlerts = 500

// Register adds the routes to mux; a checks every caller's role.
func (h *Handler) Register(mux *http.ServeMux, a *auth.Auth) {
	route := func(pattern string, need store.Role, fn func(http.ResponseWriter, *http.Request, string) error) {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			project := r.PathValue("project")
			err := auth.ValidSlug(project)
			for _, name := range []string{"story", "watch"} {
				if s := r.PathValue(name); s != "" && err == nil {
					err = auth.ValidSlug(s)
				}
			}
			if err != nil {
				err = store.ErrNotFound // a path that cannot name anything names nothing
			} else {
				_, err = a.Require(r.Context(), project, need)
			}
			if err == nil {
				err = fn(w, r, project)
			}
			if err != nil {
				httperr.Write(w, r, err)
			}
		})
	}
	route("GET /api/projects/{project}/watches", store.RoleViewer, h.list)
	route("POST /api/projects/{project}/watches", store.RoleEditor, h.add)
	route("GET /api/projects/{project}/watches/{watch}", store.RoleViewer, h.get)
	route("PATCH /api/projects/{project}/watches/{watch}", store.RoleEditor, h.pause)
	route("DELETE /api/projects/{project}/watches/{watch}", store.RoleEditor, h.remove)
	route("GET /api/projects/{project}/alerts", store.RoleViewer, h.alerts)
	route("GET /api/projects/{project}/stories/{story}/alerts", store.RoleViewer, h.alerts)
	route("GET /api/projects/{project}/stories/{story}/captures", store.RoleViewer, h.captures)
	route("GET /api/projects/{project}/stories/{story}/warc", store.RoleViewer, h.warc)
	route("GET /api/projects/{project}/webhook", store.RoleAdmin, h.webhook)
	route("PUT /api/projects/{project}/webhook", store.RoleAdmin, h.setWebhook)
	route("GET /api/projects/{project}/webhook/deliveries", store.RoleAdmin, h.deliveries)
}

func (h *Handler) webhook(w http.ResponseWriter, r *http.Request, project string) error {
	url, err := h.Store.Webhook(r.Context(), project)
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, map[string]string{"url": url})
}

// setWebhook sets (or, with "", removes) the URL the project's alerts are
// posted to; it is held to the same address rules as watched pages.
func (h *Handler) setWebhook(w http.ResponseWriter, r *http.Request, project string) error {
	var in struct {
		URL string `json:"url"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if err := h.Watcher.CheckWebhook(in.URL); err != nil {
		return httperr.New(http.StatusBadRequest, err.Error())
	}
	if err := h.Store.SetWebhook(r.Context(), project, in.URL); err != nil {
		return err
	}
	return reply(w, http.StatusOK, map[string]string{"url": in.URL})
}

// MaxDeliveries is the most webhook deliveries one listing returns.
const MaxDeliveries = 100

type deliveryJSON struct {
	ID          string          `json:"id"`
	State       string          `json:"state"`
	URL         string          `json:"url"`
	Attempts    int             `json:"attempts"`
	Next        time.Time       `json:"next,omitzero"`
	LastStatus  int             `json:"lastStatus,omitempty"`
	LastError   string          `json:"lastError,omitempty"`
	LastAttempt time.Time       `json:"lastAttempt,omitzero"`
	Created     time.Time       `json:"created"`
	Summary     json.RawMessage `json:"summary"`
}

// deliveries lists the project's webhook deliveries, newest first: what
// was posted, and how each attempt went.
func (h *Handler) deliveries(w http.ResponseWriter, r *http.Request, project string) error {
	ds, err := h.Store.Deliveries(r.Context(), project, MaxDeliveries)
	if err != nil {
		return err
	}
	out := []deliveryJSON{}
	for _, d := range ds {
		out = append(out, deliveryJSON{ID: d.ID, State: d.State, URL: d.URL, Attempts: d.Attempts, Next: d.DueAt,
			LastStatus: d.LastStatus, LastError: d.LastError, LastAttempt: d.LastAttempt.UTC(), Created: d.Created.UTC(), Summary: d.Body})
	}
	return reply(w, http.StatusOK, map[string]any{"deliveries": out})
}

// WatchJSON is a watch as the API and `redline admin watch list` show it.
type WatchJSON struct {
	ID           string    `json:"id"`
	Kind         string    `json:"kind"`
	URL          string    `json:"url"`
	Canonical    string    `json:"canonical,omitempty"`
	StoryID      string    `json:"storyId,omitempty"`
	IgnoreRobots bool      `json:"ignoreRobots,omitempty"`
	Interval     int64     `json:"intervalSeconds"`
	Due          time.Time `json:"due,omitzero"`
	Until        time.Time `json:"until,omitzero"`
	LastFetch    time.Time `json:"lastFetch,omitzero"`
	LastResult   string    `json:"lastResult,omitempty"`
	LastError    string    `json:"lastError,omitempty"`
	Failures     int       `json:"failures,omitempty"`
	Paused       bool      `json:"paused"`
	State        string    `json:"state"`
	Created      time.Time `json:"created"`
	CreatedBy    string    `json:"createdBy,omitempty"`
}

// Watch states (WatchJSON.State): what the schedule will do with it.
const (
	stateWatching = "watching" // fetched when due
	statePaused   = "paused"   // not fetched until resumed
	stateEnded    = "ended"    // past its watch duration (or a duplicate), fetched no more
)

// WatchOut is w as JSON at time now (which tells whether it has ended).
func WatchOut(w store.Watch, now time.Time) WatchJSON {
	state := stateWatching
	switch {
	case w.Paused:
		state = statePaused
	case !w.Until.IsZero() && !w.Until.After(now):
		state = stateEnded
	}
	return WatchJSON{State: state, Paused: w.Paused, ID: w.ID, Kind: w.Kind, URL: w.URL, Canonical: w.Canonical, StoryID: w.StoryID, IgnoreRobots: w.IgnoreRobots,
		Interval: int64(w.Interval / time.Second), Due: w.DueAt, Until: w.Until, LastFetch: w.LastFetch.UTC(),
		LastResult: w.LastResult, LastError: w.LastError, Failures: w.Failures, Created: w.Created.UTC(), CreatedBy: w.CreatedBy}
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request, project string) error {
	ws, err := h.Store.Watches(r.Context(), project)
	if err != nil {
		return err
	}
	out := []WatchJSON{}
	for _, wt := range ws {
		out = append(out, WatchOut(wt, time.Now()))
	}
	return reply(w, http.StatusOK, map[string]any{"watches": out})
}

// add watches a URL: the page is fetched now and becomes a story with its
// first revision, or the request fails with the reason (400: a private
// address, a redirect to one, robots.txt, an unreadable page; 409: already
// watched) and nothing is stored.
func (h *Handler) add(w http.ResponseWriter, r *http.Request, project string) error {
	var in struct {
		URL          string `json:"url"`
		IgnoreRobots bool   `json:"ignoreRobots"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.URL == "" {
		return httperr.New(http.StatusBadRequest, "url: required")
	}
	wt, rev, err := h.Watcher.Add(r.Context(), auth.Actor(r.Context(), "", ""), project, in.URL, in.IgnoreRobots)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/projects/"+project+"/stories/"+wt.StoryID)
	return reply(w, http.StatusCreated, map[string]any{"watch": WatchOut(wt, time.Now()), "revisionId": rev.ID})
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request, project string) error {
	wt, err := h.Store.Watch(r.Context(), project, r.PathValue("watch"))
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, WatchOut(wt, time.Now()))
}

// pause stops or resumes a watch ({"paused": true|false}); resuming makes
// it due at once.
func (h *Handler) pause(w http.ResponseWriter, r *http.Request, project string) error {
	var in struct {
		Paused *bool `json:"paused"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.Paused == nil {
		return httperr.New(http.StatusBadRequest, "paused: required (true stops the watch, false resumes it)")
	}
	wt, err := h.Store.PauseWatch(r.Context(), project, r.PathValue("watch"), *in.Paused)
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, WatchOut(wt, time.Now()))
}

// remove deletes a watch; what it captured stays.
func (h *Handler) remove(w http.ResponseWriter, r *http.Request, project string) error {
	if err := h.Store.DeleteWatch(r.Context(), project, r.PathValue("watch")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type alertJSON struct {
	ID           string    `json:"id"`
	StoryID      string    `json:"storyId"`
	RevisionID   string    `json:"revisionId"`
	AnnotationID string    `json:"annotationId"`
	CarriedID    string    `json:"carriedId,omitempty"`
	Kind         string    `json:"kind"`
	Status       string    `json:"status"`
	Before       string    `json:"before"`
	After        string    `json:"after"`
	Created      time.Time `json:"created"`
}

func (h *Handler) alerts(w http.ResponseWriter, r *http.Request, project string) error {
	story := r.PathValue("story")
	if story != "" {
		if _, err := h.Store.Story(r.Context(), project, story); err != nil {
			return err
		}
	}
	limit := MaxAlerts
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxAlerts {
			return httperr.New(http.StatusBadRequest, "limit: a number from 1 to "+strconv.Itoa(MaxAlerts))
		}
		limit = n
	}
	as, err := h.Store.Alerts(r.Context(), project, story, limit)
	if err != nil {
		return err
	}
	out := []alertJSON{}
	for _, a := range as {
		out = append(out, alertJSON{ID: a.ID, StoryID: a.StoryID, RevisionID: a.RevisionID, AnnotationID: a.AnnotationID,
			CarriedID: a.CarriedID, Kind: a.Kind, Status: a.Status, Before: a.Before, After: a.After, Created: a.Created.UTC()})
	}
	return reply(w, http.StatusOK, map[string]any{"alerts": out})
}

type captureJSON struct {
	ID         string    `json:"id"`
	RevisionID string    `json:"revisionId"`
	URL        string    `json:"url"`
	FinalURL   string    `json:"finalUrl"`
	Fetched    time.Time `json:"fetched"`
	Status     int       `json:"status"`
	SHA256     string    `json:"sha256"`
	Bytes      int       `json:"bytes"`
}

func (h *Handler) captures(w http.ResponseWriter, r *http.Request, project string) error {
	caps, err := h.storyCaptures(r, project)
	if err != nil {
		return err
	}
	out := []captureJSON{}
	for _, c := range caps {
		out = append(out, captureJSON{ID: c.ID, RevisionID: c.RevisionID, URL: c.URL, FinalURL: c.FinalURL,
			Fetched: c.Fetched.UTC(), Status: c.Status, SHA256: c.SHA256, Bytes: len(c.Body)})
	}
	return reply(w, http.StatusOK, map[string]any{"captures": out})
}

func (h *Handler) warc(w http.ResponseWriter, r *http.Request, project string) error {
	caps, err := h.storyCaptures(r, project)
	if err != nil {
		return err
	}
	s, err := h.Store.Story(r.Context(), project, r.PathValue("story"))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := watch.WriteWARC(&buf, s, caps, time.Now()); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/warc")
	w.Header().Set("Content-Disposition", `attachment; filename="redline-`+s.ID+`.warc"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
	return nil
}

func (h *Handler) storyCaptures(r *http.Request, project string) ([]store.Capture, error) {
	story := r.PathValue("story")
	if _, err := h.Store.Story(r.Context(), project, story); err != nil {
		return nil, err
	}
	return h.Store.Captures(r.Context(), project, story)
}

// decode reads a small JSON object with no unknown fields.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil || dec.More() {
		return httperr.New(http.StatusBadRequest, fmt.Sprintf("malformed JSON: %v", cmp.Or[error](err, errTrailing)))
	}
	return nil
}

var errTrailing = errors.New("data after the object")

// reply writes v as JSON.
func reply(w http.ResponseWriter, status int, v any) error {
	return httperr.WriteJSON(w, status, v)
}
