package watch

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// ErrPrivate is why a fetch of a non-public address is refused: the
// server must not be a way into the newsroom's own network or its cloud
// metadata service (SSRF). serve --watch-allow-private lifts it.
var ErrPrivate = errors.New("refused: not a public internet address (private addresses are fetched only with serve --watch-allow-private, or --allow-private)")

// SettingAllowPrivate is the server setting (sqlstore Setting) in which
// redline serve records whether its watches may fetch private addresses,
// "true" or "false", for `redline admin watch add` to follow.
const SettingAllowPrivate = "watch-allow-private"

// blocked are the special-purpose ranges (IANA registries) a watch may not
// reach, beyond what netip's own predicates cover.
var blocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local NAT64
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001::/23"),       // IETF protocol assignments (Teredo, ORCHID…)
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
}

// PublicAddr reports why ip may not be fetched, or nil when it is a
// public unicast address. IPv4-mapped IPv6 addresses are judged as IPv4.
func PublicAddr(ip netip.Addr) error {
	ip = ip.Unmap()
	switch {
	case !ip.IsValid():
		return fmt.Errorf("%w: no address", ErrPrivate)
	case ip.IsLoopback():
		return fmt.Errorf("%s is a loopback address: %w", ip, ErrPrivate)
	case ip.IsPrivate():
		return fmt.Errorf("%s is a private address: %w", ip, ErrPrivate)
	case ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast():
		// 169.254.169.254 (cloud metadata) is link-local.
		return fmt.Errorf("%s is a link-local address (cloud metadata lives there): %w", ip, ErrPrivate)
	case ip.IsUnspecified():
		return fmt.Errorf("%s is the unspecified address: %w", ip, ErrPrivate)
	case ip.IsMulticast() || ip.IsInterfaceLocalMulticast():
		return fmt.Errorf("%s is a multicast address: %w", ip, ErrPrivate)
	}
	for _, p := range blocked {
		if p.Contains(ip) {
			return fmt.Errorf("%s is a special-purpose address (%s): %w", ip, p, ErrPrivate)
		}
	}
	// NAT64 and 6to4 addresses carry an IPv4 address a gateway would
	// connect to: that one must be public too.
	if v4, ok := embeddedIPv4(ip); ok {
		if err := PublicAddr(v4); err != nil {
			return fmt.Errorf("%s leads to %w", ip, err)
		}
	}
	return nil
}

var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

func embeddedIPv4(ip netip.Addr) (netip.Addr, bool) {
	b := ip.As16()
	switch {
	case !ip.Is6():
		return netip.Addr{}, false
	case nat64.Contains(ip):
		return netip.AddrFrom4([4]byte(b[12:16])), true
	case sixToFour.Contains(ip):
		return netip.AddrFrom4([4]byte(b[2:6])), true
	}
	return netip.Addr{}, false
}

// dialControl checks the address a connection is about to be made to,
// after name resolution: a name that resolves to a private address (DNS
// rebinding included) is refused here, on every redirect too, because
// every connection passes through it.
func dialControl(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	return PublicAddr(ap.Addr())
}

// newDialer returns the dialer the fetcher connects with; allowPrivate
// skips the address check.
func newDialer(allowPrivate bool) *net.Dialer {
	d := &net.Dialer{Timeout: dialTimeout}
	if !allowPrivate {
		d.Control = dialControl
	}
	return d
}
