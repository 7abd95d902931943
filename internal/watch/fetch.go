package watch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Fetcher defaults.
const (
	DefaultUserAgent    = "Redline/1.0 (+https://github.com/redline-news/redline; newsroom revision watcher)"
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultMaxRedirects = 5
	dialTimeout         = 10 * time.Second
)

// Options tune a Fetcher; zero values take the defaults.
type Options struct {
	UserAgent    string
	Timeout      time.Duration // the whole request, body included
	MaxBytes     int64         // larger pages are refused
	MaxRedirects int
	// AllowPrivate lets the fetcher reach loopback, private and other
	// non-public addresses (tests, intranets).
	AllowPrivate bool
	// Now is the clock robots.txt expiry is measured on.
	Now func() time.Time
	// Transport replaces the network (tests); the address guard is then
	// the transport's business.
	Transport http.RoundTripper
}

// Fetcher fetches pages politely and safely: a User-Agent naming Redline,
// conditional requests, a timeout, a size cap, a bounded number of
// redirects, one request at a time per host, robots.txt honoured, and only
// public addresses (checked on the resolved address of every connection).
type Fetcher struct {
	opt    Options
	client *http.Client
	hosts  hostLocks
	robots robotsCache
}

// NewFetcher returns a Fetcher with opt.
func NewFetcher(opt Options) *Fetcher {
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxRedirects <= 0 {
		opt.MaxRedirects = DefaultMaxRedirects
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	rt := opt.Transport
	if rt == nil {
		rt = &http.Transport{
			Proxy:                 nil, // a proxy would connect for us, past the address check
			DialContext:           newDialer(opt.AllowPrivate).DialContext,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: opt.Timeout,
			MaxIdleConnsPerHost:   1,
			IdleConnTimeout:       90 * time.Second,
			DisableCompression:    true, // keep the bytes exactly as the server sent them
		}
	}
	f := &Fetcher{opt: opt}
	f.client = &http.Client{Transport: rt, Timeout: opt.Timeout, CheckRedirect: f.checkRedirect}
	f.robots = robotsCache{entries: map[string]robotsEntry{}}
	return f
}

// Request is one page to fetch, with the validators of the last fetch.
type Request struct {
	URL                string
	ETag, LastModified string
	IgnoreRobots       bool
}

// Result is a fetched page as evidence: what was sent and received.
type Result struct {
	URL, FinalURL  string
	Fetched        time.Time
	Status         int
	NotModified    bool   // 304: nothing else is set but the header
	RequestHeader  string // request line and header as sent (CRLF lines)
	ResponseHeader string // status line and header as received (CRLF lines)
	Header         http.Header
	Body           []byte
	SHA256         string
}

// ETag is the validator to send next time.
func (r *Result) ETag() string { return r.Header.Get("ETag") }

// LastModified is the date to send as If-Modified-Since next time, or ""
// when it cannot be trusted: HTTP dates have whole seconds, so a page
// modified within a second or two of being served may change again in
// the same second and still be answered 304 (RFC 9110 §13.2.2's caveat).
func (r *Result) LastModified() string {
	lm := r.Header.Get("Last-Modified")
	t, err := http.ParseTime(lm)
	if err != nil {
		return ""
	}
	served := r.Fetched
	if d, err := http.ParseTime(r.Header.Get("Date")); err == nil {
		served = d
	}
	if served.Sub(t) < 2*time.Second {
		return ""
	}
	return lm
}

// CheckURL refuses what the fetcher will never fetch, before any network
// use: other schemes than http and https, no host, and (unless private
// addresses are allowed) a literal non-public address.
func (f *Fetcher) CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%q is not a URL: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%q: only http and https URLs can be watched", raw)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("%q: the URL has no host", raw)
	}
	if !f.opt.AllowPrivate {
		if ip, err := netip.ParseAddr(strings.Trim(u.Hostname(), "[]")); err == nil {
			if err := PublicAddr(ip); err != nil {
				return nil, fmt.Errorf("%s: %w", raw, err)
			}
		}
		if h := strings.ToLower(u.Hostname()); h == "localhost" || strings.HasSuffix(h, ".localhost") {
			return nil, fmt.Errorf("%s: localhost is a loopback address: %w", raw, ErrPrivate)
		}
	}
	return u, nil
}

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.opt.MaxRedirects {
		return fmt.Errorf("more than %d redirects", f.opt.MaxRedirects)
	}
	if _, err := f.CheckURL(req.URL.String()); err != nil {
		return fmt.Errorf("redirect to %w", err)
	}
	return nil
}

