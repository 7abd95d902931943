package watch_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
)

// site is a local news site whose article the test edits between fetches.
type site struct {
	*httptest.Server
	mu      sync.Mutex
	page    string
	version int
	hits    atomic.Int64 // requests for the article
	robots  string
}

func newSite(t *testing.T, page string) *site {
	s := &site{page: page, version: 1}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.robots == "" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, s.robots)
	})
	mux.HandleFunc("/news/budget", func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		s.mu.Lock()
		page, etag := s.page, fmt.Sprintf(`"v%d"`, s.version)
		s.mu.Unlock()
		if !strings.Contains(r.UserAgent(), "Redline") {
			http.Error(w, "no user agent", http.StatusForbidden)
			return
		}
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/go", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// edit replaces the article (a new ETag).
func (s *site) edit(page string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.page = page
	s.version++
}

// touch serves the same article under a new ETag, as a site that
// re-renders pages does: a 200 whose text did not change.
func (s *site) touch() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.version++
}

// clock is a fake clock the tests move by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// articlePage is an HTML news page with the given paragraphs.
func articlePage(canonical string, paragraphs ...string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>Council approves budget</title>`)
	if canonical != "" {
		fmt.Fprintf(&b, `<link rel="canonical" href="%s">`, canonical)
	}
	b.WriteString(`</head><body><nav><a href="/">Home</a></nav><article><h1>Council approves budget</h1>`)
	for _, p := range paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article><footer>© The Gazette</footer></body></html>`)
	return b.String()
}

const (
	pVote    = "The city council voted on Tuesday to approve the new budget after a long debate that lasted well into the evening hours at City Hall."
	pQuote   = "“We will not raise taxes this year,” said Mayor Jane Ortiz, speaking to reporters outside City Hall after the vote had been counted."
	pQuote2  = "“We do not plan to raise taxes this year,” said Mayor Jane Ortiz, speaking to reporters outside City Hall after the vote had been counted."
	pParks   = "The budget includes new funding for parks, libraries and road repairs across all five districts of the city, officials said."
	pCritics = "Critics said the plan relies on optimistic revenue forecasts for the coming year. Some council members voted against it."
	pCritic2 = "Critics said the plan relies on optimistic revenue forecasts for the coming year."
)

func storyNamed(id, title string) annotation.Story { return annotation.Story{ID: id, Title: title} }

// newClock is a fake clock that starts at the real time: the store stamps
// the records it writes with the real clock, and the watcher compares
// those stamps with the times of the revisions it adds on the fake one
// (which revision an annotation without one was made on), so the two must
// not drift apart by more than the test moves the fake clock.
func newClock() *clock { return &clock{now: time.Now().UTC().Truncate(time.Second)} }
