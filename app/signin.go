package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// accountBox is the top bar's account control: "Sign in" opens a form
// (input[name=username], input[name=password], the names password
// managers expect) against the server that served the app; signed in,
// it names the user and signs out, asking first when edits have not
// reached the server. Signing out deletes this browser's copies of the
// user's projects, so the next user never sees them. The personal
// library belongs to the browser (it is what works without signing in),
// so signing out says that its stories stay for whoever comes next, and
// offers to remove them.
type accountBox struct {
	app.Compo

	session    Session
	open       bool // the sign-in form is shown
	username   string
	password   string
	busy       bool
	problem    string
	confirming int  // edits that would be lost
	personal   int  // stories of the personal library, which stay in the browser
	asking     bool // the sign-out question is shown

	stop func()
}

func (a *accountBox) OnMount(ctx app.Context) {
	a.session = CurrentSession()
	a.stop = WatchSession(func(s Session) { ctx.Dispatch(func(app.Context) { a.session = s }) })
}

func (a *accountBox) OnDismount() { a.stop() }

func (a *accountBox) Render() app.UI {
	s := a.session
	if s.SignedIn() && !s.Revoked && !a.open {
		return app.Div().ID("account").Class("account").Body(
			app.Span().ID("signed-in-as").DataSet("user", s.User).Text("Signed in as "+s.User),
			app.If(a.asking, func() app.UI {
				return app.Div().ID("sign-out-confirm").Class("notice").Role("alertdialog").Aria("label", "Sign out?").Body(
					app.If(a.confirming > 0, func() app.UI { return app.P().Text(unsentWarning(a.confirming)) }),
					app.If(a.personal > 0, func() app.UI { return app.P().ID("sign-out-personal").Text(personalWarning(a.personal)) }),
					app.Button().ID("sign-out-discard").Text(map[bool]string{true: "Discard them and sign out", false: "Sign out"}[a.confirming > 0]).
						OnClick(func(ctx app.Context, e app.Event) { a.signOut(ctx, false) }),
					app.If(a.personal > 0, func() app.UI {
						return app.Button().ID("sign-out-remove").Class("danger").Text("Sign out and remove " + storiesWord(a.personal) + " from this browser").
							OnClick(func(ctx app.Context, e app.Event) { a.signOut(ctx, true) })
					}),
					app.Button().ID("sign-out-cancel").Text("Stay signed in").OnClick(func(app.Context, app.Event) { a.asking = false }),
				)
			}).Else(func() app.UI {
				return app.Button().ID("sign-out").Text("Sign out").OnClick(a.askSignOut)
			}),
		)
	}
	return app.Div().ID("account").Class("account").Body(
		app.If(s.Revoked, func() app.UI {
			return app.Span().Class("muted").Text(s.User + ": signed out by the server. ")
		}),
		app.If(!a.open, func() app.UI {
			return app.Button().ID("sign-in-open").Text(map[bool]string{true: "Sign in again", false: "Sign in"}[s.Revoked]).
				OnClick(func(ctx app.Context, e app.Event) {
					a.open, a.username = true, s.User
					ctx.Defer(func(app.Context) { focusFirst(`#sign-in input[name="username"]`) })
				})
		}).Else(func() app.UI {
			return app.Form().ID("sign-in").Class("sign-in").Aria("label", "Sign in").OnSubmit(a.signIn).Body(
				// Each label with its field, so that a narrow screen wraps
				// between the pairs, never between a label and its field.
				app.Span().Class("field").Body(
					app.Label().For("sign-in-username").Text("Name"),
					app.Input().ID("sign-in-username").Name("username").Attr("autocomplete", "username").Required(true).
						Value(a.username).OnInput(a.ValueTo(&a.username)),
				),
				app.Span().Class("field").Body(
					app.Label().For("sign-in-password").Text("Password"),
					app.Input().ID("sign-in-password").Name("password").Type("password").Attr("autocomplete", "current-password").Required(true).
						OnInput(a.ValueTo(&a.password)),
				),
				app.Button().Type("submit").ID("sign-in-submit").Disabled(a.busy).Text("Sign in"),
				app.Button().Type("button").ID("sign-in-cancel").Text("Cancel").OnClick(func(app.Context, app.Event) { a.open, a.problem = false, "" }),
				app.If(a.problem != "", func() app.UI { return app.P().ID("sign-in-problem").Role("alert").Class("error").Text(a.problem) }),
			)
		}),
	)
}

// personalWarning says what stays in the browser after signing out.
func personalWarning(n int) string {
	return fmt.Sprintf("Your personal library (%s) stays in this browser: whoever uses the browser next sees it.", storiesWord(n))
}

func storiesWord(n int) string {
	if n == 1 {
		return "1 story"
	}
	return fmt.Sprintf("%d stories", n)
}

// removePersonalStories deletes every story of the personal library.
func removePersonalStories(ctx context.Context) error {
	lib, _, err := openLibrary(ctx)
	if err != nil {
		return err
	}
	stories, err := lib.Store.Stories(ctx)
	if err != nil {
		return err
	}
	for _, s := range stories {
		if _, err := lib.Delete(ctx, s.ID); err != nil {
			return err
		}
	}
	return nil
}

// unsentWarning is what signing out would discard, in words.
func unsentWarning(n int) string {
	if n == 1 {
		return "1 edit has not reached the server yet. Signing out discards it from this browser."
	}
	return fmt.Sprintf("%d edits have not reached the server yet. Signing out discards them from this browser.", n)
}

func (a *accountBox) signIn(ctx app.Context, e app.Event) {
	e.PreventDefault()
	user, password := strings.TrimSpace(a.username), a.password
	a.busy, a.problem = true, ""
	ctx.Async(func() {
		c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		s, err := signIn(c, serverOrigin(), user, password)
		ctx.Dispatch(func(app.Context) {
			a.busy = false
			if err != nil {
				a.problem = err.Error()
				return
			}
			prev := CurrentSession()
			if prev.User != s.User {
				closeProjects() // another user's replicas never serve this one
			}
			a.open, a.password = false, ""
			setSession(s)
			for _, p := range openProjects() {
				p.Replica.Kick() // signed in again: sync what waited
			}
		})
	})
}

// askSignOut signs out, after asking when edits wait to be sent or the
// personal library holds stories (they stay for the next user).
func (a *accountBox) askSignOut(ctx app.Context, e app.Event) {
	pending := currentSyncState().Pending
	ctx.Async(func() {
		personal := 0
		if lib, _, err := openLibrary(context.Background()); err == nil {
			if stories, err := lib.Store.Stories(context.Background()); err == nil {
				personal = len(stories)
			}
		}
		ctx.Dispatch(func(ctx app.Context) {
			a.confirming, a.personal = pending, personal
			if pending == 0 && personal == 0 {
				a.signOut(ctx, false)
				return
			}
			a.asking = true
		})
	})
}

// signOut signs out; removePersonal also empties the personal library.
func (a *accountBox) signOut(ctx app.Context, removePersonal bool) {
	user := a.session.User
	a.confirming, a.asking = 0, false
	ctx.Async(func() {
		c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = signOut(c, serverOrigin()) // offline: this browser forgets the session all the same
		closeProjects()
		if removePersonal {
			if err := removePersonalStories(c); err != nil {
				app.Log("sign out: " + err.Error())
			}
		}
		err := deleteUserData(c, user)
		forgetPublishedStates(user)
		setSession(Session{})
		if err != nil {
			app.Log("sign out: " + err.Error())
		}
	})
}
