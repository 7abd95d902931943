// Package store is how Redline keeps stories, revisions and annotations:
// one record each, so a change writes only what changed, and every write
// that touches several records happens in one transaction (all or nothing).
//
// Records that people edit (stories, annotations) carry a revision counter,
// Rev. A write names the Rev it read; if the stored record has moved on
// (another tab saved first), the write fails with ErrConflict and changes
// nothing, so two tabs never silently overwrite each other's work. The
// caller reloads and tells the user.
//
// Memory is the implementation for tests and the CLI; the browser's
// IndexedDB implementation lives in app/ (it needs syscall/js): package
// app/idb. Both pass the conformance suite in storetest, and both decide
// writes with the rules in rules.go (NextRev, Check*), so they accept and
// refuse exactly the same requests:
//
//   - Ids are chosen by the caller (annotation.NewID) and never empty.
//   - Rev 0 creates; a record already stored under that id is a conflict
//     (ErrConflict), not an overwrite. Rev n > 0 updates or deletes the
//     record stored at Rev n; a missing one is ErrNotFound, one at another
//     Rev is ErrConflict. A successful write stores Rev n+1.
//   - A batch is decided whole before anything is written: one bad record
//     and nothing is written. Malformed requests (empty ids, negative
//     Revs, one id twice, an annotation moved to another story) wrap
//     ErrInvalid.
//   - Annotations (and AddRevision) need their story stored, or fail with
//     ErrNotFound; so do Revisions, Annotations and DeleteStory, which
//     lets a tab notice that another tab deleted the story.
//   - Revision ids are unique across stories; adding one twice is
//     ErrConflict.
//   - Records come back as they went in, and never share memory (tag
//     slices, selectors) with the caller or the store.
//   - Rejections (suggestions the reader turned down) belong to a
//     revision, which must be stored (ErrNotFound) and, for Reject and
//     Unreject, be of the story named (ErrInvalid). Rejecting twice is
//     the same as once; un-rejecting what is not rejected does nothing.
//     DeleteStory removes them with the story.
//   - DeleteRevision removes only a story's latest revision (the last one
//     Revisions lists), with the annotations on it and its rejections;
//     another revision, or the story's only one, is ErrInvalid. The
//     removed records come back in Deleted, and their ids are free again:
//     AddRevision(d.Revision, d.Carried()) plus Reject of d.Rejections
//     undoes the delete.
//   - A cancelled context fails the call with the context's error and
//     writes nothing.
package store

import (
	"context"
	"errors"

	"github.com/redline-news/redline/internal/annotation"
)

// Errors every implementation returns (wrapped with detail).
var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("changed elsewhere (another tab or window saved it first)")
)

// Story is a stored story.
type Story struct {
	annotation.Story
	Rev int // 0 for a story not yet stored
}

// Annotation is a stored annotation and the story it belongs to.
type Annotation struct {
	annotation.Annotation
	StoryID string
	Rev     int // 0 for an annotation not yet stored
}

// Ref names a stored annotation at the Rev the caller last read.
type Ref struct {
	ID  string
	Rev int
}

// Store persists stories, revisions and annotations. Methods are safe for
// concurrent use. Stories are listed by creation time, revisions oldest
// first, annotations in creation order (the UI orders them by position).
// Precisely: stories by Created, revisions by Added, then (for ties, and
// for annotations always) in the order the records were first stored;
// updates keep a record's place.
type Store interface {
	// Stories lists every story.
	Stories(ctx context.Context) ([]Story, error)
	// PutStory creates (Rev 0) or updates (Rev as read) a story and returns
	// it with its new Rev.
	PutStory(ctx context.Context, s Story) (Story, error)
	// DeleteStory removes a story with its revisions and annotations.
	DeleteStory(ctx context.Context, id string) error

	// Revisions lists a story's revisions, oldest first.
	Revisions(ctx context.Context, storyID string) ([]annotation.Revision, error)
	// AddRevision stores a new revision together with the annotations
	// carried onto it (new records, Rev 0), in one transaction.
	AddRevision(ctx context.Context, rev annotation.Revision, anns []Annotation) ([]Annotation, error)
	// DeleteRevision removes the story's latest revision together with
	// the annotations on it and its rejections, in one transaction, and
	// returns what it removed so the caller can undo (see Deleted). The
	// earlier revisions and their annotations stay as they were.
	DeleteRevision(ctx context.Context, storyID, revisionID string) (Deleted, error)

	// Annotations lists the annotations of one story (all revisions).
	Annotations(ctx context.Context, storyID string) ([]Annotation, error)
	// PutAnnotations creates or updates annotations in one transaction; if
	// any Rev does not match, nothing is written and the error wraps
	// ErrConflict. The stored annotations are returned with their new Rev.
	PutAnnotations(ctx context.Context, anns []Annotation) ([]Annotation, error)
	// DeleteAnnotations removes annotations in one transaction, under the
	// same Rev rule.
	DeleteAnnotations(ctx context.Context, refs []Ref) error

	// Rejections lists the keys of the suggestions rejected on a revision,
	// sorted (byte order).
	Rejections(ctx context.Context, revisionID string) ([]string, error)
	// Reject records that the suggestion key was rejected on a revision
	// of a story, so it is not suggested there again.
	Reject(ctx context.Context, storyID, revisionID, key string) error
	// Unreject forgets a rejection (undo of Reject).
	Unreject(ctx context.Context, storyID, revisionID, key string) error
}

// Deleted is what DeleteRevision removed: the revision, the annotations
// that were on it (as stored, with their Revs, in creation order) and the
// keys of its rejected suggestions (sorted).
type Deleted struct {
	Revision    annotation.Revision
	Annotations []Annotation
	Rejections  []string
}

// Carried returns the removed annotations as new records (Rev 0), ready
// for the AddRevision that undoes the delete.
func (d Deleted) Carried() []Annotation {
	out := make([]Annotation, len(d.Annotations))
	for i, a := range d.Annotations {
		out[i] = cloneAnnotation(a)
		out[i].Rev = 0
	}
	return out
}
