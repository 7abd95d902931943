package sync

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
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
// differently before, the copies merge field by field).
func (s *LibraryStore) CarriedID(annotationID, revisionID string) string {
	sum := sha256.Sum256([]byte(annotationID + "\x00" + revisionID))
	h := hex.EncodeToString(sum[:16])
	// An RFC 9562 version 8 (name-based, custom hash) UUID.
	return fmt.Sprintf("urn:uuid:%s-%s-8%s-%x%s-%s", h[0:8], h[8:12], h[13:16], 0x8|(sum[8]&0x3), h[17:20], h[20:32])
}
