package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/reading"
	"github.com/redline-news/redline/internal/revision"
)

// The revisions part of the story page: the list of revisions, adding a
// later version (file, paste or drop), the diff of any two, the
// changed-quotes report, and the timeline.

func (p *storyPage) renderRevisions() app.UI {
	s := p.m.sess
	return app.Section().ID("revisions").Class("revisions").Aria("labelledby", "revisions-title").Body(
		app.H2().ID("revisions-title").Text("Revisions"),
		app.Ol().Class("revision-list").Body(app.Range(s.Revisions).Slice(func(i int) app.UI {
			r := s.Revisions[i]
			b := app.Button().Class("revision").DataSet("index", i).
				Text(fmt.Sprintf("%s · %s", r.Date, plural(wordCount(r.Text), "word"))).
				OnClick(func(ctx app.Context, e app.Event) { p.show(ctx, i) })
			if i == s.Current {
				b = b.Class("current").Aria("current", "true")
			}
			return app.Li().Body(b)
		})),
		app.Div().Class("add-row").Body(
			app.Label().For("revision-file").Class("button").Text("Add a later version…"),
			app.Input().ID("revision-file").Type("file").Class("visually-hidden").
				Accept(".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html").
				OnChange(func(ctx app.Context, e app.Event) {
					input := ctx.JSSrc()
					readFiles(ctx, input.Get("files"), article.MaxBytes, p.addRevisionFiles)
					input.Set("value", "")
				}),
			app.If(len(s.Revisions) > 1, func() app.UI {
				return app.Button().ID("compare-open").Text("Compare revisions").OnClick(func(ctx app.Context, e app.Event) {
					n := len(p.m.sess.Revisions)
					p.m.openComparison(n-2, n-1)
				})
			}),
		),
		app.Details().Body(
			app.Summary().Text("…or paste the new version"),
			app.Label().For("revision-paste").Class("visually-hidden").Text("New version of the article"),
			app.Textarea().ID("revision-paste").Rows(4).Text(p.revisionPaste).OnInput(p.ValueTo(&p.revisionPaste)),
			app.Button().ID("revision-paste-add").Text("Add pasted version").Disabled(strings.TrimSpace(p.revisionPaste) == "").
				OnClick(func(ctx app.Context, e app.Event) {
					p.addRevisionFiles(ctx, []pickedFile{{Data: []byte(p.revisionPaste)}})
					p.revisionPaste = ""
					setValue("revision-paste", "") // a textarea shows its initial text only
				}),
		),
		app.If(len(s.Revisions) > 1, func() app.UI { return timeline(s.Timeline()) }),
	)
}

func (p *storyPage) show(ctx app.Context, i int) {
	p.m.change(func(ctx context.Context, s *library.Session) (string, error) {
		return "", s.Show(ctx, i)
	}, func(ctx app.Context) {
		p.m.selected = ""
		if p.suggesting {
			p.suggestAt = 0
			p.loadSuggestions(ctx)
		}
	})
}

// addRevisionFiles adds each file as a later revision, in order, and opens
// the comparison with the one before.
func (p *storyPage) addRevisionFiles(ctx app.Context, files []pickedFile) {
	p.m.status = busy("Comparing and carrying your annotations over…")
	var cmp *library.Comparison
	appCtx := ctx
	p.m.change(func(ctx context.Context, s *library.Session) (string, error) {
		for _, f := range files {
			if f.Err != "" {
				return "", fmt.Errorf("%s %s", f.Name, f.Err)
			}
			c, err := s.PrepareRevision(f.Name, f.Data)
			if err != nil {
				return "", err
			}
			// Show the diff now; storing the revision and its carried
			// annotations takes longer, and the marks follow.
			appCtx.Dispatch(func(app.Context) {
				p.m.compare, p.m.status = c, busy("Saving the revision and your annotations on it…")
			})
			if err := s.CommitRevision(ctx, c); err != nil {
				appCtx.Dispatch(func(app.Context) { p.m.compare = nil })
				return "", err
			}
			cmp = c
		}
		q, c := cmp.Affected()
		return fmt.Sprintf("Added the revision of %s: %s; %s and %s affected.",
			s.Revision().Date, cmp.Diff.Stats, plural(q, "quote"), plural(c, "claim")), nil
	}, func(app.Context) {
		p.m.compare, p.m.selected = cmp, ""
	})
}

