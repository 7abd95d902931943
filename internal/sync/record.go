package sync

import (
	"encoding/json"
	"strings"
)

// Record kinds, as the server's change feed names them.
const (
	KindStory      = "story"
	KindRevision   = "revision"
	KindAnnotation = "annotation"
)

// Record is one story, revision or annotation as this replica holds it.
type Record struct {
	Kind string
	ID   string // the server's id (an annotation's urn:uuid:X is X)
	// Fields is the local content; nil for a tombstone.
	Fields  Fields
	Deleted bool
	// Base is the content last seen on the server, at BaseSeq (0: never
	// stored there): the common ancestor of the next three-way merge.
	Base        Fields
	BaseDeleted bool
	BaseSeq     int64
}

// Key is a record's key in storage: kind and id.
type Key struct{ Kind, ID string }

func (r Record) key() Key { return Key{r.Kind, r.ID} }

// Conflicts are the fields edited differently on two sides, not yet
// resolved.
func (r Record) Conflicts() []Conflict { return conflictsOf(r.Fields) }

// DeletedElsewhere says the record was deleted on another side while it
// was edited on this one; the edit was kept.
func (r Record) DeletedElsewhere() bool {
	var b bool
	return json.Unmarshal(r.Fields[fieldDeletedElsewhere], &b) == nil && b || r.DeletedBy() != Author{}
}

// DeletedBy is who deleted the record on the other side, and when, when
// that is known (the empty Author otherwise).
func (r Record) DeletedBy() Author {
	var a Author
	if json.Unmarshal(r.Fields[fieldDeletedElsewhere], &a) != nil {
		return Author{}
	}
	return a
}

// synced says the local content is what the server has.
func (r Record) synced() bool {
	return r.Deleted == r.BaseDeleted && r.shared(r.Fields).Equal(r.shared(r.Base))
}

// Shared is the record's content as every replica holds it once synced.
func (r Record) Shared() Fields { return r.shared(r.Fields) }

// shared is the part of f that goes to the server. The API keeps no
// extension for stories and revisions, so their conflicts and marks
// stay on this replica (an annotation carries them in redlineSync).
func (r Record) shared(f Fields) Fields {
	if r.Kind == KindAnnotation {
		return f
	}
	return f.without(fieldConflicts, fieldDeletedElsewhere)
}

func (r Record) clone() Record {
	r.Fields = r.Fields.without()
	r.Base = r.Base.without()
	return r
}

// StoryID is the story the record belongs to ("" when it cannot tell:
// an annotation of another tool's that targets no Redline story).
func (r Record) StoryID() string {
	switch r.Kind {
	case KindStory:
		return r.ID
	case KindRevision:
		var id string
		if json.Unmarshal(r.Fields["storyId"], &id) != nil || id == "" {
			_ = json.Unmarshal(r.Base["storyId"], &id) // a tombstone keeps its base
		}
		return id
	}
	var t struct{ Source string }
	if json.Unmarshal(r.Fields["Target"], &t) != nil || t.Source == "" {
		_ = json.Unmarshal(r.Base["Target"], &t)
	}
	id, _ := strings.CutPrefix(t.Source, "urn:redline:story:")
	return id
}
