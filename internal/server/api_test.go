package server_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestSignInOut(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		res := e.do("", "POST", "/api/session", `{"name": "bob", "password": "pw-bob"}`, "Content-Type: application/json").expect(t, http.StatusOK)
		var c *http.Cookie
		for _, k := range res.Cookies() {
			if k.Name == "redline_session" {
				c = k
			}
		}
		if c == nil || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.MaxAge < 7*24*3600 || c.Path != "/" {
			t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Lax, at least a week, Path=/", c)
		}
		cookie := "Cookie: redline_session=" + c.Value
		if who := e.do("", "GET", "/api/session", "", cookie).expect(t, http.StatusOK).json(t); who["user"] != "bob" {
			t.Errorf("signed in as %v", who["user"])
		}
		e.do("", "GET", desk, "", cookie).expect(t, http.StatusOK)
		e.do("", "DELETE", "/api/session", "", cookie, "Origin: "+e.srv.URL).expect(t, http.StatusNoContent)
		// The session is revoked in the database, not just forgotten by the browser.
		e.do("", "GET", desk, "", cookie).expect(t, http.StatusUnauthorized)
		e.do("", "GET", "/api/session", "", cookie).expect(t, http.StatusUnauthorized)

		e.do("", "POST", "/api/session", `{"name": "bob", "password": "wrong"}`, "Content-Type: application/json").expect(t, http.StatusUnauthorized)
		e.do("", "POST", "/api/session", `{"name": "nobody", "password": "pw-bob"}`, "Content-Type: application/json").expect(t, http.StatusUnauthorized)
	})
}

func TestSignInRateLimited(t *testing.T) {
	e := newEnv(t, "sqlite")
	for i := range 5 {
		e.do("", "POST", "/api/session", fmt.Sprintf(`{"name": "vera", "password": "guess-%d"}`, i), "Content-Type: application/json").expect(t, http.StatusUnauthorized)
	}
	res := e.do("", "POST", "/api/session", `{"name": "vera", "password": "pw-vera"}`, "Content-Type: application/json").expect(t, http.StatusTooManyRequests)
	if res.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	// Another name from the same address still signs in.
	e.do("", "POST", "/api/session", `{"name": "bob", "password": "pw-bob"}`, "Content-Type: application/json").expect(t, http.StatusOK)
}

func TestStoriesTravelTogether(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		s := e.do("bob", "POST", "/api/projects/desk/stories", `{"id": "s1", "title": "Minister resigns", "source": "https://news.example/a"}`).expect(t, http.StatusCreated).json(t)
		seq := fmt.Sprint(s["seq"])
		e.do("bob", "POST", "/api/projects/desk/stories/s1/revisions", `{"id": "r1", "date": "2026-11-30", "title": "Minister resigns", "text": "The minister said “I am done.”", "source": "https://news.example/a"}`).expect(t, http.StatusCreated)
		e.do("bob", "POST", "/api/projects/desk/stories/s1/revisions", `{"id": "r1", "text": "again"}`).expect(t, http.StatusConflict)
		ann := `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:5d8c0b1e-1111-4222-8333-444455556666", "type": "Annotation", "motivation": "tagging",
			"body": {"type": "TextualBody", "purpose": "tagging", "value": "quote"},
			"target": {"source": "urn:redline:story:s1", "selector": {"type": "TextQuoteSelector", "exact": "I am done."}}}`
		e.do("bob", "POST", desk, ann, "Slug: q1").expect(t, http.StatusCreated)
		e.do("bob", "POST", desk, minimalAnnotation).expect(t, http.StatusCreated) // on no story

		got := e.do("vera", "GET", "/api/projects/desk/stories/s1", "").expect(t, http.StatusOK).json(t)
		revs, _ := got["revisions"].([]any)
		anns, _ := got["annotations"].([]any)
		if len(revs) != 1 || len(anns) != 1 {
			t.Fatalf("story bundle: %d revisions, %d annotations, want 1 and 1: %v", len(revs), len(anns), got)
		}
		a := anns[0].(map[string]any)
		if a["id"] != "q1" || a["iri"] != e.srv.URL+desk+"q1" || a["createdBy"] != "bob" {
			t.Errorf("annotation %v", a)
		}
		if r := revs[0].(map[string]any); r["text"] != "The minister said “I am done.”" || r["addedBy"] != "bob" || r["source"] != "https://news.example/a" {
			t.Errorf("revision %v", r)
		}

		e.do("bob", "PUT", "/api/projects/desk/stories/s1", `{"title": "Minister quits"}`).expect(t, http.StatusPreconditionRequired)
		e.do("bob", "PUT", "/api/projects/desk/stories/s1", `{"title": "Minister quits"}`, "If-Match: 1").expect(t, http.StatusPreconditionFailed)
		e.do("bob", "PUT", "/api/projects/desk/stories/s1", `{"title": "Minister quits"}`, `If-Match: "`+seq+`"`).expect(t, http.StatusOK)
		list := e.do("vera", "GET", "/api/projects/desk/stories", "").expect(t, http.StatusOK).json(t)
		if ss := list["stories"].([]any); len(ss) != 1 || ss[0].(map[string]any)["title"] != "Minister quits" {
			t.Errorf("stories %v", list)
		}
		e.do("bob", "DELETE", "/api/projects/desk/stories/s1", "").expect(t, http.StatusNoContent)
		e.do("vera", "GET", "/api/projects/desk/stories/s1", "").expect(t, http.StatusGone)
		e.do("vera", "GET", desk+"q1", "").expect(t, http.StatusGone) // its annotations went with it
		e.do("bob", "POST", "/api/projects/desk/stories", `{"id": "s1", "title": "again"}`).expect(t, http.StatusGone)
	})
}