// Fetch gets one page. A 304 answer to the validators is a Result with
// NotModified; any other status than 2xx is an error, as is a page over
// the size cap or one robots.txt disallows.
func (f *Fetcher) Fetch(ctx context.Context, req Request) (*Result, error) {
	u, err := f.CheckURL(req.URL)
	if err != nil {
		return nil, err
	}
	unlock, err := f.hosts.lock(ctx, u.Host)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if !req.IgnoreRobots {
		rules := f.robotsFor(ctx, u)
		if !rules.Allowed(u.RequestURI()) {
			return nil, fmt.Errorf("%s: robots.txt of %s disallows Redline here (the watch can be told to ignore it)", req.URL, u.Host)
		}
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("User-Agent", f.opt.UserAgent)
	hreq.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,*/*;q=0.5")
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	res := &Result{URL: req.URL, Fetched: f.opt.Now().UTC()}
	resp, err := f.client.Do(hreq)
	if err != nil {
		return nil, fetchError(err)
	}
	defer resp.Body.Close()
	res.FinalURL, res.Status, res.Header = resp.Request.URL.String(), resp.StatusCode, resp.Header
	res.RequestHeader, res.ResponseHeader = requestHead(resp.Request), responseHead(resp)
	if resp.StatusCode == http.StatusNotModified {
		res.NotModified = true
		return res, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("%s: the server answered %s", res.FinalURL, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opt.MaxBytes+1))
	if err != nil {
		return nil, fetchError(err)
	}
	if int64(len(body)) > f.opt.MaxBytes {
		return nil, fmt.Errorf("%s: the page is larger than %d bytes", res.FinalURL, f.opt.MaxBytes)
	}
	sum := sha256.Sum256(body)
	res.Body, res.SHA256 = body, hex.EncodeToString(sum[:])
	return res, nil
}

// fetchError keeps the reason of a failed request readable: the URL
// error's own text already names the URL.
func fetchError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Timeout() {
		return fmt.Errorf("%s: timed out: %w", ue.URL, err)
	}
	return err
}

// requestHead is the request line and header as sent.
func requestHead(r *http.Request) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", r.Method, r.URL.RequestURI(), r.URL.Host)
	r.Header.Write(&b)
	return b.String()
}

// responseHead is the status line and header as received (Go has taken
// any chunked transfer coding off the body, so that header goes too).
func responseHead(resp *http.Response) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/%d.%d %s\r\n", resp.ProtoMajor, resp.ProtoMinor, resp.Status)
	resp.Header.WriteSubset(&b, map[string]bool{"Transfer-Encoding": true})
	return b.String()
}

// hostLocks lets one request at a time go to each host.
type hostLocks struct {
	mu    sync.Mutex
	hosts map[string]chan struct{}
}

func (h *hostLocks) lock(ctx context.Context, host string) (func(), error) {
	h.mu.Lock()
	if h.hosts == nil {
		h.hosts = map[string]chan struct{}{}
	}
	ch, ok := h.hosts[host]
	if !ok {
		ch = make(chan struct{}, 1)
		h.hosts[host] = ch
	}
	h.mu.Unlock()
	select {
	case ch <- struct{}{}:
		return func() { <-ch }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
