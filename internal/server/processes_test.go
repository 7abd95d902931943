package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/server"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

// Two servers on one database, as two processes behind a load balancer
// would be: a write through one is read, and wakes a long-poll, through
// the other.
func TestTwoServersOneDatabase(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		url := newURL(t)
		first, second := sqltest.Open(t, engine, url), sqltest.Open(t, engine, url)
		ctx := context.Background()
		hash, err := auth.HashPassword("pw")
		must(t, err)
		must(t, first.CreateUser(ctx, store.User{Name: "bob", PasswordHash: hash}))
		secret, sum, err := auth.NewSecret()
		must(t, err)
		must(t, first.AddCredential(ctx, store.Credential{Hash: sum, User: "bob", Kind: store.CredentialToken}))
		must(t, first.CreateProject(ctx, store.Project{Slug: "desk"}, "bob"))
		a := httptest.NewServer(server.New(first, nil, server.Options{}))
		defer a.Close()
		b := httptest.NewServer(server.New(second, nil, server.Options{}))
		defer b.Close()
		tokens := map[string]string{"bob": secret}
		ea := &env{t: t, srv: a, tokens: tokens}
		eb := &env{t: t, srv: b, tokens: tokens}

		last := fmt.Sprint(eb.do("bob", "GET", "/api/projects/desk/changes", "").expect(t, http.StatusOK).json(t)["last"])
		done := make(chan response, 1)
		go func() {
			res, err := eb.send("bob", "GET", "/api/projects/desk/changes?wait=30&since="+last, "")
			if err != nil {
				t.Errorf("long-poll: %v", err)
			}
			done <- res
		}()
		time.Sleep(200 * time.Millisecond)
		loc := ea.do("bob", "POST", desk, minimalAnnotation).expect(t, http.StatusCreated).Header.Get("Location")
		select {
		case res := <-done:
			if cs := res.expect(t, http.StatusOK).json(t)["changes"].([]any); len(cs) != 1 {
				t.Errorf("the other server's long-poll got %v", cs)
			}
		case <-time.After(15 * time.Second):
			t.Fatal("a write through one server did not wake a long-poll on the other")
		}
		path := loc[len(a.URL):]
		tag := eb.do("bob", "GET", path, "").expect(t, http.StatusOK).Header.Get("ETag")
		ea.do("bob", "PUT", path, minimalAnnotation, "If-Match: "+tag).expect(t, http.StatusOK)
		eb.do("bob", "PUT", path, minimalAnnotation, "If-Match: "+tag).expect(t, http.StatusPreconditionFailed)
	})
}
