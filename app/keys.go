package ui

// shortcut is one key the story page answers to; the help dialog lists
// them all from this table, so the list cannot drift from what works.
type shortcut struct {
	keys, action string
}

var shortcuts = []shortcut{
	{"← / →", "in the article (Tab to it): select the previous / next word"},
	{"Shift+← / →", "in the article: select one word less / more"},
	{"Shift+↑ / ↓", "in the article: select to the paragraph's start / end"},
	{"q", "tag the selected words as a quote"},
	{"c", "tag the selected words as a claim"},
	{"n", "tag the selected words as a note"},
	{"j / k", "next / previous annotation"},
	{"n / p", "next / previous change, while comparing revisions (with no words selected)"},
	{"Enter", "edit the current annotation"},
	{"Ctrl+Z", "undo the last change"},
	{"Esc", "close a dialog, or deselect; in the editor, back to the text"},
	{"?", "show or hide these shortcuts"},
}

// typingTarget reports whether a key event comes from a field the reader
// is typing in, where letters must not act as shortcuts.
func typingTarget(tag string, editable bool) bool {
	switch tag {
	case "INPUT", "TEXTAREA", "SELECT":
		return true
	}
	return editable
}
