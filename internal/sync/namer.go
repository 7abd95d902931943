package sync

import (
	"strconv"

	"github.com/redline-news/redline/internal/annotation"
)

// RevisionID implements library.Namer: the same file added to a story on
// two devices gets one id, so it is one revision once they sync. An id a
// deleted revision holds is never reused: the next one in the sequence
// RevisionID, then its numbered variants, is taken instead (the same on
// every device that re-adds the file).
func (s *LibraryStore) RevisionID(storyID, text string) string {
	id := RevisionID(storyID, text)
	for n := 1; ; n++ {
		rec, ok := s.R.Record(KindRevision, id)
		if !ok || !rec.Deleted || s.R.Revivable(KindRevision, id) {
			return id
		}
		id = RevisionID(storyID, text+"\x00"+strconv.Itoa(n))
	}
}

// CarriedID implements library.Namer: annotation annotationID carried
// onto revision revisionID gets the same id on every device, so the same
// file added on two devices carries one copy of each annotation (edited
// differently before, the copies merge field by field); the server's
// watcher names the copies it carries the same way.
func (s *LibraryStore) CarriedID(annotationID, revisionID string) string {
	return annotation.CarriedID(annotationID, revisionID)
}
