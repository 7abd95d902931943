package auth

import (
	"cmp"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/forwarded"
	"github.com/redline-news/redline/internal/store"
)

// ErrBadCredentials is a failed sign-in; it does not say whether the name
// or the password was wrong.
var ErrBadCredentials = errors.New("wrong name or password")

// RetryAfter is the error of a rate-limited sign-in.
type RetryAfter struct{ Until time.Time }

func (e *RetryAfter) Error() string {
	return fmt.Sprintf("too many failed sign-ins for this name or from this address: try again after %s", e.Until.UTC().Format("15:04:05 UTC"))
}
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
	limits := signInLimits(name, addrKey(ClientAddr(r)))
	if until, blocked, err := a.blocked(r.Context(), limits, now); err != nil || blocked {
		return cmp.Or(err, error(&RetryAfter{Until: until}))
	}
	u, err := a.store.User(r.Context(), name)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if !passwordMatches(password, u.PasswordHash) {
		return cmp.Or(a.failed(r.Context(), limits, now), ErrBadCredentials)
	}
	// Only the name's count: signing in to one's own account must not
	// reset the address's count of guesses at others.
	if err := a.store.ClearSignInFailures(r.Context(), limits[0].key); err != nil {
		return err
	}
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
		HttpOnly: true, Secure: forwarded.HTTPS(r), SameSite: http.SameSiteLaxMode,
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
		HttpOnly: true, Secure: forwarded.HTTPS(r), SameSite: http.SameSiteLaxMode})
	return nil
}

// ClientAddr is the peer's IP address (not the port, which changes per
// connection). Forwarded headers are not read here: anyone can send them
// (internal/forwarded puts a trusted proxy's client in RemoteAddr).
func ClientAddr(r *http.Request) string {
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
