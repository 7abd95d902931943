package sync

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/redline-news/redline/internal/sorts"
)

// fieldRevision is the annotation field naming the revision it is on.
const fieldRevision = "Revision"

// DeleteRevision deletes revision id, the latest of story storyID, with
// the live annotations on it, in one transaction, and returns them as
// they were (for an undo). The server's rules apply here first: never a
// story's only revision, only its latest.
func (r *Replica) DeleteRevision(ctx context.Context, storyID, id string) (revision Record, on []Record, err error) {
	r.mu.Lock()
	revs := r.liveRevisionsLocked(nil, storyID)
	var ops []op
	for _, rec := range r.records {
		if rec.Kind == KindAnnotation && !rec.Deleted && rec.onRevision() == id && rec.StoryID() == storyID {
			on = append(on, rec.clone())
			ops = append(ops, op{k: rec.key(), del: true})
		}
	}
	revision = r.records[Key{KindRevision, id}].clone()
	r.mu.Unlock()
	i := slices.IndexFunc(revs, func(v liveRevision) bool { return v.id == id })
	switch {
	case i < 0:
		return Record{}, nil, fmt.Errorf("story %s has no revision %s: %w", storyID, id, ErrNotFound)
	case len(revs) == 1:
		return Record{}, nil, fmt.Errorf("revision %s is the only one of story %s; delete the story instead: %w", id, storyID, ErrInvalid)
	case i != len(revs)-1:
		return Record{}, nil, fmt.Errorf("revision %s is not the latest of story %s: %w", id, storyID, ErrInvalid)
	}
	sorts.Func(on, func(a, b Record) int { return cmp.Compare(a.ID, b.ID) })
	// The annotations go first: the server's revision delete takes the
	// annotations still on it, so what is left to say is only ours.
	ops = append(ops, op{k: Key{KindRevision, id}, del: true})
	return revision, on, r.apply(ctx, ops...)
}

// liveRevision is a revision as ordered on its story: by when it was
// added, then, as the server orders them, by when it reached the server
// (not yet: last), then id.
type liveRevision struct {
	id    string
	added time.Time
	seq   int64
}

func compareRevisions(a, b liveRevision) int {
	seq := func(v liveRevision) int64 {
		if v.seq == 0 {
			return math.MaxInt64
		}
		return v.seq
	}
	return cmp.Or(a.added.Compare(b.added), cmp.Compare(seq(a), seq(b)), cmp.Compare(a.id, b.id))
}

// liveRevisionsLocked lists story storyID's live revisions, oldest
// first, as stored with b's records written over them.
func (r *Replica) liveRevisionsLocked(b *Batch, storyID string) []liveRevision {
	var out []liveRevision
	seen := map[string]bool{}
	add := func(rec Record) {
		if rec.Kind != KindRevision || seen[rec.ID] {
			return
		}
		seen[rec.ID] = true
		var f revisionFields
		if !rec.Deleted && rec.Fields.into(&f) == nil && f.StoryID == storyID {
			out = append(out, liveRevision{rec.ID, f.Added, rec.BaseSeq})
		}
	}
	if b != nil {
		for i := len(b.Records) - 1; i >= 0; i-- { // the last write of a record wins
			add(b.Records[i])
		}
	}
	for _, rec := range r.records {
		add(rec)
	}
	sorts.Func(out, compareRevisions)
	return out
}

// onRevision is the revision an annotation names ("" for none).
func (r Record) onRevision() string {
	var id string
	_ = json.Unmarshal(r.Fields[fieldRevision], &id)
	return id
}

// keepOnLiveRevision moves an annotation kept against a delete off a
// revision deleted elsewhere, onto its story's latest live revision, so
// that it stays where the story page shows it (marked deleted
// elsewhere; it re-anchors as a carried annotation would).
func (r *Replica) keepOnLiveRevision(b *Batch, rec Record) Record {
	on := rec.onRevision()
	if on == "" || rec.Deleted {
		return rec
	}
	revs := r.liveRevisionsLocked(b, rec.StoryID())
	if len(revs) == 0 || slices.ContainsFunc(revs, func(v liveRevision) bool { return v.id == on }) {
		return rec
	}
	rec.Fields = rec.Fields.without()
	rec.Fields[fieldRevision], _ = json.Marshal(revs[len(revs)-1].id) // a string always encodes
	return rec
}

// rehome moves the annotations still live on revision id, which the
// server deleted, onto a revision the story still has, marked deleted
// elsewhere: the server took the annotations on it with it, so these
// are ones made or edited against the delete (an edit here still on its
// way, or one put after the delete), which are kept and say so.
func (r *Replica) rehome(b *Batch, id string) {
	latest := maps.Clone(r.records)
	for _, w := range b.Records { // the last write of a record wins
		latest[w.key()] = w
	}
	for _, k := range sorts.Collect(maps.Keys(latest), compareKeys) {
		rec := latest[k]
		if rec.Kind != KindAnnotation || rec.Deleted || rec.onRevision() != id {
			continue
		}
		moved := r.keepOnLiveRevision(b, rec.clone())
		if !moved.DeletedElsewhere() {
			moved.Fields = markDeletedElsewhere(moved.Fields, Author{}) // the revision's delete does not say who
		}
		if !moved.Fields.Equal(rec.Fields) {
			r.queue(b, moved)
		}
	}
}

// revivableLocked says tombstone rec may live again under its id: the
// server never took its delete (it still has the record, or never had
// it), and no change of it is on its way there.
func (r *Replica) revivableLocked(rec Record) bool {
	if slices.ContainsFunc(r.outbox, func(e Entry) bool { return e.Kind == rec.Kind && e.ID == rec.ID && e.Sent }) {
		return false
	}
	return rec.BaseSeq == 0 || !rec.BaseDeleted
}

// Revivable says the tombstone of kind and id may live again (see
// revivableLocked); false when there is no tombstone.
func (r *Replica) Revivable(kind, id string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec, ok := r.records[Key{kind, id}]
	return ok && rec.Deleted && r.revivableLocked(rec)
}
