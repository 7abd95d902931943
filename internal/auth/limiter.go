package auth

import (
	"sync"
	"time"
)

// Sign-in limits: after maxFailures failed attempts within failureWindow
// for one name (or maxAddrFailures from one address, which a newsroom's
// NAT may share), further attempts are refused until the window has
// passed since the first of them.
const (
	maxFailures     = 5
	maxAddrFailures = 20
	failureWindow   = 15 * time.Minute
	maxTracked      = 100_000 // bound the memory an attacker can make us use
)

type failures struct {
	count int
	since time.Time
}

// limiter counts failed sign-ins per key in this process. (Several server
// processes each count their own: an attacker gets a few times as many
// attempts, still far too few to guess a password.)
type limiter struct {
	mu   sync.Mutex
	keys map[string]failures
}

func newLimiter() *limiter { return &limiter{keys: map[string]failures{}} }

// blocked reports whether key has used up its limit of attempts, and
// until when.
func (l *limiter) blocked(key string, limit int, now time.Time) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f, ok := l.keys[key]
	if !ok {
		return time.Time{}, false
	}
	until := f.since.Add(failureWindow)
	if !now.Before(until) {
		delete(l.keys, key)
		return time.Time{}, false
	}
	return until, f.count >= limit
}

// fail records a failed attempt for key.
func (l *limiter) fail(key string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f, ok := l.keys[key]
	if !ok || !now.Before(f.since.Add(failureWindow)) {
		if len(l.keys) >= maxTracked {
			l.sweep(now)
		}
		f = failures{since: now}
	}
	f.count++
	l.keys[key] = f
}

// forget clears a key after a successful sign-in.
func (l *limiter) forget(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.keys, key)
}

// sweep drops expired entries; if none expired, it drops everything
// rather than grow without bound.
func (l *limiter) sweep(now time.Time) {
	for k, f := range l.keys {
		if !now.Before(f.since.Add(failureWindow)) {
			delete(l.keys, k)
		}
	}
	if len(l.keys) >= maxTracked {
		clear(l.keys)
	}
}
