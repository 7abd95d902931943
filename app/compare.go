package ui

import (
	"fmt"
	"math"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/library"
)

// comparePanel is "What changed": two revisions picked by From and To, the
// summary of their diff, the quotes and claims whose words changed, and
// the diff itself, inline or side by side, with n / p stepping through its
// changes.
type comparePanel struct {
	app.Compo

	Model      *storyModel
	Comparison *library.Comparison
	Revisions  int // how many the story has: the diff is shown before a new one is stored

	shown      *library.Comparison // the comparison hunk belongs to
	hunk       int                 // the change jumped to (-1: none yet)
	sideBySide bool
	wholeText  bool // unchanged text unfolded
	picks      int  // how many times From or To was changed
	keyFn      app.Func
	ctx        app.Context // its own, to redraw itself from its selectors' handlers
	mounted    bool

	// The diff's items, built once per comparison, layout and change
	// jumped to (items' key), and how many rows of the report and items of
	// the diff are drawn, in that order: a long diff is drawn a chunk per
	// task, as the article is (building all of a 100 KB diff's DOM at once
	// blocked the page for half a second after a revision was added). The
	// items are built once the report is drawn, in a task of their own:
	// 20–60 ms for a 100 KB diff.
	items     []app.UI
	itemsKey  diffKey
	changes   []library.Change // the report's rows, listed once per comparison
	drawn     int
	more      bool // some are left for later tasks
	scheduled bool // a later task will draw more
}

// diffKey is what a diff's items are built from.
type diffKey struct {
	cmp               *library.Comparison
	sideBySide, whole bool
	hunk              int
}

// compareChunk is how many report rows and diff items one draw adds.
const compareChunk = 24

func (c *comparePanel) OnMount(ctx app.Context) {
	c.ctx, c.mounted = ctx, true
	if c.more {
		c.drawMoreLater() // the first render came before the mount
	}
	c.keyFn = app.FuncOf(func(this app.Value, args []app.Value) any {
		c.onKey(ctx, args[0])
		return nil
	})
	app.Window().Call("addEventListener", "keydown", c.keyFn)
}

func (c *comparePanel) OnDismount() {
	c.mounted = false
	app.Window().Call("removeEventListener", "keydown", c.keyFn)
	c.keyFn.Release()
}

// onKey takes n and p, next and previous change, when no words are
// selected in the article (with words selected, n tags a note: the story
// page's key).
func (c *comparePanel) onKey(ctx app.Context, e app.Value) {
	key := e.Get("key").String()
	if key != "n" && key != "p" || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
		return
	}
	target := e.Get("target")
	if typingTarget(target.Get("tagName").String(), target.Get("isContentEditable").Truthy()) {
		return
	}
	if _, selected := selection("article"); selected {
		return
	}
	e.Call("preventDefault")
	dir := map[string]int{"n": 1, "p": -1}[key]
	ctx.Dispatch(func(ctx app.Context) { c.step(ctx, dir) })
}

// step moves to the next (+1) or previous (-1) change of the diff.
func (c *comparePanel) step(ctx app.Context, dir int) {
	c.sync()
	n := len(c.Comparison.Diff.Hunks())
	if n == 0 {
		return
	}
	c.hunk = ((c.hunk+dir)%n + n) % n
	c.drawn = math.MaxInt // the change jumped to must be drawn to be scrolled to
	hunk := c.hunk
	ctx.Defer(func(app.Context) { scrollIntoView(fmt.Sprintf(`#diff [data-hunk="%d"]`, hunk)) })
}

// sync starts again from no change jumped to when the comparison is new.
func (c *comparePanel) sync() {
	if c.shown != c.Comparison {
		c.shown, c.hunk, c.drawn = c.Comparison, -1, compareChunk
		c.changes = c.Comparison.Changed()
	}
}

// diffItems are the diff's items for the comparison, layout and change
// shown, built again only when one of them changed.
func (c *comparePanel) diffItems() []app.UI {
	if key := (diffKey{c.Comparison, c.sideBySide, c.wholeText, c.hunk}); c.items == nil || c.itemsKey != key {
		c.itemsKey = key
		_, c.items = diffItems(c.Comparison.Diff, c.sideBySide, c.wholeText, c.hunk)
	}
	return c.items
}

// chunk is how many of the report's n rows and of the diff's items are
// drawn now, and whether some are left; it builds the items (items())
// only once all the rows are drawn.
func (c *comparePanel) chunk(n int, items func() []app.UI) (rows, diff int, more bool) {
	rows = min(c.drawn, n)
	if rows < n {
		return rows, 0, true
	}
	all := items()
	diff = min(c.drawn-rows, len(all))
	if c.sideBySide && diff%2 == 1 && diff < len(all) {
		diff++ // a row is two cells: the grid stays aligned
	}
	return rows, diff, diff < len(all)
}

// drawMoreLater draws the next chunk in a later task, so that the
// browser can answer input between chunks, drawing only the panel again.
func (c *comparePanel) drawMoreLater() {
	if !c.mounted || c.scheduled {
		return
	}
	c.scheduled = true
	redrawAlone(c.ctx, c.Model.ui, time.Millisecond, func(app.Context) {
		c.scheduled = false
		if c.drawn < math.MaxInt-compareChunk {
			c.drawn += compareChunk
		}
	})
}

