package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// itemScope is the event scope of a handler that closes over one item of a
// list (a story, an annotation, a revision): every value the handler
// captured.
//
// When a list is drawn again, go-app reuses the element at each position
// and keeps its old handler whenever the new one comes from the same
// function literal with the same scope: it compares code pointers, not
// what the closure captured. Without a scope naming the item, a row that
// now shows story B still runs the handler bound to story A, the story
// that held that position when the row was first drawn (issue 16, bug 1:
// Delete and Rename acting on the oldest story). With it, a row whose item
// changed gets its handler bound again.
//
// Handlers that do not close over an item read the page's state when they
// run (p.sess, p.compare…), never a value captured at render time.
func itemScope(captured ...any) app.EventOption { return app.EventScope(captured...) }
