package watch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/watch"
)

func TestFetchConditional(t *testing.T) {
	s := newSite(t, articlePage("", pVote))
	f := watch.NewFetcher(watch.Options{AllowPrivate: true})
	ctx := context.Background()
	res, err := f.Fetch(ctx, watch.Request{URL: s.URL + "/news/budget"})
	must(t, err)
	if res.NotModified || res.Status != 200 || res.ETag() != `"v1"` || !strings.Contains(string(res.Body), pVote) {
		t.Fatalf("first fetch: %+v", res)
	}
	res, err = f.Fetch(ctx, watch.Request{URL: s.URL + "/news/budget", ETag: res.ETag()})
	must(t, err)
	if !res.NotModified || res.Body != nil {
		t.Fatalf("conditional fetch of an unchanged page: %+v", res)
	}
	s.edit(articlePage("", pQuote))
	res, err = f.Fetch(ctx, watch.Request{URL: s.URL + "/news/budget", ETag: `"v1"`})
	must(t, err)
	if res.NotModified || !strings.Contains(string(res.Body), "We will not") {
		t.Fatalf("conditional fetch of a changed page: %+v", res)
	}
}

func TestFetchRefusesPrivate(t *testing.T) {
	s := newSite(t, articlePage("", pVote))
	f := watch.NewFetcher(watch.Options{})
	ctx := context.Background()
	for _, url := range []string{
		s.URL + "/news/budget",                    // 127.0.0.1 literal
		"http://localhost:1/news",                 // a name for loopback
		"http://[::1]:1/",                         // IPv6 loopback
		"http://169.254.169.254/latest/meta-data", // cloud metadata
		"http://10.1.2.3/", "http://192.168.0.1/", "http://0.0.0.0/", "http://[fe80::1]/", "http://224.0.0.1/",
	} {
		_, err := f.Fetch(ctx, watch.Request{URL: url})
		if !errors.Is(err, watch.ErrPrivate) {
			t.Errorf("%s: err = %v, want ErrPrivate", url, err)
		}
	}
	if s.hits.Load() != 0 {
		t.Errorf("the private site was reached %d times", s.hits.Load())
	}
}

// A public-looking first hop that redirects to a private address is
// refused at the redirect (guard_test.go checks the resolved address at
// dial time).
func TestFetchRefusesRedirectToPrivate(t *testing.T) {
	private := newSite(t, articlePage("", pVote))
	// The redirector is reached through a transport that pretends it is
	// public, so only the redirect check stands between it and private.
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, private.URL+"/news/budget", http.StatusFound)
	}))
	defer redirector.Close()
	f := watch.NewFetcher(watch.Options{Transport: rewriteTo(redirector.URL)})
	_, err := f.Fetch(context.Background(), watch.Request{URL: "http://news.example/story"})
	if !errors.Is(err, watch.ErrPrivate) || !strings.Contains(err.Error(), "redirect to") {
		t.Fatalf("err = %v, want a refused redirect", err)
	}
	if private.hits.Load() != 0 {
		t.Errorf("the private site was reached")
	}
}

func TestFetchLimits(t *testing.T) {
	huge := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("<p>word</p>", 10000)))
	}))
	defer huge.Close()
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	defer close(release)
	loop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/again", http.StatusFound)
	}))
	defer loop.Close()
	gone := httptest.NewServer(http.NotFoundHandler())
	defer gone.Close()
	f := watch.NewFetcher(watch.Options{AllowPrivate: true, MaxBytes: 1000, Timeout: 200 * time.Millisecond, MaxRedirects: 3})
	for _, c := range []struct{ url, want string }{
		{huge.URL, "larger than 1000 bytes"},
		{slow.URL, "timed out"},
		{loop.URL, "more than 3 redirects"},
		{gone.URL, "404 Not Found"},
		{"ftp://example.com/", "only http and https"},
		{"http:///nohost", "no host"},
	} {
		_, err := f.Fetch(context.Background(), watch.Request{URL: c.url, IgnoreRobots: true})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.url, err, c.want)
		}
	}
}

func TestFetchHonoursRobots(t *testing.T) {
	s := newSite(t, articlePage("", pVote))
	s.robots = "User-agent: *\nDisallow: /news/\n"
	f := watch.NewFetcher(watch.Options{AllowPrivate: true})
	_, err := f.Fetch(context.Background(), watch.Request{URL: s.URL + "/news/budget"})
	if err == nil || !strings.Contains(err.Error(), "robots.txt") || s.hits.Load() != 0 {
		t.Fatalf("err = %v (hits %d), want refused by robots.txt", err, s.hits.Load())
	}
	if _, err := f.Fetch(context.Background(), watch.Request{URL: s.URL + "/news/budget", IgnoreRobots: true}); err != nil {
		t.Fatalf("a watch told to ignore robots.txt: %v", err)
	}
}

// rewriteTo sends every request to target, whatever its URL says.
type rewriteTo string

func (r rewriteTo) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != "news.example" {
		return http.DefaultTransport.RoundTrip(req)
	}
	out := req.Clone(req.Context())
	out.URL.Scheme, out.URL.Host = "http", strings.TrimPrefix(string(r), "http://")
	return http.DefaultTransport.RoundTrip(out)
}

// Requests to one host go one at a time, however many watches want it.
func TestFetchOneAtATimePerHost(t *testing.T) {
	var mu sync.Mutex
	active, most := 0, 0
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		active++
		most = max(most, active)
		mu.Unlock()
		time.Sleep(5 * time.Millisecond) // long enough for others to pile in if they could
		mu.Lock()
		active--
		mu.Unlock()
		w.Write([]byte(articlePage("", pVote)))
	}))
	defer s.Close()
	f := watch.NewFetcher(watch.Options{AllowPrivate: true})
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := f.Fetch(context.Background(), watch.Request{URL: fmt.Sprintf("%s/story/%d", s.URL, i), IgnoreRobots: true})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if most != 1 {
		t.Errorf("%d requests at once to one host, want 1", most)
	}
}

// A Last-Modified that is as old as the response cannot tell an edit in
// the same second apart: it is not sent back.
func TestLastModifiedTrust(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		lm, date string
		want     bool
	}{
		{now.Add(-time.Hour).Format(http.TimeFormat), now.Format(http.TimeFormat), true},
		{now.Format(http.TimeFormat), now.Format(http.TimeFormat), false},
		{now.Add(-time.Second).Format(http.TimeFormat), now.Format(http.TimeFormat), false},
		{"yesterday", now.Format(http.TimeFormat), false},
	} {
		r := &watch.Result{Fetched: now, Header: http.Header{"Last-Modified": {c.lm}, "Date": {c.date}}}
		if got := r.LastModified() != ""; got != c.want {
			t.Errorf("Last-Modified %q, Date %q: sent %v, want %v", c.lm, c.date, got, c.want)
		}
	}
}
