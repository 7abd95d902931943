package protocol

import (
	"context"
	"io"
	"net/http"
	"time"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/forwarded"
	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/store"
)

// Store is what the protocol needs from the database.
type Store interface {
	Project(ctx context.Context, slug string) (store.Project, error)
	Docs(ctx context.Context, project string, q store.DocQuery) (store.DocPage, error)
	Doc(ctx context.Context, project, id string) (store.Doc, error)
	PutDoc(ctx context.Context, a store.Actor, d store.Doc, ifSeq int64) (store.Doc, error)
	DeleteDoc(ctx context.Context, a store.Actor, project, id string, ifSeq int64) (store.Doc, error)
}

// Defaults for Options. Pages hold 10 annotations, as the W3C suite's
// reference server's do: its checks expect a container of a few dozen
// fixtures to span several pages (next on the first, prev on the last).
const (
	DefaultPageSize = 10
	DefaultMaxBody  = 1 << 20 // 1 MiB: far more than any annotation needs
)

// Options tune the handler; zero values take the defaults.
type Options struct {
	PageSize int
	MaxBody  int64
	Now      func() time.Time
}

// Handler serves /annotations/.
type Handler struct {
	store Store
	auth  *auth.Auth
	opt   Options
}

// New returns the protocol handler. Requests must have passed through
// auth's Middleware.
func New(s Store, a *auth.Auth, opt Options) *Handler {
	if opt.PageSize <= 0 {
		opt.PageSize = DefaultPageSize
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Handler{store: s, auth: a, opt: opt}
}

// Register adds the protocol's routes to mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("/annotations/{project}/{$}", h.container)
	mux.HandleFunc("/annotations/{project}/{id}", h.annotation)
	mux.HandleFunc("/annotations/{project}", func(w http.ResponseWriter, r *http.Request) {
		if auth.ValidSlug(r.PathValue("project")) != nil {
			httperr.Write(w, r, store.ErrNotFound)
			return
		}
		http.Redirect(w, r, r.URL.Path+"/", http.StatusPermanentRedirect)
	})
}

// Allowed methods.
const (
	containerAllow  = "GET, HEAD, OPTIONS, POST"
	pageAllow       = "GET, HEAD, OPTIONS"
	annotationAllow = "GET, HEAD, OPTIONS, PUT, DELETE"
)

// cors sets the headers every protocol response carries. CORS lets
// annotation clients on other origins (such as the W3C test page) use a
// container with a token; credentials (cookies) are never allowed
// cross-origin, so this opens nothing a token does not.
func commonHeaders(w http.ResponseWriter, allow string) {
	h := w.Header()
	// Every answer depends on who asks: no shared cache may keep it, and a
	// private one revalidates with the ETag.
	h.Set("Cache-Control", "private, no-cache")
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Allow-Methods", allow)
	h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, Prefer, If-Match, If-None-Match, Slug")
	h.Set("Access-Control-Expose-Headers", "ETag, Allow, Vary, Link, Content-Type, Location, Content-Location, Preference-Applied")
}

// preflight answers a CORS preflight (an OPTIONS without credentials that
// names the method it asks about) without looking at the project.
func preflight(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" || auth.From(r.Context()).User != "" {
		return false
	}
	w.Header().Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
	return true
}

// base is the scheme and host the request was made to: IRIs are built
// from it, so one server answers under every name it is reached by.
func base(r *http.Request) string {
	scheme := "http"
	if forwarded.HTTPS(r) { // TLS here, or at the trusted proxy in front
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func containerIRI(r *http.Request, project string) string {
	return base(r) + "/annotations/" + project + "/"
}

// access checks the slug and the caller's role in the project.
func (h *Handler) access(r *http.Request, project string, need store.Role) error {
	if auth.ValidSlug(project) != nil {
		return store.ErrNotFound
	}
	_, err := h.auth.Require(r.Context(), project, need)
	return err
}

// readBody reads a JSON request body of at most MaxBody bytes.
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if !jsonBody(r) {
		return nil, httperr.New(http.StatusUnsupportedMediaType, "send the annotation as "+ContentType)
	}
	return io.ReadAll(http.MaxBytesReader(w, r.Body, h.opt.MaxBody))
}

// send writes a JSON-LD representation; HEAD and OPTIONS get the headers
// only.
func send(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	w.Header().Set("Content-Type", ContentType)
	if r.Method == http.MethodHead || r.Method == http.MethodOptions {
		w.WriteHeader(status)
		return
	}
	w.WriteHeader(status)
	w.Write(body)
}

// notModified answers 304 when the client already has this ETag.
func notModified(w http.ResponseWriter, r *http.Request, tag string) bool {
	if (r.Method == http.MethodGet || r.Method == http.MethodHead) && matches(tags(r, "If-None-Match"), tag, true) {
		w.WriteHeader(http.StatusNotModified)
		return true
	}
	return false
}

// methodNotAllowed answers 405 with the Allow header.
func methodNotAllowed(w http.ResponseWriter, r *http.Request, allow string) {
	w.Header().Set("Allow", allow)
	httperr.Write(w, r, httperr.New(http.StatusMethodNotAllowed, r.Method+" is not allowed here (allowed: "+allow+")"))
}

func isRead(r *http.Request) bool {
	return r.Method == http.MethodGet || r.Method == http.MethodHead || r.Method == http.MethodOptions
}

// ContainerIRI is the IRI of a project's container, for the request's
// host.
func ContainerIRI(r *http.Request, project string) string { return containerIRI(r, project) }
