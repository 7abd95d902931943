package sync_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	gosync "sync"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/server"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/sync"
)

// env is a real server (internal/server on SQLite in a temp dir) behind
// an httptest server that can be restarted: the database is closed and
// opened again while requests in between get 503.
type env struct {
	t      testing.TB
	path   string
	srv    *httptest.Server
	mu     gosync.RWMutex
	db     *sqlstore.DB
	h      http.Handler
	tokens map[string]string
}

func newEnv(t testing.TB) *env {
	t.Helper()
	e := &env{t: t, path: filepath.Join(t.TempDir(), "desk.db"), tokens: map[string]string{}}
	e.open()
	ctx := context.Background()
	for _, name := range []string{"alice", "bob", "carol"} {
		must(t, e.db.CreateUser(ctx, store.User{Name: name}))
		secret, sum, err := auth.NewSecret()
		must(t, err)
		must(t, e.db.AddCredential(ctx, store.Credential{Hash: sum, User: name, Kind: store.CredentialToken, Label: "test"}))
		e.tokens[name] = secret
	}
	must(t, e.db.CreateProject(ctx, store.Project{Slug: "desk", Title: "The desk"}, "alice"))
	for _, name := range []string{"bob", "carol"} {
		must(t, e.db.SetMember(ctx, store.Actor{User: "alice"}, store.Member{Project: "desk", User: name, Role: store.RoleEditor}))
	}
	e.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.RLock()
		defer e.mu.RUnlock()
		if e.h == nil {
			http.Error(w, `{"error": "restarting"}`, http.StatusServiceUnavailable)
			return
		}
		e.h.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		e.srv.Close()
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.db != nil {
			must(t, e.db.Close())
		}
	})
	return e
}

func (e *env) open() {
	db, err := sqlstore.OpenSQLite(context.Background(), e.path)
	must(e.t, err)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.db, e.h = db, server.New(db, nil, server.Options{})
}

// restart closes the database and opens it again.
func (e *env) restart() {
	e.mu.Lock()
	must(e.t, e.db.Close())
	e.db, e.h = nil, nil
	e.mu.Unlock()
	e.open()
}

// replica is a fresh replica of user's over tr (nil: straight to the server).
func (e *env) replica(user string, tr sync.Transport) *sync.Replica {
	e.t.Helper()
	if tr == nil {
		tr = e.transport(user)
	}
	r, err := sync.OpenAs(context.Background(), sync.NewMemory(), tr, user+"-device", user)
	must(e.t, err)
	return r
}

func (e *env) transport(user string) *sync.HTTP {
	return &sync.HTTP{Client: sync.NetHTTP{Client: e.srv.Client()}, Server: e.srv.URL, Project: "desk", Token: e.tokens[user]}
}

// lossy performs every call but loses the answer when drop says so: the
// server did the work, the client does not know.
type lossy struct {
	sync.Transport
	mu   gosync.Mutex
	drop func(op string) bool
}

var errLost = errors.Join(sync.ErrOffline, errors.New("answer lost (test)"))

func (l *lossy) dropped(op string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.drop != nil && l.drop(op)
}

func (l *lossy) Push(ctx context.Context, device string, cs []sync.WireChange) ([]sync.WireResult, error) {
	res, err := l.Transport.Push(ctx, device, cs)
	if err == nil && l.dropped("push") {
		return nil, errLost
	}
	return res, err
}

func (l *lossy) Changes(ctx context.Context, since int64, limit int) (sync.Feed, error) {
	f, err := l.Transport.Changes(ctx, since, limit)
	if err == nil && l.dropped("changes") {
		return sync.Feed{}, errLost
	}
	return f, err
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

var created = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func quote(id, exact string) annotation.Annotation {
	return annotation.Annotation{
		ID: "urn:uuid:" + id, Kind: annotation.KindQuote, Created: created,
		Target: annotation.Target{Source: annotation.StorySource("s1"),
			Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: exact}}},
	}
}

const (
	id1 = "00000000-0000-4000-8000-000000000001"
	id2 = "00000000-0000-4000-8000-000000000002"
)

func syncAll(t testing.TB, rs ...*sync.Replica) {
	t.Helper()
	for range 2 {
		for _, r := range rs {
			must(t, r.Sync(context.Background()))
		}
	}
}

func ann(t testing.TB, r *sync.Replica, id string) annotation.Annotation {
	t.Helper()
	a, err := r.Annotation(id)
	must(t, err)
	return a
}
