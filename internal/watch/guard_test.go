package watch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestPublicAddr(t *testing.T) {
	for _, c := range []struct {
		ip     string
		public bool
	}{
		{"8.8.8.8", true}, {"1.1.1.1", true}, {"2606:4700:4700::1111", true}, {"93.184.215.14", true},
		{"127.0.0.1", false}, {"127.8.9.10", false}, {"::1", false}, {"10.0.0.1", false}, {"172.16.5.4", false},
		{"192.168.1.1", false}, {"169.254.169.254", false}, {"fe80::1", false}, {"fc00::1", false}, {"fd12::1", false},
		{"0.0.0.0", false}, {"::", false}, {"224.0.0.1", false}, {"ff02::1", false}, {"100.64.0.1", false},
		{"255.255.255.255", false}, {"::ffff:127.0.0.1", false}, {"::ffff:10.0.0.1", false}, {"192.0.2.1", false},
		{"198.18.0.1", false}, {"2001:db8::1", false},
		{"64:ff9b::808:808", true}, {"64:ff9b::a00:1", false}, {"64:ff9b::7f00:1", false}, // NAT64 of 8.8.8.8, 10.0.0.1, 127.0.0.1
		{"2002:808:808::1", true}, {"2002:a9fe:a9fe::1", false}, // 6to4 of 8.8.8.8, 169.254.169.254
	} {
		err := PublicAddr(netip.MustParseAddr(c.ip))
		if (err == nil) != c.public {
			t.Errorf("PublicAddr(%s) = %v, want public %v", c.ip, err, c.public)
		}
		if err != nil && !errors.Is(err, ErrPrivate) {
			t.Errorf("PublicAddr(%s) = %v, not ErrPrivate", c.ip, err)
		}
	}
}

// The check runs on the address being dialled, after name resolution:
// whatever name led there, a loopback connection is refused.
func TestDialRefusesResolvedPrivate(t *testing.T) {
	s := httptest.NewServer(http.NotFoundHandler())
	defer s.Close()
	addr := s.Listener.Addr().(*net.TCPAddr)
	_, err := newDialer(false).DialContext(context.Background(), "tcp", addr.String())
	if !errors.Is(err, ErrPrivate) {
		t.Fatalf("dial %s: %v, want ErrPrivate", addr, err)
	}
	c, err := newDialer(true).DialContext(context.Background(), "tcp", addr.String())
	if err != nil {
		t.Fatalf("dial %s with private allowed: %v", addr, err)
	}
	c.Close()
}

func FuzzPublicAddr(f *testing.F) {
	f.Add([]byte{127, 0, 0, 1})
	f.Add(netip.MustParseAddr("64:ff9b::a00:1").AsSlice())
	f.Fuzz(func(t *testing.T, b []byte) {
		ip, ok := netip.AddrFromSlice(b)
		if !ok {
			return
		}
		if err := PublicAddr(ip); err != nil && !errors.Is(err, ErrPrivate) {
			t.Fatalf("%s: %v is not ErrPrivate", ip, err)
		}
		if ip.Unmap().Is4() && ip.Unmap().As4()[0] == 127 && PublicAddr(ip) == nil {
			t.Fatalf("%s passed", ip)
		}
	})
}
