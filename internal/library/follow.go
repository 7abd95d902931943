package library

import (
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/store"
)

// A revision added carries each annotation onto a copy of its own, with
// an id of its own, on the new revision. A reader who had one open, or
// was typing in its note while the revision was saved, is still working
// on the same words: Follow finds where they went, so the editor stays
// open on the copy and what was typed lands on it (tester 5: the editor
// closed, said "deleted, in another tab" and dropped the typing).

// rememberCarried records, for each annotation a revision carried, the
// id of its copy on the new revision.
func (s *Session) rememberCarried(results []corecall.Carried, carried []store.Annotation) {
	if s.carriedTo == nil {
		s.carriedTo = make(map[string]string, len(results))
	}
	for i, r := range results {
		s.carriedTo[r.Annotation.ID] = carried[i].ID
	}
}

// Follow is the annotation shown with the given id or, if a revision this
// session added carried it onto a copy (a copy of a copy, for several
// revisions), that copy, if the shown revision holds it.
func (s *Session) Follow(id string) (Placed, bool) {
	for range len(s.carriedTo) + 1 {
		if p, ok := s.Find(id); ok {
			return p, true
		}
		next, ok := s.carriedTo[id]
		if !ok {
			return Placed{}, false
		}
		id = next
	}
	return Placed{}, false
}