// renderChangedReport lists every quote or claim whose words changed.
func renderChangedReport(changes []library.Change) app.UI {
	if len(changes) == 0 {
		return app.P().ID("changed-report").Class("muted").Text("No quote or claim changed its words.")
	}
	return app.Div().ID("changed-report").Body(
		app.H3().Text("Quotes and claims whose words changed"),
		app.Table().Class("report").Body(
			app.THead().Body(app.Tr().Body(app.Th().Text("Kind"), app.Th().Text("Before"), app.Th().Text("After"))),
			app.TBody().Body(app.Range(changes).Slice(func(i int) app.UI {
				ch := changes[i]
				kind := string(ch.Kind)
				if ch.Speaker != "" {
					kind += " — " + ch.Speaker
				}
				after := app.Td().Class("after").Text(ch.After)
				if ch.Status == "orphaned" {
					after = app.Td().Class("after", "gone").Text("(removed)")
				}
				return app.Tr().DataSet("id", ch.ID).DataSet("status", string(ch.Status)).Body(
					app.Td().Text(kind), app.Td().Class("before").Body(app.Del().Text(ch.Before)), after)
			})),
		),
	)
}

// renderDiff draws the word diff, inline (one text with <del> and <ins>) or
// side by side (old with <del>, new with <ins>). The first element of each
// change carries data-hunk, for jumping between changes. Unless whole is
// set, long unchanged runs are folded to the context around the changes:
// a revision of a long article changes a few places, and drawing the rest
// costs time and hides them.
func renderDiff(d *revision.Diff, sideBySide, whole bool, current int) app.UI {
	if !sideBySide {
		return app.Div().ID("diff").Class("diff", "inline").Body(diffParagraphs(d, whole, current, revision.Delete, revision.Insert)...)
	}
	return app.Div().ID("diff").Class("diff", "side-by-side").Body(
		app.Div().Class("old").Body(append([]app.UI{app.H3().Text("Earlier")}, diffParagraphs(d, whole, current, revision.Delete)...)...),
		app.Div().Class("new").Body(append([]app.UI{app.H3().Text("Later")}, diffParagraphs(d, whole, current, revision.Insert)...)...),
	)
}

// foldContext is how much unchanged text, in code points, stays on each
// side of a change when the rest is folded.
const foldContext = 160

// diffParagraphs renders the equal text and the ops of the given kinds as
// paragraphs.
func diffParagraphs(d *revision.Diff, whole bool, current int, kinds ...revision.OpKind) []app.UI {
	var paras, pieces []app.UI
	flush := func() {
		paras = append(paras, app.P().Body(pieces...))
		pieces = nil
	}
	// add appends text, starting a paragraph at each blank line.
	add := func(text string, piece func(string) app.UI) {
		for i, part := range strings.Split(text, "\n\n") {
			if i > 0 {
				flush()
			}
			if part != "" {
				pieces = append(pieces, piece(part))
			}
		}
	}
	hunk, inHunk := -1, false
	for i, op := range d.Ops {
		if op.Kind == revision.Equal {
			inHunk = false
		} else if !inHunk {
			hunk, inHunk = hunk+1, true
		}
		cls := map[bool]string{true: "current"}[hunk == current]
		switch {
		case op.Kind == revision.Equal:
			lead, trail, hidden := d.Text(op), "", 0
			if !whole {
				lead, trail, hidden = reading.Fold(lead, foldContext, i == 0, i == len(d.Ops)-1)
			}
			add(lead, func(s string) app.UI { return app.Text(s) })
			if hidden > 0 {
				pieces = append(pieces, app.Span().Class("fold").Text(fmt.Sprintf(" [… %s unchanged …] ", plural(hidden, "word"))))
				add(trail, func(s string) app.UI { return app.Text(s) })
			}
		case !slices.Contains(kinds, op.Kind):
		case op.Kind == revision.Insert:
			add(d.Text(op), func(s string) app.UI { return app.Ins().DataSet("hunk", hunk).Class(cls).Text(s) })
		case op.Kind == revision.Delete:
			add(d.Text(op), func(s string) app.UI { return app.Del().DataSet("hunk", hunk).Class(cls).Text(s) })
		}
	}
	flush()
	return paras
}
