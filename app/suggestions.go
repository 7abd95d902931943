package ui

import (
	"context"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/library"
)

// suggestKeys are the keys Suggest mode takes, for the help dialog.
var suggestKeys = []shortcut{
	{"Enter / a", "accept the current suggestion"},
	{"x", "reject the current suggestion"},
	{"Tab / Shift+Tab", "next / previous suggestion"},
}

// suggestMode is the Suggest mode of the story page: the quotes (with speakers) and
// check-worthy claims internal/suggest finds are shown as dashed
// highlights apart from the reader's own; Enter or a accepts the current
// one (it becomes an ordinary annotation), x rejects it (it does not come
// back on this revision), Tab moves on, Esc leaves the mode.
type suggestMode struct {
	app.Compo

	Model   *storyModel
	Version int // the model's: redraw with it

	active bool // in Suggest mode
	list   []library.Suggestion
	at     int // index of the suggestion being decided
}

func (s *suggestMode) OnMount(ctx app.Context) { s.Model.suggest = s }

func (s *suggestMode) OnDismount() {
	if s.Model.suggest == s {
		s.Model.suggest = nil
	}
}

// start enters Suggest mode and puts the focus on the panel of the first
// suggestion, so that Enter right after pressing Suggest accepts it (on
// the Suggest button, Enter would press Suggest again). The whole page
// redraws with the mode: the article draws the suggestions.
func (s *suggestMode) start() {
	s.Model.redraw(func(ctx app.Context) {
		s.active, s.at = true, 0
		s.load()
		ctx.Defer(func(app.Context) { focusFirst("#suggestions") })
	})
}

func (s *suggestMode) stop() { s.Model.redraw(func(app.Context) { s.active = false }) }

// revisionShown makes the suggestions the revision's just shown.
func (s *suggestMode) revisionShown() {
	if s.active {
		s.at = 0
		s.load()
	}
}

// shown is what the article draws: the suggestions and the current one's
// key (none outside Suggest mode).
func (s *suggestMode) shown() ([]library.Suggestion, string) {
	cur, ok := s.current()
	if !ok {
		return nil, ""
	}
	return s.list, cur.Key
}

// load refreshes the list, keeping the position.
func (s *suggestMode) load() {
	m := s.Model
	sess := m.sess
	m.ui.Async(func() {
		list, err := sess.Suggestions(context.Background())
		m.redraw(func(ctx app.Context) {
			if err != nil {
				m.status = failure(err)
				return
			}
			s.list = list
			s.at = min(s.at, max(0, len(list)-1))
			s.scrollToCurrent(ctx)
		})
	})
}

func (s *suggestMode) current() (library.Suggestion, bool) {
	if !s.active || s.at >= len(s.list) {
		return library.Suggestion{}, false
	}
	return s.list[s.at], true
}

func (s *suggestMode) scrollToCurrent(ctx app.Context) {
	if cur, ok := s.current(); ok {
		ctx.Defer(func(app.Context) { scrollIntoView(`#article mark[data-suggestion="` + cssString(cur.Key) + `"]`) })
	}
}

func (s *suggestMode) step(dir int) {
	s.Model.redraw(func(ctx app.Context) {
		if n := len(s.list); n > 0 {
			s.at = (s.at + dir + n) % n
			s.scrollToCurrent(ctx)
		}
	})
}

// decide accepts or rejects the current suggestion.
func (s *suggestMode) decide(accept bool) {
	cur, ok := s.current()
	if !ok {
		return
	}
	s.Model.change(func(ctx context.Context, sess *library.Session) (string, error) {
		if accept {
			_, err := sess.AcceptSuggestion(ctx, cur.Key)
			return fmt.Sprintf("Accepted the %s “%s”.", cur.Kind, shorten(sess.Slice(cur.Span), 60)), err
		}
		return fmt.Sprintf("Rejected the suggested %s.", cur.Kind), sess.RejectSuggestion(ctx, cur.Key)
	}, func(app.Context) { s.load() })
}

// key is what a key does in Suggest mode (nil: not a Suggest key, or not
// suggesting). Tab is taken only while suggesting and only outside form
// fields, so keyboard navigation works everywhere else.
func (s *suggestMode) key(key string, shift, onControl bool) func(app.Context) {
	if !s.active {
		return nil
	}
	switch key {
	case "Enter":
		if onControl { // Enter on a focused button presses that button
			return nil
		}
		return func(app.Context) { s.decide(true) }
	case "a":
		return func(app.Context) { s.decide(true) }
	case "x":
		return func(app.Context) { s.decide(false) }
	case "Tab":
		dir := map[bool]int{false: 1, true: -1}[shift]
		return func(app.Context) { s.step(dir) }
	case "Escape":
		return func(app.Context) { s.stop() }
	}
	return nil
}

func (s *suggestMode) Render() app.UI {
	if !s.active {
		return app.Text("")
	}
	done := app.Button().ID("suggest-done").Text("Done").OnClick(func(app.Context, app.Event) { s.stop() })
	cur, ok := s.current()
	if !ok {
		return app.Section().ID("suggestions").Class("suggest-panel").TabIndex(-1).Aria("label", "Suggestions").Body(
			app.P().Text("No suggestions left on this revision."),
			done,
		)
	}
	who := ""
	if cur.Speaker != "" {
		who = " — " + cur.Speaker
	}
	return app.Section().ID("suggestions").Class("suggest-panel").TabIndex(-1).Aria("label", "Suggestions").Aria("live", "polite").Body(
		app.P().Class("muted").Text(fmt.Sprintf("Suggestion %d of %d · Enter or a accepts, x rejects, Tab moves on, Esc stops", s.at+1, len(s.list))),
		app.P().Body(
			app.Span().Class("badge", "k-"+string(cur.Kind)).Text(string(cur.Kind)),
			app.Q().Text(shorten(s.Model.sess.Slice(cur.Span), 200)),
			app.Text(who),
		),
		app.P().Class("muted").Text(cur.Reason),
		app.Div().Class("dialog-actions").Body(
			app.Button().ID("suggest-accept").Text("Accept (a)").OnClick(func(app.Context, app.Event) { s.decide(true) }),
			app.Button().ID("suggest-reject").Text("Reject (x)").OnClick(func(app.Context, app.Event) { s.decide(false) }),
			app.Button().ID("suggest-next").Text("Next (Tab)").OnClick(func(app.Context, app.Event) { s.step(1) }),
			done,
		),
	)
}
