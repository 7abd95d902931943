// Package api is Redline's JSON API under /api/, documented endpoint by
// endpoint in docs/api.md: signing in, projects and members, stories with
// their revisions and annotations, a project's change feed (plain,
// long-poll and server-sent events) and an idempotent push. The sync
// engine (issue 13) is its main client.
//
// Annotations travel as W3C JSON-LD, the same documents the protocol
// serves at /annotations/SLUG/ID, checked and normalised by
// protocol.Prepare; stories and revisions as plain JSON.
//
// Every request reads or writes through one store call, so each is one
// transaction; a push applies each of its changes in its own transaction,
// and a change id makes a retried change apply once.
package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
)

// Store is what the API needs from the database.
type Store interface {
	protocol.Store

	Projects(ctx context.Context, user string) ([]store.Member, error)
	CreateProject(ctx context.Context, p store.Project, owner string) error
	Members(ctx context.Context, project string) ([]store.Member, error)
	SetMember(ctx context.Context, a store.Actor, m store.Member) error
	RemoveMember(ctx context.Context, a store.Actor, project, user string) error

	Stories(ctx context.Context, project string) ([]store.StoryRec, error)
	Story(ctx context.Context, project, id string) (store.StoryRec, error)
	PutStory(ctx context.Context, a store.Actor, s store.StoryRec, ifSeq int64) (store.StoryRec, error)
	DeleteStory(ctx context.Context, a store.Actor, project, id string, ifSeq int64) (int64, error)
	Revisions(ctx context.Context, project, storyID string) ([]store.RevisionRec, error)
	AddRevision(ctx context.Context, a store.Actor, r store.RevisionRec) (store.RevisionRec, error)
	DeleteRevision(ctx context.Context, a store.Actor, project, storyID, revisionID string, ifSeq int64, onRevision func(doc []byte) bool) (int64, error)
	DocHistory(ctx context.Context, project, id string) ([]store.DocRevision, error)

	Changes(ctx context.Context, project string, since int64, limit int) ([]store.Change, error)
	WaitChanges(ctx context.Context, project string, since int64) error
}

// Defaults for Options.
const (
	DefaultMaxBody = 16 << 20 // a push of a story with long revisions
	MaxPush        = 500      // changes in one push
	MaxWait        = 60 * time.Second
)

// Options tune the handler; zero values take the defaults.
type Options struct {
	MaxBody int64
	Now     func() time.Time
	// Heartbeat is how often an idle event stream sends a comment, so
	// proxies keep it open (default 15 s).
	Heartbeat time.Duration
}

// Handler serves /api/.
type Handler struct {
	store Store
	auth  *auth.Auth
	opt   Options
}

// New returns the API handler. Requests must have passed through auth's
// Middleware.
func New(s Store, a *auth.Auth, opt Options) *Handler {
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Heartbeat <= 0 {
		opt.Heartbeat = 15 * time.Second
	}
	return &Handler{store: s, auth: a, opt: opt}
}