func TestProjectsAndMembers(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		list := e.do("bob", "GET", "/api/projects", "").expect(t, http.StatusOK).json(t)
		if ps := list["projects"].([]any); len(ps) != 1 || ps[0].(map[string]any)["role"] != "editor" {
			t.Errorf("bob's projects %v", list)
		}
		e.do("bob", "POST", "/api/projects", `{"slug": "bobs", "title": "Bob's"}`).expect(t, http.StatusCreated)
		e.do("bob", "POST", "/api/projects", `{"slug": "bobs"}`).expect(t, http.StatusConflict)
		e.do("bob", "POST", "/api/projects", `{"slug": "../x"}`).expect(t, http.StatusBadRequest)
		e.do("alice", "PUT", "/api/projects/desk/members/mallory", `{"role": "viewer"}`).expect(t, http.StatusOK)
		e.do("mallory", "GET", desk, "").expect(t, http.StatusOK)
		e.do("alice", "PUT", "/api/projects/desk/members/nobody", `{"role": "viewer"}`).expect(t, http.StatusUnprocessableEntity)
		e.do("alice", "PUT", "/api/projects/desk/members/mallory", `{"role": "owner"}`).expect(t, http.StatusBadRequest)
		e.do("alice", "DELETE", "/api/projects/desk/members/mallory", "").expect(t, http.StatusNoContent)
		e.do("mallory", "GET", desk, "").expect(t, http.StatusNotFound)
		e.do("alice", "DELETE", "/api/projects/desk/members/alice", "").expect(t, http.StatusConflict) // the last admin
		ms := e.do("vera", "GET", "/api/projects/desk/members", "").expect(t, http.StatusOK).json(t)
		if n := len(ms["members"].([]any)); n != 3 {
			t.Errorf("%d members: %v", n, ms)
		}
	})
}

