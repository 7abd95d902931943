package store

import (
	"errors"
	"fmt"
	"slices"

	"github.com/redline-news/redline/internal/annotation"
)

// ErrInvalid is wrapped by errors about a malformed request (an empty id,
// a negative Rev, the same record twice in one batch): a bug in the
// caller, not something another tab did. Nothing is written.
var ErrInvalid = errors.New("invalid")

// The rules below are shared by every implementation, so that Memory and
// the browser's IndexedDB store accept and refuse exactly the same writes.

// NextRev decides a write of the record kind/id whose caller read it at
// named (0: not stored yet), given whether it is stored and at which Rev.
// It returns the Rev to store, or an error wrapping ErrConflict (created
// elsewhere, or changed since it was read) or ErrNotFound (deleted
// elsewhere). Deletes use it too: a delete that passes may go ahead.
func NextRev(kind, id string, found bool, stored, named int) (int, error) {
	switch {
	case named == 0 && found:
		return 0, fmt.Errorf("%s %q already exists: %w", kind, id, ErrConflict)
	case named == 0:
		return 1, nil
	case !found:
		return 0, fmt.Errorf("%s %q: %w (deleted elsewhere?)", kind, id, ErrNotFound)
	case stored != named:
		return 0, fmt.Errorf("%s %q is at Rev %d, not %d: %w", kind, id, stored, named, ErrConflict)
	}
	return named + 1, nil
}

// CheckSameStory refuses to move a stored annotation to another story:
// an annotation's words only make sense in the story they were read in.
func CheckSameStory(id, stored, named string) error {
	if stored != named {
		return fmt.Errorf("annotation %q belongs to story %q, not %q: %w", id, stored, named, ErrInvalid)
	}
	return nil
}

// CheckStory validates a story before it is written.
func CheckStory(s Story) error {
	if s.ID == "" {
		return fmt.Errorf("story without an id: %w", ErrInvalid)
	}
	return checkRev("story", s.ID, s.Rev)
}

// CheckAnnotations validates a batch of annotations before it is written:
// ids and story ids present, Revs not negative, no id twice. Whether the
// stories exist is for the implementation to check, in its transaction.
func CheckAnnotations(anns []Annotation) error {
	seen := make(map[string]bool, len(anns))
	for _, a := range anns {
		switch {
		case a.ID == "":
			return fmt.Errorf("annotation without an id: %w", ErrInvalid)
		case a.StoryID == "":
			return fmt.Errorf("annotation %q without a story: %w", a.ID, ErrInvalid)
		case seen[a.ID]:
			return fmt.Errorf("annotation %q twice in one batch: %w", a.ID, ErrInvalid)
		}
		seen[a.ID] = true
		if err := checkRev("annotation", a.ID, a.Rev); err != nil {
			return err
		}
	}
	return nil
}

// CheckRevision validates a new revision and the annotations carried onto
// it: they must be new (Rev 0), of the same story, and belong to this
// revision or to none.
func CheckRevision(rev annotation.Revision, anns []Annotation) error {
	switch {
	case rev.ID == "":
		return fmt.Errorf("revision without an id: %w", ErrInvalid)
	case rev.StoryID == "":
		return fmt.Errorf("revision %q without a story: %w", rev.ID, ErrInvalid)
	}
	for _, a := range anns {
		switch {
		case a.StoryID != rev.StoryID:
			return fmt.Errorf("annotation %q carried onto a revision of story %q belongs to story %q: %w", a.ID, rev.StoryID, a.StoryID, ErrInvalid)
		case a.Rev != 0:
			return fmt.Errorf("annotation %q carried onto revision %q must be new (Rev 0), not Rev %d: %w", a.ID, rev.ID, a.Rev, ErrInvalid)
		case a.Revision != "" && a.Revision != rev.ID:
			return fmt.Errorf("annotation %q carried onto revision %q names revision %q: %w", a.ID, rev.ID, a.Revision, ErrInvalid)
		}
	}
	return CheckAnnotations(anns)
}

// CheckRefs validates a batch of deletes: ids present, each at the Rev the
// caller read (a record never stored cannot be deleted), no id twice.
func CheckRefs(refs []Ref) error {
	seen := make(map[string]bool, len(refs))
	for _, r := range refs {
		switch {
		case r.ID == "":
			return fmt.Errorf("delete without an id: %w", ErrInvalid)
		case r.Rev < 1:
			return fmt.Errorf("delete of annotation %q needs the Rev it was read at, not %d: %w", r.ID, r.Rev, ErrInvalid)
		case seen[r.ID]:
			return fmt.Errorf("annotation %q deleted twice in one batch: %w", r.ID, ErrInvalid)
		}
		seen[r.ID] = true
	}
	return nil
}

// CheckStoryID validates the story id a read or a delete names.
func CheckStoryID(id string) error {
	if id == "" {
		return fmt.Errorf("no story id: %w", ErrInvalid)
	}
	return nil
}

func checkRev(kind, id string, rev int) error {
	if rev < 0 {
		return fmt.Errorf("%s %q with negative Rev %d: %w", kind, id, rev, ErrInvalid)
	}
	return nil
}

// CheckRejection validates a Reject or Unreject: story, revision and key
// all named.
func CheckRejection(storyID, revisionID, key string) error {
	switch {
	case storyID == "":
		return fmt.Errorf("rejection without a story: %w", ErrInvalid)
	case revisionID == "":
		return fmt.Errorf("rejection without a revision: %w", ErrInvalid)
	case key == "":
		return fmt.Errorf("rejection without a suggestion key: %w", ErrInvalid)
	}
	return nil
}

// CheckRevisionID validates the revision id a read names.
func CheckRevisionID(id string) error {
	if id == "" {
		return fmt.Errorf("no revision id: %w", ErrInvalid)
	}
	return nil
}

// CheckRevisionOf decides a rejection's revision, given whether it is
// stored and whose it is: a missing revision is ErrNotFound (deleted
// elsewhere), another story's is a bug in the caller (ErrInvalid).
func CheckRevisionOf(revisionID string, found bool, storedStory, namedStory string) error {
	switch {
	case !found:
		return MissingRevision(revisionID)
	case storedStory != namedStory:
		return fmt.Errorf("revision %q belongs to story %q, not %q: %w", revisionID, storedStory, namedStory, ErrInvalid)
	}
	return nil
}

// MissingRevision is the error for a revision that is not stored.
func MissingRevision(id string) error {
	return fmt.Errorf("revision %q: %w (deleted elsewhere?)", id, ErrNotFound)
}

// CheckDeleteRevision decides a DeleteRevision given the story's
// revisions, oldest first (as ListRevisions orders them): only the latest
// may go, and never the only one (that is deleting the story). A revision
// the story does not have is ErrNotFound.
func CheckDeleteRevision(storyID, revisionID string, revs []annotation.Revision) error {
	if revisionID == "" {
		return fmt.Errorf("no revision id: %w", ErrInvalid)
	}
	i := slices.IndexFunc(revs, func(r annotation.Revision) bool { return r.ID == revisionID })
	switch {
	case i < 0:
		return fmt.Errorf("story %q has no revision %q: %w (deleted elsewhere?)", storyID, revisionID, ErrNotFound)
	case len(revs) == 1:
		return fmt.Errorf("revision %q is the only one of story %q; delete the story instead: %w", revisionID, storyID, ErrInvalid)
	case i != len(revs)-1:
		return fmt.Errorf("revision %q is not the latest of story %q (%q is); only the latest can be deleted: %w", revisionID, storyID, revs[len(revs)-1].ID, ErrInvalid)
	}
	return nil
}
