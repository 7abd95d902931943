package sync

import (
	"context"
	"encoding/json"
	"time"
)

// Transport carries pushes and feed reads to the server.
type Transport interface {
	// Push sends changes in order and says what became of each
	// (POST /api/projects/SLUG/push).
	Push(ctx context.Context, device string, changes []WireChange) ([]WireResult, error)
	// Changes reads the feed after since (GET /api/projects/SLUG/changes).
	Changes(ctx context.Context, since int64, limit int) (Feed, error)
}

// WireChange is one change of a push, as docs/api.md gives it.
type WireChange struct {
	ChangeID   string          `json:"changeId"`
	Kind       string          `json:"kind"`
	Op         string          `json:"op"`
	ID         string          `json:"id"`
	BaseSeq    int64           `json:"baseSeq"`
	StoryID    string          `json:"storyId,omitempty"`
	Story      json.RawMessage `json:"story,omitempty"`
	Revision   json.RawMessage `json:"revision,omitempty"`
	Annotation json.RawMessage `json:"annotation,omitempty"`
	// KeepAnnotations: a revision delete takes only the revision; the
	// annotations this replica knows on it go as deletes of their own,
	// and ones made on it elsewhere meanwhile stay.
	KeepAnnotations bool `json:"keepAnnotations,omitempty"`
}

// Push result statuses (docs/api.md).
const (
	StatusApplied  = "applied"
	StatusReplayed = "replayed"
	StatusConflict = "conflict"
	StatusGone     = "gone"
	StatusNotFound = "notfound"
	StatusInvalid  = "invalid"
)

// WireResult is what became of one pushed change.
type WireResult struct {
	ChangeID string      `json:"changeId"`
	Status   string      `json:"status"`
	Seq      int64       `json:"seq"`
	Error    string      `json:"error"`
	Current  *FeedChange `json:"current"`
}

// Feed is one page of the change feed.
type Feed struct {
	Changes []FeedChange `json:"changes"`
	Last    int64        `json:"last"`
	More    bool         `json:"more"`
}

// FeedChange is the latest state of one record.
type FeedChange struct {
	Seq        int64           `json:"seq"`
	Kind       string          `json:"kind"`
	ID         string          `json:"id"`
	Deleted    bool            `json:"deleted"`
	Story      json.RawMessage `json:"story,omitempty"`
	Revision   json.RawMessage `json:"revision,omitempty"`
	Annotation *struct {
		Annotation json.RawMessage `json:"annotation"` // W3C JSON-LD; absent for a tombstone
		ModifiedBy string          `json:"modifiedBy"` // the user whose write (or delete) this is
		Modified   time.Time       `json:"modified"`
	} `json:"annotation,omitempty"`
}

// Author is who last wrote the record, and when, as the server has it
// (set from the signed-in user on every write): the empty Author when
// the server does not say (stories and revisions carry it in their own
// JSON, read by author).
type Author struct {
	By string    `json:"by,omitempty"`
	At time.Time `json:"at,omitzero"`
}

// author is who wrote c.
func (c FeedChange) author() Author {
	if c.Annotation != nil {
		return Author{By: c.Annotation.ModifiedBy, At: c.Annotation.Modified}
	}
	var w struct {
		ModifiedBy string    `json:"modifiedBy"`
		Modified   time.Time `json:"modified"`
	}
	if c.Story != nil {
		_ = json.Unmarshal(c.Story, &w) // checked by feedFields
	}
	return Author{By: w.ModifiedBy, At: w.Modified}
}
