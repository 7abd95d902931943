package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/forwarded"
	"github.com/redline-news/redline/internal/server"
)

// Behind a trusted TLS proxy (X-Forwarded-Proto: https) the session
// cookie is Secure and IRIs are https; the same headers from anyone else
// change nothing. The sign-in limit per address counts the client the
// proxy names, not the proxy.
func TestBehindTrustedProxy(t *testing.T) {
	e := newEnv(t, "sqlite")
	loopback := netip.MustParsePrefix("127.0.0.0/8")
	for _, c := range []struct {
		name    string
		cfg     forwarded.Config
		secure  bool
		iriHTTP bool
	}{
		{"a trusted proxy", forwarded.Config{Trusted: []netip.Prefix{loopback}}, true, false},
		{"an untrusted peer", forwarded.Config{Trusted: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}}, false, true},
		{"--https", forwarded.Config{HTTPS: true}, true, false},
	} {
		srv := httptest.NewServer(c.cfg.Handler(server.New(e.db, nil, server.Options{})))
		p := &env{t: t, db: e.db, srv: srv, tokens: e.tokens}
		res := p.do("", "POST", "/api/session", `{"name": "bob", "password": "pw-bob"}`, "Content-Type: application/json",
			"X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.9").expect(t, http.StatusOK)
		if len(res.Cookies()) != 1 || res.Cookies()[0].Secure != c.secure {
			t.Errorf("%s: cookies %v, want Secure %v", c.name, res.Cookies(), c.secure)
		}
		made := p.do("bob", "POST", desk, minimalAnnotation, "X-Forwarded-Proto: https").expect(t, http.StatusCreated)
		if got := strings.HasPrefix(made.Header.Get("Location"), "http://"); got != c.iriHTTP {
			t.Errorf("%s: Location %s", c.name, made.Header.Get("Location"))
		}
		srv.Close()
	}

	srv := httptest.NewServer(forwarded.Config{Trusted: []netip.Prefix{loopback}}.Handler(server.New(e.db, nil, server.Options{})))
	defer srv.Close()
	p := &env{t: t, db: e.db, srv: srv, tokens: e.tokens}
	for i := range 20 { // twenty guesses from one client, at twenty names
		p.do("", "POST", "/api/session", fmt.Sprintf(`{"name": "nobody%d", "password": "x"}`, i), "Content-Type: application/json",
			"X-Forwarded-For: 203.0.113.9").expect(t, http.StatusUnauthorized)
	}
	res := p.do("", "POST", "/api/session", `{"name": "bob", "password": "pw-bob"}`, "Content-Type: application/json",
		"X-Forwarded-For: 203.0.113.9").expect(t, http.StatusTooManyRequests)
	if res.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	// Another client behind the same proxy is not held up.
	p.do("", "POST", "/api/session", `{"name": "bob", "password": "pw-bob"}`, "Content-Type: application/json",
		"X-Forwarded-For: 198.51.100.4").expect(t, http.StatusOK)
}
