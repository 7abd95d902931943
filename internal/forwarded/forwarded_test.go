package forwarded

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestHandler(t *testing.T) {
	trusted, err := ParseTrusted("127.0.0.1, 10.0.0.0/8,::1")
	if err != nil {
		t.Fatal(err)
	}
	c := Config{Trusted: trusted}
	for _, tc := range []struct {
		name, remote, xff, proto string
		https                    bool
		wantAddr                 string
		wantHTTPS                bool
	}{
		{"no proxy", "192.0.2.1:5000", "", "", false, "192.0.2.1:5000", false},
		{"an untrusted peer's headers are ignored", "192.0.2.1:5000", "203.0.113.9", "https", false, "192.0.2.1:5000", false},
		{"a trusted proxy names the client", "127.0.0.1:5000", "203.0.113.9", "https", false, "203.0.113.9:0", true},
		{"the client's own claim is skipped", "10.1.2.3:5000", "6.6.6.6, 203.0.113.9, 10.0.0.2", "http", false, "203.0.113.9:0", false},
		{"the nearest proxy's scheme counts", "10.1.2.3:5000", "203.0.113.9", "http, https", false, "203.0.113.9:0", true},
		{"a garbled hop ends the chain", "127.0.0.1:5000", "203.0.113.9, junk", "", false, "127.0.0.1:0", false},
		{"no header: the proxy itself", "[::1]:5000", "", "", false, "[::1]:0", false},
		{"IPv6 client", "[::1]:5000", "2001:db8::7", "", false, "[2001:db8::7]:0", false},
		{"--https says so for all", "192.0.2.1:5000", "", "", true, "192.0.2.1:5000", true},
	} {
		c.HTTPS = tc.https
		var gotAddr string
		var gotHTTPS bool
		h := c.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { gotAddr, gotHTTPS = r.RemoteAddr, HTTPS(r) }))
		r := httptest.NewRequest("GET", "http://redline.test/", nil)
		r.RemoteAddr = tc.remote
		if tc.xff != "" {
			r.Header.Set("X-Forwarded-For", tc.xff)
		}
		if tc.proto != "" {
			r.Header.Set("X-Forwarded-Proto", tc.proto)
		}
		h.ServeHTTP(httptest.NewRecorder(), r)
		if gotAddr != tc.wantAddr || gotHTTPS != tc.wantHTTPS {
			t.Errorf("%s: RemoteAddr %q https %v, want %q %v", tc.name, gotAddr, gotHTTPS, tc.wantAddr, tc.wantHTTPS)
		}
	}
}

func TestParseTrusted(t *testing.T) {
	for _, bad := range []string{"localhost", "10.0.0.0/33", "1.2.3"} {
		if _, err := ParseTrusted(bad); err == nil {
			t.Errorf("ParseTrusted(%q) accepted it", bad)
		}
	}
	if p, err := ParseTrusted(""); err != nil || len(p) != 0 {
		t.Errorf(`ParseTrusted("") = %v, %v`, p, err)
	}
}

// FuzzHandler: whatever the headers, the handler does not panic, leaves
// an untrusted peer's address alone, and puts a parseable address in
// place of a trusted one's.
func FuzzHandler(f *testing.F) {
	f.Add("127.0.0.1:1", "203.0.113.9, 10.0.0.1", "https")
	f.Add("[::1]:1", ",,,", "HTTPS,")
	f.Add("192.0.2.1:1", "10.0.0.1", "https")
	trusted, _ := ParseTrusted("127.0.0.1,10.0.0.0/8,::1")
	c := Config{Trusted: trusted}
	f.Fuzz(func(t *testing.T, remote, xff, proto string) {
		h := c.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if _, proxy := c.trusted(remote); !proxy && r.RemoteAddr != remote {
				t.Errorf("an untrusted peer %q became %q", remote, r.RemoteAddr)
			} else if _, err := netip.ParseAddrPort(r.RemoteAddr); proxy && err != nil {
				t.Errorf("RemoteAddr %q: %v", r.RemoteAddr, err)
			}
		}))
		r := httptest.NewRequest("GET", "http://redline.test/", nil)
		r.RemoteAddr = remote
		r.Header.Set("X-Forwarded-For", xff)
		r.Header.Set("X-Forwarded-Proto", proto)
		h.ServeHTTP(httptest.NewRecorder(), r)
	})
}
