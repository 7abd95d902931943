package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// slot is elem() when shown, else an empty text node in its place. go-app
// matches an element's children by position, so a part that appears or
// goes (the comparison, a notice) in front of others, as app.If would
// have it, made every sibling after it a new element: opening the
// comparison after a revision was added mounted the whole article and
// sidebar again (over 100 ms on a 100 KB story with 1,000 annotations),
// and they lost what they held (the sidebar's filters, the word cursor).
func slot(shown bool, elem func() app.UI) app.UI {
	if !shown {
		return app.Text("")
	}
	return elem()
}
