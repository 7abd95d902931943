package ui

import (
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/reading"
)

// wordCount is how many words a revision has, counted once: the story page
// shows it for every revision on every redraw, and counting a 1 MB text
// took a tenth of a second in wasm each time.
func (m *storyModel) wordCount(rev annotation.Revision) int {
	if n, ok := m.words[rev.ID]; ok {
		return n
	}
	if m.words == nil {
		m.words = map[string]int{}
	}
	n := reading.CountWords(rev.Text) // as the server counts it (article.CountWords)
	m.words[rev.ID] = n
	return n
}
