package annotation

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// CarriedID is the id (urn:uuid:…) of annotation annotationID's copy on
// revision revisionID: the same wherever the copy is made (two devices
// adding one file, the server's watcher capturing a new revision), so a
// reader's editor can follow the annotation onto the copy and the copies
// made twice are one.
func CarriedID(annotationID, revisionID string) string {
	sum := sha256.Sum256([]byte(annotationID + "\x00" + revisionID))
	h := hex.EncodeToString(sum[:16])
	// An RFC 9562 version 8 (name-based, custom hash) UUID.
	return fmt.Sprintf("urn:uuid:%s-%s-8%s-%x%s-%s", h[0:8], h[8:12], h[13:16], 0x8|(sum[8]&0x3), h[17:20], h[20:32])
}
