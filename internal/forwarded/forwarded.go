// Package forwarded lets Redline run behind a reverse proxy that
// terminates TLS: requests from a trusted proxy are taken to come from
// the client the proxy names (X-Forwarded-For, for the sign-in limits per
// address) over the scheme it names (X-Forwarded-Proto, for Secure
// cookies and https annotation IRIs). Those headers are believed only
// from the proxies configured: anyone else can send them.
package forwarded

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Config says whom to believe.
type Config struct {
	// Trusted are the proxies' networks (e.g. 127.0.0.1/32, 10.0.0.0/8).
	Trusted []netip.Prefix
	// HTTPS: every request reached the public over https (a TLS proxy
	// in front, whatever it sends).
	HTTPS bool
}

// ParseTrusted reads a comma-separated list of addresses or networks
// ("127.0.0.1,10.0.0.0/8"); "" is none.
func ParseTrusted(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		p, err := netip.ParsePrefix(s)
		if err != nil {
			ip, err2 := netip.ParseAddr(s)
			if err2 != nil {
				return nil, fmt.Errorf("trusted proxy %q: not an address or a network such as 10.0.0.0/8", s)
			}
			p = netip.PrefixFrom(ip.Unmap(), ip.Unmap().BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

type httpsKey struct{}

// HTTPS reports whether the client reached the server over https: TLS
// here, or the Config says so.
func HTTPS(r *http.Request) bool {
	on, _ := r.Context().Value(httpsKey{}).(bool)
	return r.TLS != nil || on
}

// Handler applies c to every request before next sees it: RemoteAddr
// becomes the client a trusted proxy names, and HTTPS reports what it
// (or c.HTTPS) says.
func (c Config) Handler(next http.Handler) http.Handler {
	if len(c.Trusted) == 0 && !c.HTTPS {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		https := c.HTTPS
		if peer, ok := c.trusted(r.RemoteAddr); ok {
			if client, ok := c.client(r.Header.Values("X-Forwarded-For")); ok {
				r.RemoteAddr = net.JoinHostPort(client.String(), "0")
			} else {
				r.RemoteAddr = net.JoinHostPort(peer.String(), "0")
			}
			https = https || lastValue(r.Header.Values("X-Forwarded-Proto")) == "https"
		}
		if https {
			r = r.WithContext(context.WithValue(r.Context(), httpsKey{}, true))
		}
		next.ServeHTTP(w, r)
	})
}

// trusted parses a RemoteAddr and reports whether it is a trusted proxy.
func (c Config) trusted(remote string) (netip.Addr, bool) {
	ap, err := netip.ParseAddrPort(remote)
	if err != nil {
		return netip.Addr{}, false
	}
	ip := ap.Addr().Unmap()
	for _, p := range c.Trusted {
		if p.Contains(ip) {
			return ip, true
		}
	}
	return ip, false
}

// client is the address the chain of proxies names: the right-most one
// in X-Forwarded-For that is not itself a trusted proxy (what is left of
// it was written by the client, who may put anything there).
func (c Config) client(values []string) (netip.Addr, bool) {
	hops := strings.Split(strings.Join(values, ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		ip, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return netip.Addr{}, false
		}
		if _, proxy := c.trusted(netip.AddrPortFrom(ip, 0).String()); !proxy {
			return ip.Unmap(), true
		}
	}
	return netip.Addr{}, false
}

// lastValue is the last comma-separated value of a header: the one the
// nearest proxy added.
func lastValue(values []string) string {
	if len(values) == 0 {
		return ""
	}
	parts := strings.Split(values[len(values)-1], ",")
	return strings.ToLower(strings.TrimSpace(parts[len(parts)-1]))
}
