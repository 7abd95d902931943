package watchapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/server"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/watch"
	"github.com/redline-news/redline/internal/watchapi"
)

// env is a server with the watch routes, alice (admin of desk), vera
// (viewer) and mallory (not a member), and a news site.
type env struct {
	t       *testing.T
	db      *sqlstore.DB
	srv     *httptest.Server
	tokens  map[string]string
	watcher *watch.Watcher
	site    *httptest.Server
	mu      sync.Mutex
	page    string
}

func newEnv(t *testing.T, allowPrivate bool) *env {
	ctx := context.Background()
	e := &env{t: t, db: sqltest.New(t, "sqlite"), tokens: map[string]string{}}
	for _, name := range []string{"alice", "vera", "mallory"} {
		must(t, e.db.CreateUser(ctx, store.User{Name: name}))
		secret, sum, err := auth.NewSecret()
		must(t, err)
		must(t, e.db.AddCredential(ctx, store.Credential{Hash: sum, User: name, Kind: store.CredentialToken}))
		e.tokens[name] = secret
	}
	must(t, e.db.CreateProject(ctx, store.Project{Slug: "desk", Title: "Desk"}, "alice"))
	must(t, e.db.SetMember(ctx, store.Actor{User: "alice"}, store.Member{Project: "desk", User: "vera", Role: store.RoleViewer}))
	e.page = "“We will not raise taxes this year,” said Mayor Jane Ortiz to reporters outside City Hall on Tuesday evening."
	e.site = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/go" {
			http.Redirect(w, r, "/story", http.StatusFound)
			return
		}
		e.mu.Lock()
		defer e.mu.Unlock()
		fmt.Fprintf(w, "<html><head><title>Taxes</title></head><body><article><h1>Taxes</h1><p>%s</p></article></body></html>", e.page)
	}))
	t.Cleanup(e.site.Close)
	e.watcher = watch.New(e.db, watch.NewFetcher(watch.Options{AllowPrivate: allowPrivate}), watch.Config{Every: time.Minute})
	e.srv = httptest.NewServer(server.New(e.db, nil, server.Options{Watch: &watchapi.Handler{Store: e.db, Watcher: e.watcher}}))
	t.Cleanup(e.srv.Close)
	return e
}

func (e *env) do(user, method, path, body string) (int, string) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, strings.NewReader(body))
	must(e.t, err)
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[user])
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	must(e.t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	must(e.t, err)
	return resp.StatusCode, string(data)
}

func TestRefusesPrivateWithoutTheFlag(t *testing.T) {
	e := newEnv(t, false)
	for _, path := range []string{"/story", "/go"} {
		code, body := e.do("alice", "POST", "/api/projects/desk/watches", `{"url":"`+e.site.URL+path+`"}`)
		if code != 400 || !strings.Contains(body, "loopback address: refused") {
			t.Errorf("%s: %d %s", path, code, body)
		}
	}
	if code, body := e.do("alice", "GET", "/api/projects/desk/watches", ""); code != 200 || body != `{"watches":[]}`+"\n" {
		t.Errorf("watches after refusals: %d %s", code, body)
	}
	if code, body := e.do("alice", "PUT", "/api/projects/desk/webhook", `{"url":"http://10.0.0.1/hook"}`); code != 400 || !strings.Contains(body, "private address") {
		t.Errorf("a private webhook: %d %s", code, body)
	}
}

func TestWebhookSetting(t *testing.T) {
	e := newEnv(t, true)
	for _, c := range []struct {
		user, method, body string
		code               int
		want               string
	}{
		{"vera", "PUT", `{"url":"https://hooks.example/a"}`, 403, ""},
		{"vera", "GET", "", 403, ""},
		{"mallory", "GET", "", 404, ""},
		{"alice", "PUT", `{"url":"ftp://hooks.example/a"}`, 400, "only http and https"},
		{"alice", "PUT", `{"url":"https://hooks.example/a"} x`, 400, "malformed JSON"},
		{"alice", "PUT", `{"url":"https://hooks.example/a"}`, 200, `"https://hooks.example/a"`},
		{"alice", "GET", "", 200, `{"url":"https://hooks.example/a"}`},
		{"alice", "PUT", `{"url":""}`, 200, ""},
		{"alice", "GET", "", 200, `{"url":""}`},
	} {
		code, body := e.do(c.user, c.method, "/api/projects/desk/webhook", c.body)
		if code != c.code || !strings.Contains(body, c.want) {
			t.Errorf("%s %s %s: %d %s, want %d with %q", c.user, c.method, c.body, code, body, c.code, c.want)
		}
	}
}

