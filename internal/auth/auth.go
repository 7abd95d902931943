package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// Store is what auth needs from the database.
type Store interface {
	User(ctx context.Context, name string) (store.User, error)
	AddCredential(ctx context.Context, c store.Credential) error
	Credential(ctx context.Context, hash string) (store.Credential, error)
	DeleteCredential(ctx context.Context, hash string) error
	Credentials(ctx context.Context, user string) ([]store.Credential, error)
	Role(ctx context.Context, project, user string) (store.Role, error)
	FailureStore
}

// Errors the handlers turn into statuses (see internal/httperr).
var (
	ErrUnauthenticated = errors.New("sign in first (a session cookie or an Authorization: Bearer token)")
	ErrForbidden       = errors.New("your role in this project does not allow this")
	ErrCrossSite       = errors.New("cross-site request refused")
	ErrTooManyAttempts = errors.New("too many failed sign-ins: wait and try again")
)

// CookieName is the session cookie.
const CookieName = "redline_session"

// SessionTTL is how long a session lasts: long enough for a week offline.
const SessionTTL = 30 * 24 * time.Hour

// Identity is who a request comes from; the zero value is nobody.
type Identity struct {
	User      string
	ByCookie  bool   // authenticated by the session cookie (cross-site checks apply)
	SessionID string // the hash of the session, for signing out
	// CredentialHash is the hash of the session or token that signed the
	// request in (listings mark it as the current one).
	CredentialHash string
}

// Auth authenticates requests and decides access.
type Auth struct {
	store  Store
	origin *http.CrossOriginProtection
	now    func() time.Time
}

// New returns an Auth over a store.
func New(s Store) *Auth {
	return &Auth{store: s, origin: http.NewCrossOriginProtection(), now: time.Now}
}

type identityKey struct{}

// Middleware finds who each request comes from and puts it in the
// request's context (see From). A bearer token that does not match is
// refused outright (401); a stale cookie just counts as signed out.
// Unsafe requests authenticated by cookie must be same-origin (403).
func (a *Auth) Middleware(next http.Handler, fail func(http.ResponseWriter, *http.Request, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := a.identify(r)
		if err == nil && id.ByCookie && !sameOrigin(a.origin, r) {
			err = ErrCrossSite
		}
		if err != nil {
			fail(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), identityKey{}, id)))
	})
}

// sameOrigin reports whether a request may act with the session cookie.
// CrossOriginProtection lets through requests that carry neither
// Sec-Fetch-Site nor Origin (they are not from a browser); with a cookie
// they are refused as well, since every browser that holds our cookie
// sends one of them on a write.
func sameOrigin(cop *http.CrossOriginProtection, r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	if r.Header.Get("Sec-Fetch-Site") == "" && r.Header.Get("Origin") == "" {
		return false
	}
	return cop.Check(r) == nil
}

// From returns the identity Middleware found.
func From(ctx context.Context) Identity {
	id, _ := ctx.Value(identityKey{}).(Identity)
	return id
}

func (a *Auth) identify(r *http.Request) (Identity, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
			return Identity{}, fmt.Errorf("%w: Authorization must be \"Bearer TOKEN\"", ErrUnauthenticated)
		}
		c, err := a.credential(r.Context(), strings.TrimSpace(token), store.CredentialToken)
		if err != nil {
			return Identity{}, err
		}
		return Identity{User: c.User, CredentialHash: c.Hash}, nil
	}
	cookie, err := r.Cookie(CookieName)
	if err != nil {
		return Identity{}, nil
	}
	c, err := a.credential(r.Context(), cookie.Value, store.CredentialSession)
	if errors.Is(err, ErrUnauthenticated) {
		return Identity{}, nil
	}
	if err != nil {
		return Identity{}, err
	}
	return Identity{User: c.User, ByCookie: true, SessionID: c.Hash, CredentialHash: c.Hash}, nil
}

// credential finds a live credential of the given kind for a secret.
func (a *Auth) credential(ctx context.Context, secret, kind string) (store.Credential, error) {
	c, err := a.store.Credential(ctx, HashSecret(secret))
	if errors.Is(err, store.ErrNotFound) || err == nil && (c.Kind != kind || !c.Expires.IsZero() && !a.now().Before(c.Expires)) {
		return store.Credential{}, fmt.Errorf("%w: the %s is unknown, expired or revoked", ErrUnauthenticated, kind)
	}
	return c, err
}

// Require checks that the request's user has at least the role need in
// project. Not signed in: ErrUnauthenticated. Not a member (or no such
// project): store.ErrNotFound. A member with too small a role:
// ErrForbidden. It returns the user's role.
func (a *Auth) Require(ctx context.Context, project string, need store.Role) (store.Role, error) {
	id := From(ctx)
	if id.User == "" {
		return "", ErrUnauthenticated
	}
	role, err := a.store.Role(ctx, project, id.User)
	if err != nil {
		return "", err
	}
	if !role.Allows(need) {
		return role, ErrForbidden
	}
	return role, nil
}

// Actor is the store.Actor for the request's user (the device and change
// id are the client's, recorded but never used to decide who wrote).
func Actor(ctx context.Context, device, changeID string) store.Actor {
	return store.Actor{User: From(ctx).User, Device: device, ChangeID: changeID}
}
