package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/server"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

var _ server.Store = (*sqlstore.DB)(nil)

func TestMain(m *testing.M) { os.Exit(sqltest.Run(m)) }

// pageSize is small so that a few dozen annotations make many pages.
const pageSize = 3

// env is a running server over a fresh database with a desk:
// alice admin, bob editor, vera viewer of "desk"; mallory admin of
// "other" only. tokens holds each user's API token; passwords are
// "pw-" + name.
type env struct {
	t      testing.TB
	db     *sqlstore.DB
	srv    *httptest.Server
	tokens map[string]string
}

func newEnv(t testing.TB, engine string) *env {
	t.Helper()
	db := sqltest.New(t, engine)
	ctx := context.Background()
	e := &env{t: t, db: db, tokens: map[string]string{}}
	for _, name := range []string{"alice", "bob", "vera", "mallory"} {
		hash, err := auth.HashPassword("pw-" + name)
		must(t, err)
		must(t, db.CreateUser(ctx, store.User{Name: name, PasswordHash: hash}))
		secret, sum, err := auth.NewSecret()
		must(t, err)
		must(t, db.AddCredential(ctx, store.Credential{Hash: sum, User: name, Kind: store.CredentialToken, Label: "test"}))
		e.tokens[name] = secret
	}
	must(t, db.CreateProject(ctx, store.Project{Slug: "desk", Title: "The desk"}, "alice"))
	must(t, db.CreateProject(ctx, store.Project{Slug: "other", Title: "Other"}, "mallory"))
	a := store.Actor{User: "alice"}
	must(t, db.SetMember(ctx, a, store.Member{Project: "desk", User: "bob", Role: store.RoleEditor}))
	must(t, db.SetMember(ctx, a, store.Member{Project: "desk", User: "vera", Role: store.RoleViewer}))
	e.srv = httptest.NewServer(server.New(db, nil, server.Options{Protocol: protocol.Options{PageSize: pageSizeFor(t)}}))
	t.Cleanup(e.srv.Close)
	return e
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// engines runs a test against a fresh server on each engine.
func engines(t *testing.T, fn func(t *testing.T, e *env)) {
	for _, engine := range sqltest.Engines {
		t.Run(engine, func(t *testing.T) { fn(t, newEnv(t, engine)) })
	}
}

// response is a finished response with its body read.
type response struct {
	*http.Response
	body []byte
}

func (r response) json(t testing.TB) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("%s: body is not a JSON object: %v\n%s", r.Request.URL, err, r.body)
	}
	return v
}

// do sends a request as user ("" = nobody) with headers as "Name: value".
func (e *env) do(user, method, url, body string, headers ...string) response {
	e.t.Helper()
	res, err := e.send(user, method, url, body, headers...)
	must(e.t, err)
	return res
}

// later sends a request from another goroutine, where the test must not
// stop: a failure is reported and the test goes on.
func (e *env) later(user, method, url, body string, headers ...string) {
	if _, err := e.send(user, method, url, body, headers...); err != nil {
		e.t.Errorf("%s %s: %v", method, url, err)
	}
}

func (e *env) send(user, method, url, body string, headers ...string) (response, error) {
	if strings.HasPrefix(url, "/") {
		url = e.srv.URL + url
	}
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return response{}, err
	}
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[user])
	}
	if body != "" {
		req.Header.Set("Content-Type", protocol.ContentType)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	res, err := e.srv.Client().Do(req)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	return response{res, data}, err
}

// expect fails the test unless the response has the status.
func (r response) expect(t testing.TB, status int) response {
	t.Helper()
	if r.StatusCode != status {
		t.Fatalf("%s %s: status %d, want %d\n%s", r.Request.Method, r.Request.URL.Path, r.StatusCode, status, r.body)
	}
	return r
}

// state is everything stored in the desk, to check that a refused
// request changed nothing.
func (e *env) state(project string) string {
	e.t.Helper()
	ctx := context.Background()
	cs, err := e.db.Changes(ctx, project, 0, 0)
	must(e.t, err)
	var b bytes.Buffer
	json.NewEncoder(&b).Encode(cs)
	ms, err := e.db.Members(ctx, project)
	must(e.t, err)
	json.NewEncoder(&b).Encode(ms)
	return b.String()
}

// sharedDir is ../shared from the repository root, read in place (never
// copied); without it tests skip, except under CI=true.
func sharedDir(t *testing.T, rel string) string {
	t.Helper()
	dir := "../../../shared/" + rel
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is needed under CI=true: %v", dir, err)
		}
		t.Skipf("%s not found, skipping: %v", dir, err)
	}
	return dir
}

const minimalAnnotation = `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "body": {"type": "TextualBody", "value": "I like this page!"}, "target": "http://www.example.com/index.html"}`

// pageSizeFor is small in tests, so that a few dozen annotations make many
// pages, and the default in benchmarks.
func pageSizeFor(t testing.TB) int {
	if _, bench := t.(*testing.B); bench {
		return protocol.DefaultPageSize
	}
	return pageSize
}

// A slow client cannot hold a connection: every read has a deadline.
func TestHTTPServerTimeouts(t *testing.T) {
	s := server.HTTPServer(http.NotFoundHandler())
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.IdleTimeout <= 0 || s.MaxHeaderBytes <= 0 {
		t.Errorf("server without limits: %+v", s)
	}
}

// Outside /api/ and /annotations/ the web app answers, untouched.
func TestWebAppServedElsewhere(t *testing.T) {
	e := newEnv(t, "sqlite")
	web := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "app "+r.URL.Path) })
	srv := httptest.NewServer(server.New(e.db, web, server.Options{}))
	defer srv.Close()
	for path, want := range map[string]string{"/": "app /", "/story": "app /story", "/apiary": "app /apiary", "/web/app.wasm": "app /web/app.wasm"} {
		res, err := http.Get(srv.URL + path)
		must(t, err)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if string(body) != want {
			t.Errorf("%s: %q, want %q", path, body, want)
		}
	}
	res, err := http.Get(srv.URL + "/api/projects")
	must(t, err)
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("/api/projects without a token: %d", res.StatusCode)
	}
}
