package sync

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/annotation"
)

// Stories and revisions are held in the API's own JSON field names.
type storyFields struct {
	Title   string    `json:"title"`
	Created time.Time `json:"created"`
	Source  string    `json:"source,omitempty"`
}

type revisionFields struct {
	StoryID string    `json:"storyId"`
	Date    string    `json:"date"`
	Title   string    `json:"title"`
	Text    string    `json:"text"`
	Added   time.Time `json:"added,omitzero"`
	Source  string    `json:"source,omitempty"`
	Undated bool      `json:"undated,omitempty"` // the text gives no date: Date is the day it was added
	Byline  string    `json:"byline,omitempty"`
}

// syncExtension is the annotation property that carries the engine's
// own fields to the other replicas; it is opaque to the server, which
// keeps every property it does not know.
const syncExtension = "redlineSync"

type syncMarks struct {
	Conflicts        []Conflict `json:"conflicts,omitempty"`
	DeletedElsewhere bool       `json:"deletedElsewhere,omitempty"`
	DeletedBy        Author     `json:"deletedBy,omitzero"` // who deleted it, when known
}

// fieldW3C holds, whole, an annotation Redline's model cannot read (one
// written by another tool through the protocol): it is synced as is.
const fieldW3C = "_w3c"

// annotationID is the server id of the app's "urn:uuid:X" annotation id.
func annotationID(iri string) (string, error) {
	id, ok := strings.CutPrefix(iri, "urn:uuid:")
	if !ok || id == "" {
		return "", fmt.Errorf("annotation id %q: want urn:uuid:…", iri)
	}
	return strings.ToLower(id), nil
}

func annotationFields(a annotation.Annotation) Fields {
	return fieldsOf(a, "ID")
}

// fieldsFromW3C reads an annotation as the server stores it. The object
// is decoded and encoded again first, so that what is kept whole (and
// pushed back) is in the one form encoding/json writes.
func fieldsFromW3C(data []byte) Fields {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // numbers stay as written
	var obj map[string]any
	if dec.Decode(&obj) != nil || obj == nil {
		return Fields{fieldW3C: data}.compact()
	}
	var marks syncMarks
	if v, ok := obj[syncExtension]; ok {
		delete(obj, syncExtension)
		raw, _ := json.Marshal(v) // a decoded value always encodes
		if json.Unmarshal(raw, &marks) != nil {
			marks.Conflicts = []Conflict{{Field: fieldConflicts, Theirs: raw}}
		}
	}
	data, _ = json.Marshal(obj)
	a, err := annotation.DecodeStored(data) // the server checked it
	var f Fields
	if err != nil {
		f = Fields{fieldW3C: data}
	} else {
		f = annotationFields(a)
	}
	if marks.DeletedElsewhere {
		f = markDeletedElsewhere(f, marks.DeletedBy)
	}
	setConflicts(f, marks.Conflicts)
	return f.compact()
}

// w3cOf is the W3C JSON-LD pushed for an annotation record.
func w3cOf(id string, f Fields) (json.RawMessage, error) {
	var data []byte
	if raw, ok := f[fieldW3C]; ok {
		data = raw
	} else {
		var a annotation.Annotation
		if err := f.into(&a); err != nil {
			return nil, fmt.Errorf("annotation %s: %w", id, err)
		}
		a.ID = "urn:uuid:" + id
		var err error
		if data, err = annotation.MarshalAnnotation(a); err != nil {
			return nil, fmt.Errorf("annotation %s: %w", id, err)
		}
	}
	rec := Record{Fields: f}
	marks := syncMarks{Conflicts: conflictsOf(f), DeletedElsewhere: rec.DeletedElsewhere(), DeletedBy: rec.DeletedBy()}
	if len(marks.Conflicts) == 0 && !marks.DeletedElsewhere {
		return data, nil
	}
	var obj map[string]any
	if err := json.Unmarshal(data, &obj); err != nil {
		return nil, fmt.Errorf("annotation %s: %w", id, err)
	}
	obj[syncExtension] = marks
	return json.Marshal(obj)
}

// feedFields is the content of a feed record (nil for a tombstone).
func feedFields(c FeedChange) (Fields, error) {
	if c.Deleted {
		return nil, nil
	}
	switch c.Kind {
	case KindStory:
		var s storyFields
		if err := json.Unmarshal(c.Story, &s); err != nil {
			return nil, fmt.Errorf("story %s: %w", c.ID, err)
		}
		return fieldsOf(s), nil
	case KindRevision:
		var v revisionFields
		if err := json.Unmarshal(c.Revision, &v); err != nil {
			return nil, fmt.Errorf("revision %s: %w", c.ID, err)
		}
		return fieldsOf(v), nil
	case KindAnnotation:
		if c.Annotation == nil || len(c.Annotation.Annotation) == 0 {
			return nil, fmt.Errorf("annotation %s: no annotation in a live change", c.ID)
		}
		return fieldsFromW3C(c.Annotation.Annotation), nil
	}
	return nil, fmt.Errorf("kind %q: not a record", c.Kind)
}

// wireChange is the push of an outbox entry.
func wireChange(e Entry) (WireChange, error) {
	w := WireChange{ChangeID: e.ChangeID, Kind: e.Kind, ID: e.ID, BaseSeq: e.BaseSeq, Op: "put"}
	if e.Delete {
		w.Op = "delete"
		return w, nil
	}
	body := e.Body.without(fieldConflicts, fieldDeletedElsewhere)
	var err error
	switch e.Kind {
	case KindStory:
		w.Story, err = json.Marshal(body)
	case KindRevision:
		var v revisionFields
		if err = body.into(&v); err == nil {
			w.StoryID = v.StoryID
			w.Revision, err = json.Marshal(body.without("storyId"))
		}
	case KindAnnotation:
		w.Annotation, err = w3cOf(e.ID, e.Body)
	}
	return w, err
}