// openComparison shows the diff of two revisions, earlier first whichever
// order they were picked in.
func (m *storyModel) openComparison(from, to int) {
	c, err := m.sess.Compare(from, to)
	m.redraw(func(ctx app.Context) {
		if err != nil { // the same revision twice: keep the diff shown, and say so
			if m.compare != nil {
				err = fmt.Errorf("%w: From and To were the same, so the diff shown stays #%d → #%d", err, m.compare.From+1, m.compare.To+1)
			}
			m.status = failure(err)
			return
		}
		m.compare = c
	})
}

// pick compares the revisions chosen in From and To.
func (c *comparePanel) pick(from, to int) {
	c.ctx.Dispatch(func(app.Context) { c.picks++ }) // the selectors are drawn again, on the pair shown
	c.Model.openComparison(from, to)
}

func (c *comparePanel) Render() app.UI {
	c.sync()
	cmp, m := c.Comparison, c.Model
	from, to := cmp.FromRevision, cmp.ToRevision
	q, cl := cmp.Affected()
	st := cmp.Diff.Stats
	dates := make([]string, len(m.sess.Revisions))
	for i, r := range m.sess.Revisions {
		dates[i] = r.DateLabel() + " (#" + itoa(i+1) + ")"
	}
	changes := c.changes
	rows, diff, more := c.chunk(len(changes), c.diffItems)
	if c.more = more; more {
		c.drawMoreLater()
	}
	// data-drawing while rows or items are left for later tasks (the
	// benchmark waits).
	return app.Section().ID("compare").Class("compare").Aria("labelledby", "compare-title").DataSet("drawing", more).Body(
		app.Div().Class("compare-head").Body(
			app.H2().ID("compare-title").Text("What changed"),
			// The handlers read the comparison shown when they run: one
			// captured here would be the first comparison drawn, and
			// changing From would put back that one's To.
			app.Div().Class("field").Body(app.Label().For("compare-from").Text("From"),
				&revisionSelect{ID: "compare-from", Options: dates, Value: cmp.From, Min: 0, Max: cmp.To - 1, Picks: c.picks, Pick: func(i int) { c.pick(i, c.Comparison.To) }}),
			app.Div().Class("field").Body(app.Label().For("compare-to").Text("To"),
				&revisionSelect{ID: "compare-to", Options: dates, Value: cmp.To, Min: cmp.From + 1, Max: len(dates) - 1, Picks: c.picks, Pick: func(i int) { c.pick(c.Comparison.From, i) }}),
			app.Button().ID("diff-mode").Text(map[bool]string{true: "Side by side", false: "Inline"}[!c.sideBySide]).
				OnClick(func(ctx app.Context, e app.Event) { c.sideBySide, c.drawn = !c.sideBySide, compareChunk }),
			app.Button().ID("diff-whole").Text(map[bool]string{true: "Fold unchanged text", false: "Show all text"}[c.wholeText]).
				OnClick(func(ctx app.Context, e app.Event) { c.wholeText, c.drawn = !c.wholeText, compareChunk }),
			app.Button().ID("prev-change").Text("Previous change (p)").OnClick(func(ctx app.Context, e app.Event) { c.step(ctx, -1) }),
			app.Button().ID("next-change").Text("Next change (n)").OnClick(func(ctx app.Context, e app.Event) { c.step(ctx, 1) }),
			app.Button().ID("compare-close").Text("Close").OnClick(func(ctx app.Context, e app.Event) {
				m.redraw(func(app.Context) { m.compare = nil })
			}),
		),
		app.P().ID("diff-summary").Class("summary").Text(fmt.Sprintf(
			"%s → %s: %d words added, %d removed, %s touched; %s and %s affected%s.",
			revisionLabel(cmp.From, from), revisionLabel(cmp.To, to), st.WordsAdded, st.WordsRemoved, plural(st.ParagraphsTouched, "paragraph"), plural(q, "quote"), plural(cl, "claim"), movedNote(cmp))),
		&changedRows{Changes: changes, Rows: rows},
		diffRegion(diffLayout(c.sideBySide)).Body(c.items[:diff]...),
	)
}

// revisionSelect is From or To. It shows the revision compared: a
// <select> the reader changed, or whose options changed, no longer
// follows its options' selected attribute, so From = #2, To = #1 would
// read 2→1 over the diff of 1→2, and a third revision added would show
// the first as To. So a new pair, a new list of revisions or a pick (even
// one refused) draws a new <select> (CompoID).
type revisionSelect struct {
	app.Compo

	ID       string
	Options  []string
	Value    int
	Min, Max int // the options that can be picked: From is before To, To after From (the others are disabled)
	Picks    int
	Pick     func(int)
}

func (r *revisionSelect) CompoID() string {
	return fmt.Sprintf("%s/%d/%d/%d", r.ID, r.Value, len(r.Options), r.Picks)
}

func (r *revisionSelect) Render() app.UI {
	return app.Select().ID(r.ID).OnChange(func(ctx app.Context, e app.Event) {
		r.Pick(ctx.JSSrc().Get("selectedIndex").Int())
	}).Body(app.Range(r.Options).Slice(func(i int) app.UI {
		return app.Option().Value(i).Text(r.Options[i]).Selected(i == r.Value).Disabled(i < r.Min || i > r.Max)
	}))
}

// changedRows is the changed-quotes report with its first Rows rows
// drawn, a component of its own so that a draw of the panel that does not
// change them (a revision stored: From and To list one more) leaves them
// as they are rather than going through every row drawn (go-app compares
// a component's fields, and Changes is the same slice each time).
type changedRows struct {
	app.Compo

	Changes []library.Change
	Rows    int
}

func (r *changedRows) Render() app.UI { return changedReport(r.Changes, r.Rows) }
