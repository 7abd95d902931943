package api

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
)

// The JSON forms of stored records. Times are RFC 3339 in UTC; seq is the
// change sequence number of the record's last write (send it back as
// If-Match or baseSeq to update it).

type storyJSON struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Created    time.Time `json:"created"`
	Source     string    `json:"source,omitempty"`
	Seq        int64     `json:"seq"`
	Deleted    bool      `json:"deleted,omitempty"`
	CreatedBy  string    `json:"createdBy,omitempty"`
	Modified   time.Time `json:"modified,omitzero"`
	ModifiedBy string    `json:"modifiedBy,omitempty"`
}

func storyOut(s store.StoryRec) storyJSON {
	return storyJSON{ID: s.ID, Title: s.Title, Created: s.Created.UTC(), Source: s.Source, Seq: s.Seq, Deleted: s.Deleted,
		CreatedBy: s.CreatedBy, Modified: s.Modified.UTC(), ModifiedBy: s.ModifiedBy}
}

type revisionJSON struct {
	ID      string    `json:"id"`
	StoryID string    `json:"storyId"`
	Date    string    `json:"date"`
	Title   string    `json:"title"`
	Text    string    `json:"text"`
	Added   time.Time `json:"added"`
	Source  string    `json:"source,omitempty"`
	Seq     int64     `json:"seq"`
	Deleted bool      `json:"deleted,omitempty"`
	AddedBy string    `json:"addedBy,omitempty"`
	Undated bool      `json:"undated,omitempty"` // the text gives no date: date is the day it was added
	Byline  string    `json:"byline,omitempty"`
}

func revisionOut(v store.RevisionRec) revisionJSON {
	return revisionJSON{ID: v.ID, StoryID: v.StoryID, Date: v.Date, Title: v.Title, Text: v.Text, Added: v.Added.UTC(),
		Source: v.Source, Seq: v.Seq, Deleted: v.Deleted, AddedBy: v.AddedBy, Undated: v.Undated, Byline: v.Byline}
}

type annotationJSON struct {
	ID         string          `json:"id"`
	IRI        string          `json:"iri"`
	StoryID    string          `json:"storyId,omitempty"`
	Seq        int64           `json:"seq"`
	Deleted    bool            `json:"deleted,omitempty"`
	Created    time.Time       `json:"created"`
	CreatedBy  string          `json:"createdBy,omitempty"`
	Modified   time.Time       `json:"modified,omitzero"`
	ModifiedBy string          `json:"modifiedBy,omitempty"`
	Annotation json.RawMessage `json:"annotation,omitempty"` // W3C JSON-LD, "id" the IRI; absent for a tombstone
}

// annotationOut is an annotation as the API serves it; its IRI is the
// protocol's, so the two views name it alike.
func annotationOut(r *http.Request, d store.Doc) annotationJSON {
	iri := protocol.ContainerIRI(r, d.Project) + d.ID
	out := annotationJSON{ID: d.ID, IRI: iri, StoryID: d.StoryID, Seq: d.Seq, Deleted: d.Deleted,
		Created: d.Created.UTC(), CreatedBy: d.CreatedBy, Modified: d.Modified.UTC(), ModifiedBy: d.ModifiedBy}
	if !d.Deleted && len(d.JSON) > 0 {
		out.Annotation = protocol.WithID(d.JSON, iri)
	}
	return out
}

type memberChangeJSON struct {
	User string     `json:"user"`
	Role store.Role `json:"role,omitempty"`
}

type changeJSON struct {
	Seq        int64             `json:"seq"`
	Kind       string            `json:"kind"`
	ID         string            `json:"id"`
	Deleted    bool              `json:"deleted,omitempty"`
	Story      *storyJSON        `json:"story,omitempty"`
	Revision   *revisionJSON     `json:"revision,omitempty"`
	Annotation *annotationJSON   `json:"annotation,omitempty"`
	Member     *memberChangeJSON `json:"member,omitempty"`
}

func changeOut(r *http.Request, c store.Change) changeJSON {
	out := changeJSON{Seq: c.Seq, Kind: c.Kind, ID: c.ID, Deleted: c.Deleted}
	switch {
	case c.Story != nil:
		s := storyOut(*c.Story)
		out.Story = &s
	case c.Revision != nil:
		v := revisionOut(*c.Revision)
		out.Revision = &v
	case c.Doc != nil:
		a := annotationOut(r, *c.Doc)
		out.Annotation = &a
	case c.Member != nil:
		out.Member = &memberChangeJSON{User: c.Member.User, Role: c.Member.Role}
	}
	return out
}
