package auth

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// ErrBadCredentials is a failed sign-in; it does not say whether the name
// or the password was wrong.
var ErrBadCredentials = errors.New("wrong name or password")

// RetryAfter is the error of a rate-limited sign-in.
type RetryAfter struct{ Until time.Time }

func (e *RetryAfter) Error() string { return ErrTooManyAttempts.Error() }
func (e *RetryAfter) Unwrap() error { return ErrTooManyAttempts }

// Seconds is the Retry-After header value.
func (e *RetryAfter) Seconds(now time.Time) string {
	return strconv.Itoa(max(1, int(e.Until.Sub(now).Seconds()+0.5)))
}

// SignIn checks a name and password and, when they match, starts a session
// and sets its cookie on w. Failures are counted per name and per client
// address; past the limit SignIn refuses without checking (a *RetryAfter).
func (a *Auth) SignIn(w http.ResponseWriter, r *http.Request, name, password string) error {
	if a.origin.Check(r) != nil {
		return ErrCrossSite // another site signing a browser in as someone else
	}
	now := a.now()
	limits := map[string]int{"name:" + name: maxFailures, "addr:" + clientAddr(r): maxAddrFailures}
	for k, limit := range limits {
		if until, blocked := a.limiter.blocked(k, limit, now); blocked {
			return &RetryAfter{Until: until}
		}
	}
	u, err := a.store.User(r.Context(), name)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if !passwordMatches(password, u.PasswordHash) {
		for k := range limits {
			a.limiter.fail(k, now)
		}
		return ErrBadCredentials
	}
	// Only the name's count: signing in to one's own account must not
	// reset the address's count of guesses at others.
	a.limiter.forget("name:" + name)
	secret, hash, err := NewSecret()
	if err != nil {
		return err
	}
	c := store.Credential{Hash: hash, User: u.Name, Kind: store.CredentialSession,
		Label: truncate(r.UserAgent(), 200), Created: now, Expires: now.Add(SessionTTL)}
	if err := a.store.AddCredential(r.Context(), c); err != nil {
		return fmt.Errorf("starting a session: %w", err)
	}
	http.SetCookie(w, &http.Cookie{
		Name: CookieName, Value: secret, Path: "/",
		Expires: c.Expires, MaxAge: int(SessionTTL / time.Second),
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode,
	})
	return nil
}

// SignOut ends the request's session (revoking it in the store, so a
// copied cookie stops working too) and clears the cookie.
func (a *Auth) SignOut(w http.ResponseWriter, r *http.Request) error {
	id := From(r.Context())
	if id.SessionID != "" {
		if err := a.store.DeleteCredential(r.Context(), id.SessionID); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode})
	return nil
}

// clientAddr is the peer's IP address (not the port, which changes per
// connection). Forwarded headers are not trusted: anyone can send them.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// truncate cuts s to at most n bytes without splitting a character.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}
