package library

import (
	"context"
	"slices"
)

// ReloadFollowing is Reload for a reader with annotation id open (its
// editor), on the latest revision: when the reload finds later revisions
// (a colleague added one, the project's watcher captured one) that carry
// the annotation, the session shows the latest and Follow finds the copy
// there, so the editor goes on with it and what is typed next is saved
// where the colleagues read (tester 5, bug 12: the view stayed on the
// old revision and the typing never reached the new one). Otherwise it
// is Reload: the revision shown stays. followed says the latest is shown.
//
// The copies are found by their ids: a project names a copy after its
// annotation and revision (Namer.CarriedID), on every device and on the
// server. A personal library names them at random, and there another
// tab's revision does not move this one.
func (s *Session) ReloadFollowing(ctx context.Context, id string) (followed bool, err error) {
	wasLatest := s.Current == len(s.Revisions)-1
	shown := s.Revision().ID
	open, ok := s.Follow(id)
	if err := s.Reload(ctx); err != nil {
		return false, err
	}
	n, named := s.lib.Store.(Namer)
	if !wasLatest || !ok || !named || s.Revision().ID != shown || s.Current == len(s.Revisions)-1 {
		return false, nil
	}
	stored := make(map[string]string, len(s.all)) // annotation id → its revision
	for _, a := range s.all {
		stored[a.ID] = a.Revision
	}
	linked := false
	for _, p := range s.Annotations {
		from := p.ID
		for _, rev := range s.Revisions[s.Current+1:] {
			copyID := n.CarriedID(from, rev.ID)
			if stored[copyID] != rev.ID {
				break // not carried (orphaned, or deleted since): it is not followed further
			}
			if s.carriedTo == nil {
				s.carriedTo = map[string]string{}
			}
			s.carriedTo[from] = copyID
			from = copyID
			if p.ID == open.ID && rev.ID == s.Revisions[len(s.Revisions)-1].ID {
				linked = true
			}
		}
	}
	if !linked {
		return false, nil
	}
	s.Current = len(s.Revisions) - 1
	s.place(s.all)
	s.undo = nil // the history was about the previous revision's page, as after AddRevision
	return true, nil
}

// followedBase is the base to merge a field typed from base with, once
// the typing is saved on cur, a copy a revision carried an annotation
// onto (Follow). The copy holds the field as the original had it when the
// copy was made; when that is a text this session saved on the original
// (or on a copy before it), what differs is only the reader's own words
// saved there since (typing on while a capture or a colleague's revision
// arrived): the copy is the base, and the typing is stored as it is, not
// merged as if a colleague had written there (a false "both texts are
// kept"). A text on the copy this session never wrote is someone else's
// edit: the usual merge keeps it.
func (s *Session) followedBase(cur Placed, field, base string) string {
	stored, _ := cur.Field(field)
	for from, to := range s.carriedTo {
		if to == cur.ID && s.savedBefore(from, field, stored, len(s.carriedTo)) {
			return stored
		}
	}
	return base
}

// savedBefore says this session stored v in field of annotation id, or of
// one carried onto it (at most depth copies back).
func (s *Session) savedBefore(id, field, v string, depth int) bool {
	if slices.Contains(s.saved[savedKey{id, field}], v) {
		return true
	}
	if depth == 0 {
		return false
	}
	for from, to := range s.carriedTo {
		if to == id && s.savedBefore(from, field, v, depth-1) {
			return true
		}
	}
	return false
}

// savedKey names one field of one annotation.
type savedKey struct{ id, field string }

// maxSaved bounds the texts remembered of each field (see followedBase):
// a copy older than that many saves merges as before.
const maxSaved = 64

// rememberSaved records a field's value as this session stored it.
func (s *Session) rememberSaved(id, field string, p Placed) {
	v, _ := p.Field(field)
	if s.saved == nil {
		s.saved = map[savedKey][]string{}
	}
	k := savedKey{id, field}
	s.saved[k] = append(s.saved[k], v)
	if n := len(s.saved[k]); n > maxSaved {
		s.saved[k] = slices.Delete(s.saved[k], 0, n-maxSaved)
	}
}
