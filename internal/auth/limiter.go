package auth

import (
	"context"
	"net/netip"
	"time"
)

// Sign-in limits: after maxFailures failed attempts within failureWindow
// for one name (or maxAddrFailures from one client address, which a
// newsroom's NAT may share), further attempts are refused until the
// window has passed since the first of them. The counts live in the
// database (FailureStore), so they hold across every server process and
// restarts. Attempts checked at the same moment may each pass the check
// before any is counted: at most the password checks that run at once
// (see checking) get past a limit.
const (
	maxFailures     = 5
	maxAddrFailures = 20
	failureWindow   = 15 * time.Minute
)

// FailureStore counts failed sign-ins per key (*sqlstore.DB).
type FailureStore interface {
	SignInFailures(ctx context.Context, key string) (int, time.Time, error)
	AddSignInFailure(ctx context.Context, now time.Time, window time.Duration, keys ...string) error
	ClearSignInFailures(ctx context.Context, key string) error
}

// limit is one count a sign-in is held to.
type limit struct {
	key string
	max int
}

// signInLimits are the counts a sign-in as name from addr is held to.
func signInLimits(name, addr string) []limit {
	return []limit{{"name:" + name, maxFailures}, {"addr:" + addr, maxAddrFailures}}
}

// blocked reports the first of limits that is used up, and until when.
func (a *Auth) blocked(ctx context.Context, limits []limit, now time.Time) (time.Time, bool, error) {
	for _, l := range limits {
		n, since, err := a.store.SignInFailures(ctx, l.key)
		if err != nil {
			return time.Time{}, false, err
		}
		if until := since.Add(failureWindow); n >= l.max && now.Before(until) {
			return until, true, nil
		}
	}
	return time.Time{}, false, nil
}

// failed counts a failed sign-in against every limit.
func (a *Auth) failed(ctx context.Context, limits []limit, now time.Time) error {
	keys := make([]string, len(limits))
	for i, l := range limits {
		keys[i] = l.key
	}
	return a.store.AddSignInFailure(context.WithoutCancel(ctx), now, failureWindow, keys...)
}

// addrKey is the part of a client address one person controls: the
// address itself for IPv4, its /64 for IPv6 (a home or a phone is
// given a whole /64, so counting single IPv6 addresses would give an
// attacker billions of tries).
func addrKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return addr
	}
	ip = ip.Unmap()
	if ip.Is4() {
		return ip.String()
	}
	p, _ := ip.Prefix(64)
	return p.String()
}
