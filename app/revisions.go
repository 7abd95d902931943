package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/library"
)

// revisionsPanel lists the story's revisions (any of them can be shown),
// takes a later version (a file, a paste; a drop on the page goes to the
// model too) and draws the timeline.
type revisionsPanel struct {
	app.Compo

	Model   *storyModel
	Version int // the model's: redraw with it (a func field would redraw it with every render of the page)

	paste string // the pasted new version, not added yet

	ctx     app.Context
	mounted bool
	// fetching is the session whose missing diffs are being fetched for
	// the timeline (once per session: a failure is shown, not retried in
	// a loop); fetchErr is why they could not be.
	fetching *library.Session
	fetchErr error
	// points are the timeline's, computing says they are being computed
	// again in a later task.
	points    timelinePoints
	computing bool
}

func (r *revisionsPanel) OnMount(ctx app.Context) {
	r.ctx, r.mounted = ctx, true
	if s := r.Model.sess; s != nil && !s.StatsToFetch().Empty() {
		r.fetchTimeline(s) // the first render came before the mount
	}
}

func (r *revisionsPanel) Render() app.UI {
	m := r.Model
	s := m.sess
	return app.Section().ID("revisions").Class("revisions").Aria("labelledby", "revisions-title").Body(
		app.H2().ID("revisions-title").Text("Revisions"),
		slot(m.unrelated != nil, func() app.UI { return unrelatedWarning(m, m.unrelated) }),
		app.Ol().Class("revision-list").Body(app.Range(s.Revisions).Slice(func(i int) app.UI {
			rev := s.Revisions[i]
			b := app.Button().Class("revision").DataSet("index", i).
				Text(fmt.Sprintf("#%d · %s · %s", i+1, rev.DateLabel(), plural(m.wordCount(rev), "word"))).
				OnClick(func(ctx app.Context, e app.Event) { m.show(ctx, i) })
			if i == s.Current {
				b = b.Class("current").Aria("current", "true")
			}
			if i == 0 || i < len(s.Revisions)-1 || m.readOnly() {
				return app.Li().Body(b)
			}
			return app.Li().Body(b, app.Button().ID("revision-delete").Class("link").
				// Named, in view: "this revision" beside #2 read as the one
				// shown, which may be #1 (tester 4).
				Text(fmt.Sprintf("Delete #%d, the latest", i+1)).
				OnClick(func(ctx app.Context, e app.Event) { m.deleteRevision() }))
		})),
		app.Div().Class("add-row").Body(
			app.Label().For("revision-file").Class("button").Hidden(m.readOnly()).Text("Add a later version…"),
			app.Input().ID("revision-file").Type("file").Class("visually-hidden").Disabled(m.readOnly()).
				Accept(".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html").
				OnChange(func(ctx app.Context, e app.Event) {
					input := ctx.JSSrc()
					readFiles(ctx, input.Get("files"), corecall.MaxArticleBytes, func(_ app.Context, files []pickedFile) { m.addRevisions(files, nil) })
					input.Set("value", "")
				}),
			app.If(len(s.Revisions) > 1, func() app.UI {
				return app.Button().ID("compare-open").Text("Compare revisions").OnClick(func(ctx app.Context, e app.Event) {
					n := len(m.sess.Revisions)
					m.openComparison(n-2, n-1)
				})
			}),
		),
		app.Details().Hidden(m.readOnly()).Body( // a viewer adds no version
			app.Summary().Text("…or paste the new version"),
			app.Label().For("revision-paste").Class("visually-hidden").Text("New version of the article"),
			app.Textarea().ID("revision-paste").Rows(4).Text(r.paste).OnInput(r.ValueTo(&r.paste)),
			app.Button().ID("revision-paste-add").Text("Add pasted version").Disabled(strings.TrimSpace(r.paste) == "").
				OnClick(func(ctx app.Context, e app.Event) {
					// The box empties once the version is added: refused (the
					// core failed, the page is from an older build), the
					// pasted text stays to try again.
					m.addRevisions([]pickedFile{{Data: []byte(r.paste)}}, func() {
						r.paste = ""
						setValue("revision-paste", "") // a textarea shows its initial text only
					})
				}),
		),
		app.If(len(s.Revisions) > 1, func() app.UI {
			points, complete, fresh := r.points.peek(s, m.reloads)
			switch {
			case !fresh && !r.mounted: // the first render, before the mount
				r.points.compute(s, m.reloads)
				points, complete, fresh = r.points.peek(s, m.reloads)
			case !fresh:
				r.computeTimelineLater(s)
			}
			if fresh && !complete {
				r.fetchTimeline(s)
			}
			if r.fetchErr != nil && r.fetching == s {
				return app.P().Class("timeline-error").Text("The timeline is unavailable: " + r.fetchErr.Error())
			}
			if points == nil {
				return app.Text("") // drawn in the next task
			}
			return timeline(points, func(i int) { m.openComparison(max(0, i-1), max(1, i)) })
		}),
	)
}

// fetchTimeline asks the core for the diffs the timeline lacks (a story
// just opened), away from the page, and draws it again with them.
func (r *revisionsPanel) fetchTimeline(s *library.Session) {
	if !r.mounted || r.fetching == s {
		return
	}
	r.fetching, r.fetchErr = s, nil
	missing := s.StatsToFetch()
	r.ctx.Async(func() {
		stats, err := missing.Fetch()
		r.ctx.Dispatch(func(app.Context) {
			if err != nil {
				r.fetchErr = err
				return
			}
			s.KeepStats(stats)
			r.points.stale()
		})
	})
}

