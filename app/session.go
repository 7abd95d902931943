package ui

import (
	"slices"
	"sync"
)

// Session is who this browser is signed in as on the server that served
// the app. The session cookie itself is HttpOnly (the app cannot read
// it), so the app keeps what the server last said about it here, in
// localStorage: it survives reloads and days offline.
type Session struct {
	User     string    `json:"user"`     // "" = not signed in: the personal offline library
	Projects []Project `json:"projects"` // the projects User belongs to, as last fetched
	// Revoked: the server answered 401 (the session was revoked or
	// expired). Sync stops; the local copies stay readable and
	// exportable until the user signs in again or signs out.
	Revoked bool `json:"revoked,omitempty"`
}

// Project is a project the signed-in user belongs to (GET /api/projects).
type Project struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	Role  string `json:"role"` // viewer, editor or admin
}

// SignedIn says the browser is signed in (possibly offline, possibly
// revoked: check Revoked before writing to the server).
func (s Session) SignedIn() bool { return s.User != "" }

// Project is the user's project slug, if the user belongs to it.
func (s Session) Project(slug string) (Project, bool) {
	i := slices.IndexFunc(s.Projects, func(p Project) bool { return p.Slug == slug })
	if i < 0 {
		return Project{}, false
	}
	return s.Projects[i], true
}

var sessionState struct {
	mu       sync.Mutex
	loaded   bool
	current  Session
	watchers map[int]func(Session)
	next     int
}

// CurrentSession is the session as last known, at once and offline too
// (it never waits for the network). Components call it in Render.
func CurrentSession() Session {
	sessionState.mu.Lock()
	defer sessionState.mu.Unlock()
	if !sessionState.loaded {
		sessionState.current, sessionState.loaded = loadSession(), true
		watchOtherTabsSessions(changedSession)
	}
	return sessionState.current
}

// WatchSession calls fn, in a goroutine of its own, after every change
// of the session (sign in, sign out, revoked, projects fetched), in this
// tab or another, until stop is called. In a go-app component, hand the
// work to the UI goroutine: WatchSession(func(Session) { ctx.Dispatch(…) }).
func WatchSession(fn func(Session)) (stop func()) {
	CurrentSession() // loaded, and other tabs heard
	sessionState.mu.Lock()
	defer sessionState.mu.Unlock()
	if sessionState.watchers == nil {
		sessionState.watchers = map[int]func(Session){}
	}
	id := sessionState.next
	sessionState.next++
	sessionState.watchers[id] = fn
	return func() {
		sessionState.mu.Lock()
		defer sessionState.mu.Unlock()
		delete(sessionState.watchers, id)
	}
}

// setSession stores s (localStorage, for reloads and the other tabs) and
// tells the watchers.
func setSession(s Session) {
	saveSession(s)
	changedSession(s)
}

// changedSession records s as current and tells the watchers.
func changedSession(s Session) {
	sessionState.mu.Lock()
	sessionState.current, sessionState.loaded = s, true
	fns := make([]func(Session), 0, len(sessionState.watchers))
	for _, fn := range sessionState.watchers {
		fns = append(fns, fn)
	}
	sessionState.mu.Unlock()
	for _, fn := range fns {
		go fn(s)
	}
}