func TestPushIsIdempotent(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		ann := strings.Replace(minimalAnnotation, `"type"`, `"id": "urn:uuid:0b0e0f00-aaaa-4bbb-8ccc-dddddddddddd", "type"`, 1)
		push := `{"device": "laptop", "changes": [
			{"changeId": "c1", "kind": "story", "op": "put", "id": "s1", "story": {"title": "T"}},
			{"changeId": "c2", "kind": "revision", "op": "put", "id": "r1", "storyId": "s1", "revision": {"date": "2026-12-01", "text": "Words."}},
			{"changeId": "c3", "kind": "annotation", "op": "put", "id": "0b0e0f00-aaaa-4bbb-8ccc-dddddddddddd", "annotation": ` + ann + `}]}`
		first := e.do("bob", "POST", "/api/projects/desk/push", push).expect(t, http.StatusOK).json(t)
		again := e.do("bob", "POST", "/api/projects/desk/push", push).expect(t, http.StatusOK).json(t)
		for i, want := range []string{"applied", "replayed"} {
			res := []map[string]any{first, again}[i]["results"].([]any)
			for _, r := range res {
				if r.(map[string]any)["status"] != want {
					t.Errorf("push %d: %v, want all %s", i+1, res, want)
				}
			}
		}
		c := e.do("vera", "GET", desk, "").json(t)
		if c["total"] != 1.0 {
			t.Errorf("after a retried push the container holds %v annotations, want 1", c["total"])
		}
		got := e.do("vera", "GET", desk+"0b0e0f00-aaaa-4bbb-8ccc-dddddddddddd", "").expect(t, http.StatusOK).json(t)
		if got["via"] != "urn:uuid:0b0e0f00-aaaa-4bbb-8ccc-dddddddddddd" {
			t.Errorf("the app's id is not kept as via: %v", got["via"])
		}
		seq := first["results"].([]any)[2].(map[string]any)["seq"]

		// A change based on a stale seq conflicts and returns what is stored.
		edit := func(id string, base any) string {
			return fmt.Sprintf(`{"changes": [{"changeId": %q, "kind": "annotation", "op": "put", "id": "0b0e0f00-aaaa-4bbb-8ccc-dddddddddddd", "baseSeq": %v, "annotation": %s}]}`, id, base, ann)
		}
		ok := e.do("alice", "POST", "/api/projects/desk/push", edit("c4", seq)).json(t)["results"].([]any)[0].(map[string]any)
		stale := e.do("bob", "POST", "/api/projects/desk/push", edit("c5", seq)).json(t)["results"].([]any)[0].(map[string]any)
		if ok["status"] != "applied" || stale["status"] != "conflict" || stale["current"] == nil {
			t.Errorf("edit: %v; stale edit: %v", ok, stale)
		}
		bad := e.do("bob", "POST", "/api/projects/desk/push", `{"changes": [{"changeId": "c6", "kind": "annotation", "op": "put", "id": "x1", "annotation": {"type": "Annotation"}}]}`).json(t)
		if r := bad["results"].([]any)[0].(map[string]any); r["status"] != "invalid" || r["problems"] == nil {
			t.Errorf("invalid annotation pushed: %v", r)
		}
		hist := e.do("vera", "GET", "/api/projects/desk/annotations/0b0e0f00-aaaa-4bbb-8ccc-dddddddddddd/history", "").expect(t, http.StatusOK).json(t)
		h := hist["history"].([]any)
		if len(h) != 2 || h[0].(map[string]any)["by"] != "bob" || h[0].(map[string]any)["device"] != "laptop" || h[1].(map[string]any)["by"] != "alice" {
			t.Errorf("history %v", h)
		}
	})
}

func TestChangeFeed(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		start := e.do("vera", "GET", "/api/projects/desk/changes", "").expect(t, http.StatusOK).json(t)
		since := fmt.Sprint(start["last"])
		e.do("bob", "POST", desk, minimalAnnotation, "Slug: a1").expect(t, http.StatusCreated)
		feed := e.do("vera", "GET", "/api/projects/desk/changes?since="+since, "").expect(t, http.StatusOK).json(t)
		cs := feed["changes"].([]any)
		if len(cs) != 1 || cs[0].(map[string]any)["kind"] != "annotation" || cs[0].(map[string]any)["id"] != "a1" {
			t.Fatalf("feed since %s: %v", since, feed)
		}
		last := fmt.Sprint(feed["last"])

		// Long-poll: a write wakes a waiting reader.
		go func() {
			time.Sleep(300 * time.Millisecond)
			e.later("bob", "POST", desk, minimalAnnotation, "Slug: a2")
		}()
		began := time.Now()
		polled := e.do("vera", "GET", "/api/projects/desk/changes?wait=20&since="+last, "").expect(t, http.StatusOK).json(t)
		if cs := polled["changes"].([]any); len(cs) != 1 || cs[0].(map[string]any)["id"] != "a2" {
			t.Errorf("long-poll: %v", polled)
		}
		if time.Since(began) > 10*time.Second {
			t.Errorf("long-poll took %v", time.Since(began))
		}

		// Server-sent events.
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", e.srv.URL+"/api/projects/desk/events?since="+last, nil)
		req.Header.Set("Authorization", "Bearer "+e.tokens["vera"])
		res, err := e.srv.Client().Do(req)
		must(t, err)
		defer res.Body.Close()
		if res.Header.Get("Content-Type") != "text/event-stream" {
			t.Fatalf("events: %s", res.Header.Get("Content-Type"))
		}
		go e.later("bob", "POST", desk, minimalAnnotation, "Slug: a3")
		sc := bufio.NewScanner(res.Body)
		var ids []string
		for sc.Scan() && len(ids) < 2 {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				for _, id := range []string{"a2", "a3"} {
					if strings.Contains(data, `"id":"`+id+`"`) {
						ids = append(ids, id)
					}
				}
			}
		}
		if strings.Join(ids, ",") != "a2,a3" {
			t.Errorf("events: %v, want a2 then a3", ids)
		}
		e.do("vera", "GET", "/api/projects/desk/changes?since=-1", "").expect(t, http.StatusBadRequest)
		e.do("vera", "GET", "/api/projects/desk/changes?wait=600", "").expect(t, http.StatusBadRequest)
	})
}

