package ui

import (
	"context"
	"errors"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/store"
)

// storyModel is what the story page's components share: the open story's
// session (internal/library.Session, the one model they all call), the
// annotation selected, the comparison shown, and the page's status line.
// Each component keeps its own view state (the diff's mode, a paste box,
// an import's errors) and gets from the model only what it draws.
//
// A component's handler changes the model through its methods, which
// redraw the page (and so every component given what changed): a handler
// alone redraws only its own component.
type storyModel struct {
	ui      app.Context // the page's context
	sess    *library.Session
	storyID string
	project string // the project the story is in; "" for the personal library

	selected string              // id of the annotation being looked at or edited
	compare  *library.Comparison // the diff shown, if any
	// unrelated is a later version that shares almost nothing with the
	// story, not added until the reader confirms it.
	unrelated *library.Comparison
	// unrelatedAdded is what to do once it is added (empty the paste box
	// it came from).
	unrelatedAdded func()
	status         status
	version        int // counts redraws: components drawing the session take it, to redraw with it
	reloads        int // counts the story's reloads after another tab changed it
	// gone: another tab deleted the story, or moved it into a project.
	// Nothing is saved until it is back (Undo there); what the reader
	// types stays in its drafts. goneWhy says which.
	gone    bool
	goneWhy status
	// saving holds the new tags drawn at their keypress whose IndexedDB
	// writes have not committed: their marks say so (data-saving).
	saving  map[string]bool
	article articleViews   // the article's paragraphs as last laid out
	words   map[string]int // word counts by revision id (see wordCount)

	// ops serialises the session operations run off the UI goroutine, in
	// the order asked: two at once (a quick second edit, an edit right
	// after a tag) would race on the same stored record and the second
	// would be refused.
	ops opQueue
	// editor is the annotation editor open, whose typed fields are saved
	// before an operation replaces the annotations shown (see flushEdits).
	editor *annotationEditor
	// printing is what the last Print asked for (nil: not asked).
	printing *printView

	// The page's components that others act on or that take the page's
	// keys, each set while it is mounted (see their OnMount).
	suggest  *suggestMode
	sidebar  *annotationSidebar
	editors  *editorHost
	text     *articleView
	importer *importDialog
	help     *helpDialog
}

// readOnly says the reader may only read this story: it is in a project
// where they are a viewer (the role the session last fetched). Nothing
// that changes the story is offered then: the server would refuse it.
func (m *storyModel) readOnly() bool {
	if m.project == "" {
		return false
	}
	pr, ok := CurrentSession().Project(m.project)
	return ok && !canWrite(pr)
}

// readOnlyWords is what a viewer's story page says about it.
const readOnlyWords = "You can read this project's stories; only its editors can change them."

// editorOpened keeps track of the editor open: a closing editor forgets
// itself only if another has not opened meanwhile.
func (m *storyModel) editorOpened(e *annotationEditor, open bool) {
	switch {
	case open:
		m.editor = e
	case m.editor == e:
		m.editor = nil
	}
}

// flushEdits saves what the reader typed in the editor and is not saved
// yet, ahead of the operation asked for next (adding or deleting a
// revision, showing another one): once the annotations shown are
// replaced, the edit's annotation is no longer there to store it on.
func (m *storyModel) flushEdits() {
	if m.editor != nil {
		m.editor.flush()
	}
}

// redraw draws the page again after do (nil: nothing) changed the model.
func (m *storyModel) redraw(do func(app.Context)) {
	m.ui.Dispatch(func(ctx app.Context) {
		m.version++
		if do != nil {
			do(ctx)
		}
	})
}

// redrawPage draws the page again after do changed only what the page
// draws itself (the status line, the comparison shown): its components
// keep the model's version, so go-app leaves them as they are. Showing a
// new revision's diff with every component drawn again took 150–250 ms.
func (m *storyModel) redrawPage(do func(app.Context)) { m.ui.Dispatch(do) }

// say shows a status message.
func (m *storyModel) say(s status) { m.redraw(func(app.Context) { m.status = s }) }

