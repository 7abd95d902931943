package protocol

import (
	"encoding/json"
	"slices"
)

// revisionKey is the JSON-LD extension property in which Redline's
// annotations name the revision they were made on (internal/annotation
// writes it).
const revisionKey = "redline:revision"

// OnRevision reports whether a stored annotation document was made on the
// revision id: its "redline:revision" is that id (or a list holding it).
// A document that is not a JSON object is on no revision.
func OnRevision(id string) func(doc []byte) bool {
	return func(doc []byte) bool {
		var obj map[string]json.RawMessage
		if json.Unmarshal(doc, &obj) != nil {
			return false
		}
		var one string
		if json.Unmarshal(obj[revisionKey], &one) == nil {
			return one == id
		}
		var many []string
		return json.Unmarshal(obj[revisionKey], &many) == nil && slices.Contains(many, id)
	}
}
