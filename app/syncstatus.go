package ui

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/sync"
)

// overallState is what #sync-status says for all of the user's projects
// at once: the worst of them (an error, then offline, a conflict,
// waiting edits), with every waiting edit and conflict counted, and the
// oldest of their last syncs.
func overallState(s Session, states []sync.State) sync.State {
	if !s.SignedIn() {
		return sync.State{Kind: sync.StateLocal}
	}
	if s.Revoked {
		return sync.State{Kind: sync.StateError, Reason: errSignedOut.Error()}
	}
	rank := map[sync.StateKind]int{sync.StateSynced: 0, sync.StatePending: 1, sync.StateRefused: 2, sync.StateConflict: 3, sync.StateOffline: 4, sync.StateError: 5}
	out := sync.State{Kind: sync.StateSynced}
	for i, st := range states {
		out.Pending += st.Pending
		out.Conflicts += st.Conflicts
		out.Refused += st.Refused
		if rank[st.Kind] > rank[out.Kind] {
			out.Kind, out.Reason = st.Kind, st.Reason
		}
		if i == 0 || st.LastSync.Before(out.LastSync) {
			out.LastSync = st.LastSync
		}
	}
	return out
}

// syncWords is the state in words.
func syncWords(st sync.State) string {
	var words string
	switch st.Kind {
	case sync.StateLocal:
		return "Personal library (not signed in)"
	case sync.StateSynced:
		words = "Synced"
	case sync.StatePending:
		words = plural(st.Pending, "edit") + " waiting to be sent"
	case sync.StateOffline:
		words = "Offline"
		if st.Pending > 0 {
			words += ": " + plural(st.Pending, "edit") + " waiting"
		}
	case sync.StateConflict:
		words = plural(st.Conflicts, "conflict") + " to resolve"
	case sync.StateError:
		words = "Not syncing: " + st.Reason
	case sync.StateRefused:
		words = st.Reason
	}
	if !st.LastSync.IsZero() {
		words += " · last synced " + st.LastSync.Local().Format("15:04:05")
	}
	return words
}

// syncStatus is #sync-status: the state of sync for the signed-in user,
// with data-state local|synced|pending|offline|conflict|refused|error,
// data-pending (the count) and data-last-sync (RFC 3339), and a retry
// after an error. Not signed in it is there but hidden: the personal
// library looks as it always did.
type syncStatus struct {
	app.Compo

	state       sync.State
	conflictAt  string // the address of a story with a conflict to settle ("": none)
	stopSession func()
	stopSync    func()
}

func (c *syncStatus) OnMount(ctx app.Context) {
	update := func() {
		ctx.Dispatch(func(app.Context) {
			was := c.state.Kind
			c.state, c.conflictAt = currentSyncState(), conflictAddress()
			if c.state.Kind == sync.StateError && was != sync.StateError {
				// Signed out by the server? Then the account box offers
				// to sign in again.
				ctx.Async(func() { checkSession(context.Background()) })
			}
		})
	}
	c.stopSync = watchSync(update)
	c.stopSession = WatchSession(func(s Session) {
		closeProjectsOfOthers(s.User) // signed out, or another user, in another tab
		update()
		ctx.Async(func() { openSessionProjects(context.Background()) })
	})
	c.state, c.conflictAt = currentSyncState(), conflictAddress()
	ctx.Async(func() {
		checkSessionOnce(context.Background())
		openSessionProjects(context.Background())
		update()
	})
}

func (c *syncStatus) OnDismount() {
	c.stopSync()
	c.stopSession()
}

func (c *syncStatus) Render() app.UI {
	st := c.state
	div := app.Div().ID("sync-status").Role("status").DataSet("state", string(st.Kind)).
		DataSet("pending", st.Pending).DataSet("conflicts", st.Conflicts).DataSet("refused", st.Refused)
	if !st.LastSync.IsZero() {
		div = div.DataSet("last-sync", st.LastSync.UTC().Format(time.RFC3339))
	}
	if st.Kind == sync.StateLocal {
		return div.Class("visually-hidden").Text(syncWords(st))
	}
	return div.Class("sync-status", "sync-"+string(st.Kind)).Body(
		app.If(st.Kind == sync.StateConflict && c.conflictAt != "", func() app.UI {
			// Tester 5: the count could not be clicked, and nothing said
			// where the conflicts were.
			return app.A().ID("sync-conflict").Class("sync-words").Href(c.conflictAt).Title("Open a story with a conflict to settle").Text(syncWords(st))
		}).Else(func() app.UI {
			return app.Span().Class("sync-words").Text(syncWords(st))
		}),
		app.If(st.Kind == sync.StateError || st.Kind == sync.StateOffline, func() app.UI {
			return app.Button().ID("sync-retry").Text("Retry").OnClick(func(ctx app.Context, e app.Event) {
				ctx.Async(func() {
					checkSession(context.Background())
					for _, p := range openProjects() {
						p.Replica.Kick()
					}
				})
			})
		}),
		app.If(st.Kind == sync.StateRefused, func() app.UI {
			return app.Button().ID("sync-discard").Text("Discard them").OnClick(func(ctx app.Context, e app.Event) {
				ctx.Async(func() {
					for _, p := range openProjects() {
						if _, err := p.Replica.DiscardRefused(context.Background()); err != nil {
							app.Log("sync: discard: " + err.Error())
						}
					}
				})
			})
		}),
	)
}

// currentSyncState is overallState of the session's open projects.
func currentSyncState() sync.State {
	s := CurrentSession()
	var states []sync.State
	for _, p := range openProjects() {
		if p.User == s.User {
			states = append(states, p.State())
		}
	}
	return overallState(s, states)
}

// conflictAddress is the address of a story of the signed-in user's
// projects holding a conflict to settle ("" when none does).
func conflictAddress() string {
	s := CurrentSession()
	for _, p := range openProjects() {
		if st := p.State(); p.User == s.User && st.ConflictStory != "" {
			return "/story?id=" + url.QueryEscape(st.ConflictStory) + "&project=" + url.QueryEscape(p.Slug)
		}
	}
	return ""
}

var sessionChecked = make(chan struct{}, 1)

// checkSessionOnce asks the server about the session once per page load.
func checkSessionOnce(ctx context.Context) {
	select {
	case sessionChecked <- struct{}{}:
		checkSession(ctx)
	default:
	}
}

// checkSession asks the server whether the session holds and which
// projects it has, and records the answer (offline: nothing changes).
func checkSession(ctx context.Context) {
	s := CurrentSession()
	if !s.SignedIn() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	fresh, err := refreshSession(ctx, serverOrigin(), s)
	if err == nil || fresh.Revoked != s.Revoked {
		setSession(fresh)
	}
}

// openSessionProjects opens (and so syncs) every project of the session.
func openSessionProjects(ctx context.Context) {
	s := CurrentSession()
	if !s.SignedIn() {
		return
	}
	var failed []string
	slugs := localProjects(ctx, s.User) // a project left since stays readable
	for _, pr := range s.Projects {
		slugs = append(slugs, pr.Slug)
	}
	slices.Sort(slugs)
	for _, slug := range slices.Compact(slugs) {
		if _, err := openProject(ctx, s.User, slug); err != nil {
			failed = append(failed, err.Error())
		}
	}
	if len(failed) > 0 {
		app.Log(fmt.Sprintf("sync: %s", strings.Join(failed, "; ")))
	}
	notifySyncWatchers()
}
