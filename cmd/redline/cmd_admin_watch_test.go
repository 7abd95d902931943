//go:build !js

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/watch"
)

// newsSite serves one article the test can edit, and a redirect to it.
func newsSite(t *testing.T, text string) (*httptest.Server, func(string)) {
	var mu sync.Mutex
	page := text
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(w, "<html><head><title>Budget</title></head><body><article><h1>Budget</h1><p>%s</p></article></body></html>", page)
	})
	mux.HandleFunc("/go", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/story", http.StatusFound) })
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s, func(text string) { mu.Lock(); page = text; mu.Unlock() }
}

func TestAdminWatch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	site, _ := newsSite(t, "The council voted on Tuesday to approve the budget after a long debate that lasted into the evening.")
	for _, args := range [][]string{{"user", "add", "alice"}, {"project", "add", "desk", "--owner", "alice"}} {
		if code, _, errOut := runCLI(t, "pw\n", append([]string{"admin", "--db", db}, args...)...); code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	admin := func(args ...string) (int, string, string) {
		return runCLI(t, "", append([]string{"admin", "--db", db}, args...)...)
	}

	// No server has run on this database: a private URL is stored for
	// the first one to fetch or refuse.
	code, out, errOut := admin("watch", "add", "desk", site.URL+"/go")
	if code != 0 || !strings.Contains(out, "not fetched yet") {
		t.Errorf("watch add before any server: exit %d, %q %q", code, out, errOut)
	}
	// A server without --watch-allow-private ran: refused, with why.
	setPolicy(t, db, "false")
	for _, url := range []string{site.URL + "/story", site.URL + "/go?again"} {
		code, out, errOut := admin("watch", "add", "desk", url)
		if code != 1 || out != "" || !strings.Contains(errOut, "loopback address: refused") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("watch add %s without --allow-private: exit %d, %q %q", url, code, out, errOut)
		}
	}
	// One with it ran: the command line follows.
	setPolicy(t, db, "true")
	code, out, errOut = admin("watch", "add", "desk", site.URL+"/story")
	if code != 0 || !strings.Contains(out, "as story ") {
		t.Fatalf("watch add: exit %d, %q %q", code, out, errOut)
	}
	if code, _, errOut := admin("watch", "add", "desk", site.URL+"/story", "--watch-allow-private"); code != 1 || !strings.Contains(errOut, "already watched") {
		t.Errorf("the same URL twice: exit %d, %q", code, errOut)
	}
	if code, _, errOut := admin("stories", "desk", "--allow-private"); code != 2 || !strings.Contains(errOut, "does not take --allow-private") {
		t.Errorf("a stray flag: exit %d, %q", code, errOut)
	}

	code, out, errOut = admin("stories", "desk")
	if code != 0 {
		t.Fatalf("stories: %s", errOut)
	}
	var stories []struct {
		ID, Title, URL string
		Revisions      []struct {
			ID, Date, SHA256 string
			Fetched          string
			Words            int
		}
	}
	if err := json.Unmarshal([]byte(out), &stories); err != nil {
		t.Fatalf("stories: %v in %s", err, out)
	}
	if len(stories) != 1 || stories[0].URL != site.URL+"/story" || len(stories[0].Revisions) != 1 ||
		len(stories[0].Revisions[0].SHA256) != 64 || stories[0].Revisions[0].Fetched == "" || stories[0].Revisions[0].Words != 18 {
		t.Fatalf("stories: %s", out)
	}
	code, out, errOut = admin("warc", stories[0].ID)
	if code != 0 || !strings.HasPrefix(out, "WARC/1.1\r\n") || strings.Count(out, "WARC/1.1\r\n") != 3 ||
		!bytes.Contains([]byte(out), []byte("lasted into the evening")) {
		t.Fatalf("warc: exit %d, %q, %.300q", code, errOut, out)
	}
	if code, _, errOut := admin("warc", "no-such-story"); code != 1 || !strings.Contains(errOut, "not found") {
		t.Errorf("warc of nothing: exit %d, %q", code, errOut)
	}
	if code, _, errOut := admin("stories", "nothing"); code != 1 || !strings.Contains(errOut, "not found") {
		t.Errorf("stories of nothing: exit %d, %q", code, errOut)
	}
}

func TestFetch(t *testing.T) {
	site, _ := newsSite(t, "The council voted on Tuesday to approve the budget.")
	code, out, errOut := runCLI(t, "", "fetch", site.URL+"/go")
	if code != 1 || out != "" || !strings.Contains(errOut, "loopback address: refused") {
		t.Errorf("fetch of a private address: exit %d, %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "", "fetch", "--allow-private", site.URL+"/go")
	if code != 0 {
		t.Fatalf("fetch: exit %d, %q", code, errOut)
	}
	var a struct{ Title, Text string }
	if err := json.Unmarshal([]byte(out), &a); err != nil || a.Text != "The council voted on Tuesday to approve the budget." {
		t.Errorf("fetch printed %s (%v)", out, err)
	}
	if code, _, errOut := runCLI(t, "", "fetch", "ftp://example.com/x"); code != 1 || !strings.Contains(errOut, "only http and https") {
		t.Errorf("fetch ftp: exit %d, %q", code, errOut)
	}
}

func TestServeRefusesBadWatchEvery(t *testing.T) {
	code, _, errOut := runCLI(t, "", "serve", "--watch-every", "0s")
	if code != 2 || !strings.Contains(errOut, "--watch-every") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

// setPolicy records what a server would about private addresses.
func setPolicy(t *testing.T, file, value string) {
	db, err := sqlstore.OpenSQLite(context.Background(), file)
	must(t, err)
	defer db.Close()
	must(t, db.SetSetting(context.Background(), watch.SettingAllowPrivate, value))
}
