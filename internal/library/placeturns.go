package library

import (
	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/sorts"
	"github.com/redline-news/redline/internal/span"
	"github.com/redline-news/redline/internal/store"
)

// shownRevision is what a session shows of a revision: its text and its
// annotations anchored on it. It is worked out apart from the session
// (placement), so that the work can pause for the page to draw and take
// input while the session still shows, whole, what it showed before;
// show then puts it in place at once.
type shownRevision struct {
	text        *anchor.Text
	paragraphs  []span.Span
	annotations []Placed
}

// placement anchors rev's annotations among anns onto its text and sorts
// them in text order, orphans last, calling pause (nil: never) before
// each (Library.Turns when a story opens: anchoring a 1 MB story's 10,000
// annotations is most of a second of the page's wasm); it stops at
// pause's error.
func placement(rev annotation.Revision, anns []store.Annotation, pause corecall.Pause) (shownRevision, error) {
	t := anchor.NewText(rev.Text)
	p := shownRevision{text: t, paragraphs: paragraphs(t.Runes())}
	for _, a := range anns {
		if a.Revision != rev.ID {
			continue
		}
		if pause != nil {
			if err := pause(); err != nil {
				return shownRevision{}, err
			}
		}
		pl := Placed{Annotation: a}
		pl.Span, pl.Orphaned = locateIn(t, a)
		p.annotations = append(p.annotations, pl)
	}
	sorts.StableFunc(p.annotations, textOrder)
	return p, nil
}

// show puts a placement in the session.
func (s *Session) show(p shownRevision) {
	s.Text, s.runes, s.Paragraphs, s.Annotations = p.text, p.text.Runes(), p.paragraphs, p.annotations
}