// computeTimelineLater computes the timeline's points again in a later
// task, drawing only the panel again, so that the draw showing a new
// revision does not pay for them too.
func (r *revisionsPanel) computeTimelineLater(s *library.Session) {
	if r.computing {
		return
	}
	r.computing = true
	redrawAlone(r.ctx, r.Model.ui, time.Millisecond, func(app.Context) {
		r.computing = false
		if r.Model.sess == s {
			r.points.compute(s, r.Model.reloads)
		}
	})
}

// addRevisions adds each file as a later revision, in order, and opens
// the comparison with the one before. A file that shares almost nothing
// with the story (the wrong file: every annotation would be orphaned) is
// not added unless the reader says so (see unrelatedWarning); files after
// it are left. added, if not nil, runs once they are all added.
func (m *storyModel) addRevisions(files []pickedFile, added func()) {
	m.flushEdits()
	m.redrawPage(func(app.Context) { m.status = busy("Comparing and carrying your annotations over…") })
	var cmp *library.Comparison
	asked := false
	m.change(func(ctx context.Context, s *library.Session) (string, error) {
		for _, f := range files {
			if f.Err != "" {
				return "", fmt.Errorf("%s %s", f.Name, f.Err)
			}
			c, err := s.PrepareRevision(f.Name, f.Data)
			if err != nil {
				return "", err
			}
			if c.Unrelated() {
				asked = true
				m.redraw(func(app.Context) { m.compare, m.unrelated, m.unrelatedAdded = c, c, added })
				return "", nil
			}
			if err := m.commit(ctx, s, c); err != nil {
				return "", err
			}
			cmp = c
		}
		return revisionAdded(s, cmp), nil
	}, func(app.Context) {
		if !asked {
			m.compare = cmp
			m.followSelected()
			if added != nil {
				added()
			}
		}
	})
}

// addUnrelated adds the revision the reader confirmed.
func (m *storyModel) addUnrelated(c *library.Comparison) {
	added := m.unrelatedAdded
	m.unrelated, m.unrelatedAdded = nil, nil
	m.flushEdits()
	m.change(func(ctx context.Context, s *library.Session) (string, error) {
		if err := m.commit(ctx, s, c); err != nil {
			return "", err
		}
		return revisionAdded(s, c), nil
	}, func(app.Context) {
		m.compare = c
		m.followSelected()
		if added != nil {
			added()
		}
	})
}

// followSelected selects, once a revision is added, the copy it carried
// the selected annotation onto: an editor open on it stays open, with
// what the reader is typing (see library.Session.Follow).
func (m *storyModel) followSelected() {
	p, ok := m.sess.Follow(m.selected)
	if !ok {
		m.selected = ""
		return
	}
	m.selected = p.ID
}

// commit stores a prepared revision, its diff shown meanwhile: storing it
// and its carried annotations takes longer, and the marks follow. The
// diff's first draw gets a task of its own (letBrowserIn): after the
// comparison's decoding it made a task of over 50 ms.
func (m *storyModel) commit(ctx context.Context, s *library.Session, c *library.Comparison) error {
	letBrowserIn()
	m.redrawPage(func(app.Context) {
		m.compare, m.status = c, busy("Saving the revision and your annotations on it…")
	})
	if err := s.CommitRevisionInTurns(ctx, c, pageTurns); err != nil {
		m.redraw(func(app.Context) { m.compare = nil })
		return err
	}
	return nil
}

// revisionLabel names revision i for a reader by its number and date
// ("#2 (undated, added 2026-12-01)"): two undated revisions added on one
// day read alike by their dates alone.
func revisionLabel(i int, r annotation.Revision) string {
	return fmt.Sprintf("#%d (%s)", i+1, r.DateLabel())
}

func revisionAdded(s *library.Session, c *library.Comparison) string {
	q, cl := c.Affected()
	return fmt.Sprintf("Added the revision #%d (%s): %s; %s and %s affected%s.",
		s.Current+1, s.Revision().DateLabel(), c.Diff.Stats, plural(q, "quote"), plural(cl, "claim"), movedNote(c))
}

// movedNote adds to a count of quotes and claims whose words changed the
// ones only moved, which the changed-quotes report does not list.
func movedNote(c *library.Comparison) string {
	n := c.MovedOnly()
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %d more moved, words unchanged", n)
}

// unrelatedWarning asks before adding a later version that shares almost
// nothing with the story; its diff is shown under it.
func unrelatedWarning(m *storyModel, c *library.Comparison) app.UI {
	return app.Div().ID("unrelated").Class("notice").Role("alert").Body(
		app.P().Text(fmt.Sprintf("This version shares only %.0f%% of its words with the story: it looks like a different article, and every annotation would lose its words. Add it as a later version anyway?", 100*c.SharedWords())),
		app.Button().ID("unrelated-add").Text("Add it anyway").OnClick(func(ctx app.Context, e app.Event) { m.addUnrelated(c) }, itemScope(c.ToRevision.ID)),
		app.Button().ID("unrelated-cancel").Text("Don't add it").OnClick(func(ctx app.Context, e app.Event) {
			m.redraw(func(app.Context) {
				m.unrelated, m.unrelatedAdded, m.compare, m.status = nil, nil, nil, success("Not added.")
			})
		}),
	)
}

// deleteRevision removes the latest revision (a wrong file, a version
// added twice) with the annotations carried onto it; Undo brings it back.
func (m *storyModel) deleteRevision() {
	m.flushEdits()
	m.change(func(ctx context.Context, s *library.Session) (string, error) {
		n, date := len(s.Revisions), s.Revisions[len(s.Revisions)-1].DateLabel()
		if err := s.DeleteRevision(ctx); err != nil {
			return "", err
		}
		return fmt.Sprintf("Deleted the revision #%d (%s) and the annotations on it. Ctrl+Z or Undo brings them back.", n, date), nil
	}, func(app.Context) { m.compare, m.selected = nil, "" })
}
