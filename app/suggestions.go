package ui

import (
	"context"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/library"
)

// The Suggest mode of the story page: the quotes (with speakers) and
// check-worthy claims internal/suggest finds are shown as dashed
// highlights apart from the reader's own; Enter or a accepts the current
// one (it becomes an ordinary annotation), x rejects it (it does not come
// back on this revision), Tab moves on, Esc leaves the mode.

// suggestKeys are the keys Suggest mode takes, for the help dialog.
var suggestKeys = []shortcut{
	{"Enter / a", "accept the current suggestion"},
	{"x", "reject the current suggestion"},
	{"Tab / Shift+Tab", "next / previous suggestion"},
}

// startSuggesting enters Suggest mode and puts the focus on the panel of
// the first suggestion, so that Enter right after pressing Suggest accepts
// it (on the Suggest button, Enter would press Suggest again).
func (p *storyPage) startSuggesting(ctx app.Context) {
	p.suggesting, p.suggestAt = true, 0
	p.loadSuggestions(ctx)
	ctx.Defer(func(app.Context) { focusFirst("#suggestions") })
}

// loadSuggestions refreshes the list, keeping the position.
func (p *storyPage) loadSuggestions(ctx app.Context) {
	sess := p.m.sess
	ctx.Async(func() {
		list, err := sess.Suggestions(context.Background())
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.m.status = failure(err)
				return
			}
			p.suggestions = list
			p.suggestAt = min(p.suggestAt, max(0, len(list)-1))
			p.focusSuggestion(ctx)
		})
	})
}

func (p *storyPage) currentSuggestion() (library.Suggestion, bool) {
	if !p.suggesting || p.suggestAt >= len(p.suggestions) {
		return library.Suggestion{}, false
	}
	return p.suggestions[p.suggestAt], true
}

func (p *storyPage) focusSuggestion(ctx app.Context) {
	if s, ok := p.currentSuggestion(); ok {
		ctx.Defer(func(app.Context) { scrollIntoView(`#article mark[data-suggestion="` + cssString(s.Key) + `"]`) })
	}
}

func (p *storyPage) stepSuggestion(ctx app.Context, dir int) {
	if n := len(p.suggestions); n > 0 {
		p.suggestAt = (p.suggestAt + dir + n) % n
		p.focusSuggestion(ctx)
	}
}

// decideSuggestion accepts or rejects the current suggestion.
func (p *storyPage) decideSuggestion(ctx app.Context, accept bool) {
	s, ok := p.currentSuggestion()
	if !ok {
		return
	}
	p.m.change(func(ctx context.Context, sess *library.Session) (string, error) {
		if accept {
			_, err := sess.AcceptSuggestion(ctx, s.Key)
			return fmt.Sprintf("Accepted the %s “%s”.", s.Kind, shorten(sess.Slice(s.Span), 60)), err
		}
		return fmt.Sprintf("Rejected the suggested %s.", s.Kind), sess.RejectSuggestion(ctx, s.Key)
	}, p.loadSuggestions)
}

func (p *storyPage) renderSuggestPanel() app.UI {
	s, ok := p.currentSuggestion()
	if !ok {
		return app.Section().ID("suggestions").Class("suggest-panel").TabIndex(-1).Aria("label", "Suggestions").Body(
			app.P().Text("No suggestions left on this revision."),
			app.Button().ID("suggest-done").Text("Done").OnClick(func(ctx app.Context, e app.Event) { p.suggesting = false }),
		)
	}
	who := ""
	if s.Speaker != "" {
		who = " — " + s.Speaker
	}
	return app.Section().ID("suggestions").Class("suggest-panel").TabIndex(-1).Aria("label", "Suggestions").Aria("live", "polite").Body(
		app.P().Class("muted").Text(fmt.Sprintf("Suggestion %d of %d · Enter or a accepts, x rejects, Tab moves on, Esc stops", p.suggestAt+1, len(p.suggestions))),
		app.P().Body(
			app.Span().Class("badge", "k-"+string(s.Kind)).Text(string(s.Kind)),
			app.Q().Text(shorten(p.m.sess.Slice(s.Span), 200)),
			app.Text(who),
		),
		app.P().Class("muted").Text(s.Reason),
		app.Div().Class("dialog-actions").Body(
			app.Button().ID("suggest-accept").Text("Accept (a)").OnClick(func(ctx app.Context, e app.Event) { p.decideSuggestion(ctx, true) }),
			app.Button().ID("suggest-reject").Text("Reject (x)").OnClick(func(ctx app.Context, e app.Event) { p.decideSuggestion(ctx, false) }),
			app.Button().ID("suggest-next").Text("Next (Tab)").OnClick(func(ctx app.Context, e app.Event) { p.stepSuggestion(ctx, 1) }),
			app.Button().ID("suggest-done").Text("Done").OnClick(func(ctx app.Context, e app.Event) { p.suggesting = false }),
		),
	)
}