func TestWatchesAndAlerts(t *testing.T) {
	e := newEnv(t, true)
	url := e.site.URL + "/story"
	for _, c := range []struct {
		user, body string
		code       int
		want       string
	}{
		{"", `{"url":"` + url + `"}`, 401, ""},
		{"mallory", `{"url":"` + url + `"}`, 404, "not found"},
		{"vera", `{"url":"` + url + `"}`, 403, ""},
		{"alice", `{"url":""}`, 400, "url: required"},
		{"alice", `{"url":"` + url + `","x":1}`, 400, "malformed JSON"},
		{"alice", `{"url":"` + url + `"}`, 201, `"storyId"`},
		{"alice", `{"url":"` + url + `"}`, 409, "already watched"},
	} {
		code, body := e.do(c.user, "POST", "/api/projects/desk/watches", c.body)
		if code != c.code || !strings.Contains(body, c.want) {
			t.Fatalf("%s %s: %d %s, want %d with %q", c.user, c.body, code, body, c.code, c.want)
		}
	}
	_, body := e.do("vera", "GET", "/api/projects/desk/watches", "")
	var list struct {
		Watches []struct{ ID, StoryID, URL, LastResult string }
	}
	must(t, json.Unmarshal([]byte(body), &list))
	if len(list.Watches) != 1 || list.Watches[0].URL != url || list.Watches[0].LastResult != "changed" {
		t.Fatalf("watches: %s", body)
	}
	story := list.Watches[0].StoryID

	// Alice annotates the quote through the protocol; the page changes.
	ann := `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","body":{"type":"TextualBody","value":"taxes","purpose":"commenting"},
		"target":{"source":"urn:redline:story:` + story + `","selector":{"type":"TextQuoteSelector","exact":"We will not raise taxes this year"}}}`
	req, _ := http.NewRequest("POST", e.srv.URL+"/annotations/desk/", strings.NewReader(ann))
	req.Header.Set("Authorization", "Bearer "+e.tokens["alice"])
	req.Header.Set("Content-Type", `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`)
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	resp.Body.Close()
	if resp.StatusCode != 201 {
		t.Fatalf("annotation: %d", resp.StatusCode)
	}
	e.mu.Lock()
	e.page = strings.Replace(e.page, "We will not raise", "We do not plan to raise", 1)
	e.mu.Unlock()
	// A watcher whose clock is past the watch's due time fetches it.
	w := watch.New(e.db, watch.NewFetcher(watch.Options{AllowPrivate: true}),
		watch.Config{Every: time.Minute, Now: func() time.Time { return time.Now().Add(2 * time.Minute) }})
	n, err := w.RunDue(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("RunDue: %d, %v", n, err)
	}
	for _, path := range []string{"/api/projects/desk/alerts", "/api/projects/desk/stories/" + story + "/alerts"} {
		code, body := e.do("vera", "GET", path, "")
		if code != 200 || !strings.Contains(body, `"before":"We will not raise taxes this year"`) ||
			!strings.Contains(body, `"after":"We do not plan to raise taxes this year"`) || !strings.Contains(body, `"status":"changed"`) {
			t.Errorf("%s: %d %s", path, code, body)
		}
	}
	if code, body := e.do("mallory", "GET", "/api/projects/desk/alerts", ""); code != 404 {
		t.Errorf("a non-member's alerts: %d %s", code, body)
	}
	if code, body := e.do("vera", "GET", "/api/projects/desk/alerts?limit=0", ""); code != 400 {
		t.Errorf("limit=0: %d %s", code, body)
	}
	code, body := e.do("vera", "GET", "/api/projects/desk/stories/"+story+"/captures", "")
	if code != 200 || strings.Count(body, `"sha256"`) != 2 {
		t.Errorf("captures: %d %s", code, body)
	}
	code, body = e.do("vera", "GET", "/api/projects/desk/stories/"+story+"/warc", "")
	if code != 200 || strings.Count(body, "WARC/1.1\r\n") != 5 || !strings.Contains(body, "We do not plan") {
		t.Errorf("warc: %d %.200q", code, body)
	}
	if code, _ := e.do("vera", "GET", "/api/projects/desk/stories/nope/warc", ""); code != 404 {
		t.Errorf("warc of no story: %d", code)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// An editor stops, resumes and deletes a watch; a viewer may only read
// it; the story it captured stays.
func TestStopResumeDelete(t *testing.T) {
	e := newEnv(t, true)
	code, body := e.do("alice", "POST", "/api/projects/desk/watches", `{"url":"`+e.site.URL+`/story"}`)
	if code != 201 {
		t.Fatalf("add: %d %s", code, body)
	}
	var added struct {
		Watch struct{ ID, StoryID, State string }
	}
	must(t, json.Unmarshal([]byte(body), &added))
	if added.Watch.State != "watching" {
		t.Errorf("a new watch is %q", added.Watch.State)
	}
	path := "/api/projects/desk/watches/" + added.Watch.ID
	for _, c := range []struct {
		user, method, body string
		code               int
		want               string
	}{
		{"vera", "GET", "", 200, `"state":"watching"`},
		{"mallory", "GET", "", 404, ""},
		{"vera", "PATCH", `{"paused":true}`, 403, ""},
		{"alice", "PATCH", `{}`, 400, "paused: required"},
		{"alice", "PATCH", `{"paused":"yes"}`, 400, "malformed JSON"},
		{"alice", "PATCH", `{"paused":true}`, 200, `"state":"paused"`},
		{"vera", "GET", "", 200, `"paused":true`},
		{"alice", "PATCH", `{"paused":false}`, 200, `"state":"watching"`},
		{"vera", "DELETE", "", 403, ""},
		{"alice", "DELETE", "", 204, ""},
		{"alice", "GET", "", 404, ""},
		{"alice", "DELETE", "", 404, ""},
		{"alice", "PATCH", `{"paused":true}`, 404, ""},
	} {
		code, body := e.do(c.user, c.method, path, c.body)
		if code != c.code || !strings.Contains(body, c.want) {
			t.Errorf("%s %s %s: %d %s, want %d with %q", c.user, c.method, c.body, code, body, c.code, c.want)
		}
	}
	if code, _ := e.do("alice", "GET", "/api/projects/desk/watches/..%2Fx", ""); code != 404 {
		t.Errorf("a path trick as watch id: %d", code)
	}
	if code, body := e.do("vera", "GET", "/api/projects/desk/stories/"+added.Watch.StoryID, ""); code != 200 {
		t.Errorf("the story of a deleted watch: %d %s", code, body)
	}
}

// The project's admin sees each webhook delivery with how its attempts
// went; a viewer does not.
func TestWebhookDeliveriesListed(t *testing.T) {
	e := newEnv(t, true)
	var posts atomic.Int32
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if posts.Add(1) == 1 {
			w.WriteHeader(http.StatusBadGateway)
		}
	}))
	defer hook.Close()
	if code, body := e.do("alice", "PUT", "/api/projects/desk/webhook", `{"url":"`+hook.URL+`"}`); code != 200 {
		t.Fatalf("webhook: %d %s", code, body)
	}
	code, body := e.do("alice", "POST", "/api/projects/desk/watches", `{"url":"`+e.site.URL+`/story"}`)
	var added struct{ Watch struct{ StoryID string } }
	if code != 201 || json.Unmarshal([]byte(body), &added) != nil {
		t.Fatalf("add: %d %s", code, body)
	}
	ann := `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","body":{"type":"TextualBody","value":"taxes","purpose":"commenting"},
		"target":{"source":"urn:redline:story:` + added.Watch.StoryID + `","selector":{"type":"TextQuoteSelector","exact":"We will not raise taxes this year"}}}`
	req, _ := http.NewRequest("POST", e.srv.URL+"/annotations/desk/", strings.NewReader(ann))
	req.Header.Set("Authorization", "Bearer "+e.tokens["alice"])
	req.Header.Set("Content-Type", "application/ld+json")
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	resp.Body.Close()
	e.mu.Lock()
	e.page = strings.Replace(e.page, "We will not raise", "We do not plan to raise", 1)
	e.mu.Unlock()
	later := time.Now().Add(2 * time.Minute)
	w := watch.New(e.db, watch.NewFetcher(watch.Options{AllowPrivate: true}), watch.Config{Every: time.Minute, Now: func() time.Time { return later }})
	_, err = w.RunDue(context.Background())
	must(t, err)
	code, body = e.do("alice", "GET", "/api/projects/desk/webhook/deliveries", "")
	if code != 200 || !strings.Contains(body, `"state":"pending"`) || !strings.Contains(body, `"lastStatus":502`) ||
		!strings.Contains(body, `"attempts":1`) || !strings.Contains(body, `"before":"We will not raise taxes this year"`) {
		t.Fatalf("deliveries after a failed post: %d %s", code, body)
	}
	later = later.Add(time.Minute)
	_, err = w.DeliverDue(context.Background())
	must(t, err)
	if code, body := e.do("alice", "GET", "/api/projects/desk/webhook/deliveries", ""); code != 200 || !strings.Contains(body, `"state":"delivered"`) ||
		!strings.Contains(body, `"attempts":2`) {
		t.Errorf("deliveries after the retry: %d %s", code, body)
	}
	if code, _ := e.do("vera", "GET", "/api/projects/desk/webhook/deliveries", ""); code != 403 {
		t.Errorf("a viewer reads deliveries: %d", code)
	}
}
