package library

import (
	"strings"

	"github.com/redline-news/redline/internal/annotation"
)

// Namer is a Store that names new revisions and the annotations carried
// onto them from their content (a project's replica, internal/sync): two
// devices that add the same file to a story offline make one revision,
// with one copy of each carried annotation, once they sync.
type Namer interface {
	// RevisionID is the id for a new revision of story storyID with text.
	RevisionID(storyID, text string) string
	// CarriedID is the id (urn:uuid:…) of annotation annotationID's
	// copy on revision revisionID.
	CarriedID(annotationID, revisionID string) string
}

// revisionID names a new revision of storyID: by its content when the
// Store is a Namer, else at random.
func (l *Library) revisionID(storyID, text string) string {
	if n, ok := l.Store.(Namer); ok {
		return n.RevisionID(storyID, text)
	}
	return strings.TrimPrefix(annotation.NewID(), "urn:uuid:")
}

// carriedID names the copy of annotation id carried onto revisionID.
func (l *Library) carriedID(id, revisionID string) string {
	if n, ok := l.Store.(Namer); ok {
		return n.CarriedID(id, revisionID)
	}
	return annotation.NewID()
}