// change runs a session operation off the UI goroutine and shows its
// outcome; after, if not nil, runs on the UI goroutine when op succeeded.
// A conflict with another tab reloads the story and says so: nothing is
// overwritten. (The session is only touched by one operation at a time:
// wasm runs goroutines on one thread and switches only where they block,
// and the session changes its fields after its store calls return.)
func (m *storyModel) change(op func(context.Context, *library.Session) (string, error), after func(app.Context)) {
	sess := m.sess
	if sess == nil {
		return
	}
	if m.gone {
		m.say(m.goneWhy)
		return
	}
	var msg string
	var err error
	turn := m.ops.ticket()
	m.ui.Async(func() {
		m.ops.run(turn, func() {
			msg, err = op(context.Background(), sess)
			if errors.Is(err, store.ErrConflict) {
				// In the queue: a reload lets the browser in while it
				// places, and an operation run meanwhile would be undone
				// by the older snapshot it shows.
				sess.Reload(context.Background())
				err = errors.New("this story was changed in another tab; it now shows the latest version and your last change was not saved")
			}
		})
		m.redraw(func(ctx app.Context) {
			if err != nil {
				m.status = failure(err)
				return
			}
			m.status = success(msg)
			if after != nil {
				after(ctx)
			}
		})
	})
}

// reload re-reads the story after another tab changed it.
func (m *storyModel) reload() {
	sess := m.sess
	if sess == nil {
		return
	}
	var err error
	var followed, recompared bool
	var moved *Project
	shown := m.compare
	compare := shown
	turn := m.ops.ticket()
	m.ui.Async(func() {
		m.ops.run(turn, func() {
			// A reader typing in an annotation's editor on the latest
			// revision goes on with it on a revision that arrived
			// (library.ReloadFollowing); one only reading stays on the
			// text she reads, told that a later revision came.
			open := ""
			if e := m.editor; e != nil && e.typing > 0 {
				open = m.selected
			}
			followed, err = sess.ReloadFollowing(context.Background(), open)
			if err == nil { // in the queue too: it asks the session's revisions
				compare, recompared = renumbered(sess, shown)
			}
		})
		if errors.Is(err, store.ErrNotFound) && m.project == "" {
			moved = movedInto(context.Background(), m.storyID)
		}
		m.redraw(func(app.Context) {
			m.reloads++
			if recompared && m.compare == shown { // not another picked meanwhile
				m.compare = compare
			}
			switch {
			case moved != nil:
				m.gone, m.goneWhy = true, movedAway(*moved, m.storyID)
				m.status = m.goneWhy
			case errors.Is(err, store.ErrNotFound):
				m.gone, m.goneWhy = true, complaint(deletedElsewhere)
				m.status = m.goneWhy
			case err != nil:
				m.status = failure(err)
			case m.gone:
				m.gone, m.status = false, success("This story is back: it can be edited again.")
			case followed:
				m.status = success("A new revision arrived; the annotation you have open goes on with it there, with what you typed.")
			case m.selected != "":
				// The editor open goes with its annotation: say why, rather
				// than let it vanish (tester 4).
				if _, ok := sess.Follow(m.selected); !ok { // Follow: it may have gone on with a copy on a newer revision
					m.selected, m.status = "", complaint("The annotation you had open was deleted elsewhere (another tab, or a colleague). Undo there brings it back.")
				}
			}
		})
	})
}

// renumbered is the comparison c of the same two revisions after a reload
// renumbered them (a sync brought in a colleague's revision before
// them), so that its numbers and diff are those of the revisions it
// compares; nil if one of them is gone. recompared says it changed.
func renumbered(s *library.Session, c *library.Comparison) (_ *library.Comparison, recompared bool) {
	if c == nil {
		return nil, false
	}
	index := func(id string) int {
		return slices.IndexFunc(s.Revisions, func(r annotation.Revision) bool { return r.ID == id })
	}
	from, to := index(c.FromRevision.ID), index(c.ToRevision.ID)
	if from == c.From && to == c.To {
		return c, false
	}
	if from < 0 || to < 0 {
		return nil, true
	}
	fresh, err := s.Compare(from, to)
	if err != nil {
		return nil, true
	}
	return fresh, true
}

// deletedElsewhere is what a story page says once another tab deleted its
// story.
const deletedElsewhere = "This story was deleted in another tab, so nothing here can be changed until it is brought back (Undo in the library). What you had typed and not saved yet is kept in this browser and saved then."