// A long-poll and an event stream outlive the server's ReadTimeout, which
// bounds reading a request, not waiting for an answer.
func TestEventsOutliveReadTimeout(t *testing.T) {
	e := newEnv(t, "sqlite")
	srv := httptest.NewUnstartedServer(e.srv.Config.Handler)
	srv.Config.ReadTimeout = 500 * time.Millisecond
	srv.Start()
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for _, path := range []string{"/api/projects/desk/events?since=", "/api/projects/desk/changes?wait=10&since="} {
		last := fmt.Sprint(e.do("vera", "GET", "/api/projects/desk/changes", "").json(t)["last"])
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+path+last, nil)
		req.Header.Set("Authorization", "Bearer "+e.tokens["vera"])
		go func() {
			time.Sleep(1500 * time.Millisecond)
			e.later("bob", "POST", desk, minimalAnnotation)
		}()
		res, err := srv.Client().Do(req)
		must(t, err)
		sc := bufio.NewScanner(res.Body)
		found := false
		for sc.Scan() && !found {
			found = strings.Contains(sc.Text(), `"kind":"annotation"`)
		}
		res.Body.Close()
		if !found {
			t.Errorf("%s: no change arrived after the read timeout: %v", path, sc.Err())
		}
	}
}

// A story created with an Idempotency-Key is created once however often
// the request is retried.
func TestCreateStoryRetried(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		body := `{"title": "Retried"}`
		first := e.do("bob", "POST", "/api/projects/desk/stories", body, "Idempotency-Key: k-1").expect(t, http.StatusCreated).json(t)
		again := e.do("bob", "POST", "/api/projects/desk/stories", body, "Idempotency-Key: k-1").expect(t, http.StatusOK).json(t)
		if first["id"] != again["id"] || first["seq"] != again["seq"] {
			t.Errorf("retry answered %v, first %v", again, first)
		}
		list := e.do("vera", "GET", "/api/projects/desk/stories", "").json(t)["stories"].([]any)
		if len(list) != 1 {
			t.Errorf("%d stories after a retried create, want 1", len(list))
		}
	})
}

// Over TLS the session cookie is Secure.
func TestSessionCookieSecureUnderTLS(t *testing.T) {
	e := newEnv(t, "sqlite")
	srv := httptest.NewTLSServer(e.srv.Config.Handler)
	defer srv.Close()
	e = &env{t: t, db: e.db, srv: srv, tokens: e.tokens}
	res := e.do("", "POST", "/api/session", `{"name": "bob", "password": "pw-bob"}`, "Content-Type: application/json").expect(t, http.StatusOK)
	for _, c := range res.Cookies() {
		if c.Name == "redline_session" && (!c.Secure || !c.HttpOnly) {
			t.Errorf("cookie over TLS: %+v", c)
		}
	}
	if len(res.Cookies()) == 0 {
		t.Error("no cookie")
	}
}