// Register adds the API's routes to mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/session", h.signIn)
	mux.HandleFunc("GET /api/session", h.whoAmI)
	mux.HandleFunc("DELETE /api/session", h.signOut)
	h.registerCredentials(mux)

	mux.HandleFunc("GET /api/projects", h.listProjects)
	mux.HandleFunc("POST /api/projects", h.createProject)
	mux.HandleFunc("GET /api/projects/{project}", h.project(store.RoleViewer, h.getProject))
	mux.HandleFunc("GET /api/projects/{project}/members", h.project(store.RoleViewer, h.listMembers))
	mux.HandleFunc("PUT /api/projects/{project}/members/{user}", h.project(store.RoleAdmin, h.setMember))
	mux.HandleFunc("DELETE /api/projects/{project}/members/{user}", h.project(store.RoleAdmin, h.removeMember))

	mux.HandleFunc("GET /api/projects/{project}/stories", h.project(store.RoleViewer, h.listStories))
	mux.HandleFunc("POST /api/projects/{project}/stories", h.project(store.RoleEditor, h.createStory))
	mux.HandleFunc("GET /api/projects/{project}/stories/{story}", h.project(store.RoleViewer, h.getStory))
	mux.HandleFunc("PUT /api/projects/{project}/stories/{story}", h.project(store.RoleEditor, h.updateStory))
	mux.HandleFunc("DELETE /api/projects/{project}/stories/{story}", h.project(store.RoleEditor, h.deleteStory))
	mux.HandleFunc("GET /api/projects/{project}/stories/{story}/revisions", h.project(store.RoleViewer, h.listRevisions))
	mux.HandleFunc("POST /api/projects/{project}/stories/{story}/revisions", h.project(store.RoleEditor, h.addRevision))
	mux.HandleFunc("DELETE /api/projects/{project}/stories/{story}/revisions/{revision}", h.project(store.RoleEditor, h.deleteRevisionReq))
	mux.HandleFunc("GET /api/projects/{project}/stories/{story}/annotations", h.project(store.RoleViewer, h.listAnnotations))
	mux.HandleFunc("GET /api/projects/{project}/annotations/{id}/history", h.project(store.RoleViewer, h.history))

	mux.HandleFunc("GET /api/projects/{project}/changes", h.project(store.RoleViewer, h.changes))
	mux.HandleFunc("GET /api/projects/{project}/events", h.project(store.RoleViewer, h.events))
	mux.HandleFunc("POST /api/projects/{project}/push", h.project(store.RoleEditor, h.push))

	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		httperr.Write(w, r, store.ErrNotFound)
	})
}

// project wraps a handler of a project's resource: it checks the slug,
// the ids in the path and the caller's role before the handler runs.
func (h *Handler) project(need store.Role, next func(http.ResponseWriter, *http.Request, string) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		project := r.PathValue("project")
		err := auth.ValidSlug(project)
		for _, key := range []string{"story", "id"} {
			if v := r.PathValue(key); v != "" && err == nil {
				err = auth.ValidSlug(v)
			}
		}
		if v := r.PathValue("user"); v != "" && err == nil {
			err = auth.ValidName(v)
		}
		if err != nil {
			err = store.ErrNotFound // a path that cannot name anything names nothing
		} else {
			_, err = h.auth.Require(r.Context(), project, need)
		}
		if err == nil {
			err = next(w, r, project)
		}
		if err != nil {
			httperr.Write(w, r, err)
		}
	}
}

// decode reads a JSON request body into v: at most MaxBody bytes, one
// object, no unknown fields.
func (h *Handler) decode(w http.ResponseWriter, r *http.Request, v any) error {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opt.MaxBody))
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return httperr.New(http.StatusBadRequest, "malformed JSON: "+err.Error())
	}
	if dec.More() {
		return httperr.New(http.StatusBadRequest, "malformed JSON: data after the object")
	}
	return nil
}

// reply writes v as JSON.
func reply(w http.ResponseWriter, status int, v any) error {
	return httperr.WriteJSON(w, status, v)
}

// badRequest is a 400 with one reason.
func badRequest(format string, args ...any) error {
	return httperr.New(http.StatusBadRequest, fmt.Sprintf(format, args...))
}

// ifSeq reads the If-Match header: the seq of the record as the client
// read it ("12" or the ETag "\"12\""); 0 when absent.
func ifSeq(r *http.Request) (int64, error) {
	v := r.Header.Get("If-Match")
	if v == "" {
		return 0, nil
	}
	var n int64
	if _, err := fmt.Sscanf(trimQuotes(v), "%d", &n); err != nil || n <= 0 {
		return 0, badRequest("If-Match must be the seq (ETag) you read, such as \"12\"")
	}
	return n, nil
}

func trimQuotes(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s[1 : len(s)-1]
	}
	return s
}

// Errors of conditional writes.
var (
	errNoIfMatch = httperr.New(http.StatusPreconditionRequired, "send If-Match with the seq you last read")
	errStale     = httperr.New(http.StatusPreconditionFailed, "changed since you read it (If-Match does not match): read it again")
)

// stale turns a store conflict on a conditional write into 412.
func stale(err error) error {
	if errors.Is(err, store.ErrConflict) {
		return errStale
	}
	return err
}
