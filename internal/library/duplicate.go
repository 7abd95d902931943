package library

import "slices"

// Already is the annotation of the shown revision that a drafted one would
// repeat: the same kind on exactly the same words. Tagging them again made
// a copy drawn under the first, invisible but listed twice (tester 4, bug
// 12); the UI selects this one instead. An orphan (no words here) is never
// repeated.
func (s *Session) Already(d Placed) (Placed, bool) {
	i := slices.IndexFunc(s.Annotations, func(p Placed) bool {
		return !p.Orphaned && p.Kind == d.Kind && p.Span == d.Span
	})
	if i < 0 {
		return Placed{}, false
	}
	return s.Annotations[i], true
}
