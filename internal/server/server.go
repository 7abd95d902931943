// Package server composes Redline's server: the W3C Web Annotation
// Protocol under /annotations/, the JSON API under /api/ (both behind
// authentication) and the web app (internal/webserver) everywhere else,
// with the timeouts a public server needs.
package server

import (
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/api"
	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/httperr"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
)

// Store is everything the server needs from the database
// (*sqlstore.DB is one).
type Store interface {
	api.Store
	auth.Store
}

// Options tune the handlers; zero values take the defaults.
type Options struct {
	Protocol protocol.Options
	API      api.Options
	// Watch, when set, adds the watcher's routes (internal/watchapi).
	Watch interface {
		Register(mux *http.ServeMux, a *auth.Auth)
	}
}

// New returns the server's handler. web serves everything outside
// /annotations/ and /api/ (the PWA); nil serves nothing there.
func New(s Store, web http.Handler, opt Options) http.Handler {
	a := auth.New(s)
	mux := http.NewServeMux()
	protocol.New(s, a, opt.Protocol).Register(mux)
	api.New(s, a, opt.API).Register(mux)
	if opt.Watch != nil {
		opt.Watch.Register(mux, a)
	}
	mux.HandleFunc("/annotations/", notFound)
	authed := a.Middleware(mux, httperr.Write)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !ours(r.URL.Path) {
			if web == nil {
				notFound(w, r)
				return
			}
			web.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if !clean(r.URL.Path) {
			notFound(w, r) // rather than the mux's redirect to the cleaned path: a write must not land elsewhere
			return
		}
		authed.ServeHTTP(w, r)
	})
}

// ours reports whether a path belongs to the protocol or the API.
func ours(path string) bool {
	return path == "/annotations" || path == "/api" || strings.HasPrefix(path, "/annotations/") || strings.HasPrefix(path, "/api/")
}

// clean reports whether a path has no "." or ".." segments and no empty
// ones ("//").
func clean(p string) bool {
	c := path.Clean(p)
	if strings.HasSuffix(p, "/") && c != "/" {
		c += "/"
	}
	return c == p
}

func notFound(w http.ResponseWriter, r *http.Request) { httperr.Write(w, r, store.ErrNotFound) }

// Timeouts: a slow or stalled client cannot hold a connection for long
// before its request is in; responses have no write timeout because the
// change feed's long-poll and event stream are meant to stay open.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 60 * time.Second
	IdleTimeout       = 120 * time.Second
	MaxHeaderBytes    = 64 << 10
)

// HTTPServer is an http.Server for h with those timeouts.
func HTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}
