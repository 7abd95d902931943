package sync

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	gosync "sync"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/ids"
	"github.com/redline-news/redline/internal/sorts"
)

// Replica is one device's copy of a project.
type Replica struct {
	store  Storage
	tr     Transport // nil: not signed in, a personal library
	device string
	user   string // who edits here ("" unknown), named in the conflicts this replica finds
	now    func() time.Time

	syncing gosync.Mutex // one Sync at a time

	mu         gosync.Mutex // guards what follows
	records    map[Key]Record
	outbox     []Entry // in Order
	checkpoint int64
	order      int64
	status     status
	watchers   map[int]func(Change)
	nextWatch  int
	told       []Change // committed, to tell the watchers once r.mu is released

	kick chan struct{} // wakes Run: a local edit waits to be sent
}

// Open loads a replica from its storage. tr nil is a local library
// that never syncs; device names this replica in the server's history.
func Open(ctx context.Context, s Storage, tr Transport, device string) (*Replica, error) {
	return OpenAs(ctx, s, tr, device, "")
}

// OpenAs is Open for the signed-in user, whom the conflicts this
// replica finds name as the author of its side.
func OpenAs(ctx context.Context, s Storage, tr Transport, device, user string) (*Replica, error) {
	snap, err := s.Load(ctx)
	if err != nil {
		return nil, fmt.Errorf("sync: load: %w", err)
	}
	r := &Replica{store: s, tr: tr, device: device, user: user, now: time.Now, kick: make(chan struct{}, 1)}
	r.load(snap)
	return r, nil
}

// load replaces what the replica holds with snap.
func (r *Replica) load(snap Snapshot) {
	r.records, r.outbox, r.checkpoint, r.order = map[Key]Record{}, snap.Outbox, snap.Checkpoint, 0
	for _, rec := range snap.Records {
		r.records[rec.key()] = rec
	}
	sorts.Func(r.outbox, func(a, b Entry) int { return cmp.Compare(a.Order, b.Order) })
	for _, e := range snap.Outbox {
		r.order = max(r.order, e.Order)
	}
}

// Record is the replica's record of kind and id.
func (r *Replica) Record(kind, id string) (Record, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec, ok := r.records[Key{kind, id}]
	return rec.clone(), ok
}

// Records is every record, tombstones too, by kind then id.
func (r *Replica) Records() []Record {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Record
	for _, k := range sorts.Collect(maps.Keys(r.records), compareKeys) {
		out = append(out, r.records[k].clone())
	}
	return out
}

// Annotation is a live annotation as the Redline model.
func (r *Replica) Annotation(id string) (annotation.Annotation, error) {
	rec, ok := r.Record(KindAnnotation, id)
	switch {
	case !ok:
		return annotation.Annotation{}, ErrNotFound
	case rec.Deleted:
		return annotation.Annotation{}, ErrDeleted
	}
	var a annotation.Annotation
	err := rec.Fields.into(&a)
	a.ID = "urn:uuid:" + id
	return a, err
}

// PutStory creates or updates a story (title, created, source).
func (r *Replica) PutStory(ctx context.Context, s annotation.Story, source string) error {
	return r.edit(ctx, Key{KindStory, s.ID}, func(Record) (Fields, error) {
		return fieldsOf(storyFields{Title: s.Title, Created: s.Created.UTC(), Source: source}), nil
	})
}

// DeleteStory deletes a story (the server deletes its revisions and
// annotations with it).
func (r *Replica) DeleteStory(ctx context.Context, id string) error {
	return r.remove(ctx, Key{KindStory, id})
}

// AddRevision adds a revision to a story and says its id. Without an id
// (v.ID ""), revisions are named by their story and text, so the same
// file added twice, here or on another replica, is one revision. A
// caller that names its revisions (the app's library does, before it
// stores them) keeps its id; adding an id already there does nothing.
func (r *Replica) AddRevision(ctx context.Context, v annotation.Revision, source string) (string, error) {
	id := v.ID
	if id == "" {
		id = RevisionID(v.StoryID, v.Text)
	}
	r.mu.Lock()
	_, exists := r.records[Key{KindRevision, id}]
	story, ok := r.records[Key{KindStory, v.StoryID}]
	r.mu.Unlock()
	switch {
	case !ok:
		return "", fmt.Errorf("story %s: %w", v.StoryID, ErrNotFound)
	case story.Deleted:
		return "", fmt.Errorf("story %s: %w", v.StoryID, ErrDeleted)
	case exists:
		return id, nil // revisions are immutable: the same text is already there
	}
	return id, r.edit(ctx, Key{KindRevision, id}, func(Record) (Fields, error) {
		return fieldsOf(revisionFields{StoryID: v.StoryID, Date: v.Date, Title: v.Title, Text: v.Text,
			Added: v.Added.UTC(), Source: source, Undated: v.Undated, Byline: v.Byline}), nil
	})
}

// RevisionID is the id of the revision of story storyID with text: a
// hash of both, so the same file is the same revision everywhere.
func RevisionID(storyID, text string) string {
	sum := sha256.Sum256([]byte(storyID + "\x00" + text))
	return "r-" + hex.EncodeToString(sum[:16])
}

// PutAnnotation creates or updates an annotation (its ID urn:uuid:X).
// The annotation's conflicts and deleted-elsewhere mark are kept.
func (r *Replica) PutAnnotation(ctx context.Context, a annotation.Annotation) error {
	id, err := annotationID(a.ID)
	if err != nil {
		return err
	}
	return r.edit(ctx, Key{KindAnnotation, id}, func(old Record) (Fields, error) {
		f := annotationFields(a)
		for _, k := range []string{fieldConflicts, fieldDeletedElsewhere} {
			if v, ok := old.Fields[k]; ok {
				f[k] = v
			}
		}
		return f, nil
	})
}

// DeleteAnnotation deletes an annotation by its server id.
func (r *Replica) DeleteAnnotation(ctx context.Context, id string) error {
	return r.remove(ctx, Key{KindAnnotation, id})
}

// Resolve settles a conflict on field of a record with value (nil clears
// the field): the conflict goes and the choice is a new revision.
func (r *Replica) Resolve(ctx context.Context, kind, id, field string, value json.RawMessage) error {
	return r.edit(ctx, Key{kind, id}, func(old Record) (Fields, error) {
		cs := old.Conflicts()
		i := slices.IndexFunc(cs, func(c Conflict) bool { return c.Field == field })
		if i < 0 {
			return nil, fmt.Errorf("%s %s: no conflict on %q", kind, id, field)
		}
		f := old.Fields.without(field)
		if value != nil {
			f[field] = value
		}
		setConflicts(f, slices.Delete(cs, i, i+1))
		return f.compact(), nil
	})
}

// KeepDeletedElsewhere settles a record kept against a delete: the
// mark goes, and the record stays (delete it to let the delete stand).
// Like a resolved conflict, it is settled on every replica.
func (r *Replica) KeepDeletedElsewhere(ctx context.Context, kind, id string) error {
	return r.edit(ctx, Key{kind, id}, func(old Record) (Fields, error) {
		if !old.DeletedElsewhere() {
			return nil, fmt.Errorf("%s %s: not deleted elsewhere", kind, id)
		}
		return old.Fields.without(fieldDeletedElsewhere), nil
	})
}

// op is one record written by apply: a delete, or new content made
// from the record as stored (old is a fresh Record of the key when there
// is none).
type op struct {
	k       Key
	del     bool
	revive  bool // a tombstone the server never took may live again (an undo)
	local   bool // a record of this device only: stored, never queued
	content func(old Record) (Fields, error)
}

func (r *Replica) edit(ctx context.Context, k Key, content func(old Record) (Fields, error)) error {
	return r.apply(ctx, op{k: k, content: content})
}

func (r *Replica) remove(ctx context.Context, k Key) error {
	return r.apply(ctx, op{k: k, del: true})
}

// apply writes every op and queues it, in one transaction: all or none.
// If another tab committed first (ErrStale), it is done again on what is
// stored now, up to staleTries times in all: the tab that syncs commits
// a few times in a row (freeze, wire, results, pull) as soon as an edit
// of this one arrives.
func (r *Replica) apply(ctx context.Context, ops ...op) error {
	r.mu.Lock()
	defer r.unlockAndTell()
	err := r.applyLocked(ctx, ops)
	for try := 1; errors.Is(err, ErrStale) && try < staleTries; try++ {
		err = r.applyLocked(ctx, ops)
	}
	return err
}

// staleTries is how many times apply tries an edit other tabs' commits
// keep making stale.
const staleTries = 4

func (r *Replica) applyLocked(ctx context.Context, ops []op) error {
	var b Batch
	for _, o := range ops {
		old, exists := r.records[o.k]
		for _, w := range b.Records { // written by an earlier op
			if w.key() == o.k {
				old, exists = w, true
			}
		}
		switch {
		case o.del && !exists:
			return fmt.Errorf("%s %s: %w", o.k.Kind, o.k.ID, ErrNotFound)
		case o.del && old.Deleted:
			continue
		case exists && old.Deleted && !o.local && !(o.revive && r.revivableLocked(old)):
			return fmt.Errorf("%s %s: %w", o.k.Kind, o.k.ID, ErrDeleted)
		case !exists:
			if err := ids.ValidSlug(o.k.ID); err != nil {
				return fmt.Errorf("%s: %w", o.k.Kind, err)
			}
			old = Record{Kind: o.k.Kind, ID: o.k.ID}
		}
		rec := old.clone()
		if o.del {
			rec.Fields, rec.Deleted = nil, true
		} else {
			rec.Deleted = false // revived
			f, err := o.content(old)
			if err != nil {
				return err
			}
			rec.Fields = f
		}
		if o.local {
			b.Records = append(b.Records, rec)
			continue
		}
		r.queue(&b, rec)
	}
	return r.commitLocal(ctx, b)
}

// queue adds rec to b, with an outbox entry unless one that has not been
// sent yet is waiting (it will send rec's content as it is then).
func (r *Replica) queue(b *Batch, rec Record) {
	b.Records = append(b.Records, rec)
	if slices.ContainsFunc(r.outbox, func(e Entry) bool { return e.Kind == rec.Kind && e.ID == rec.ID && !e.Sent && e.Failed == "" }) ||
		slices.ContainsFunc(b.Entries, func(e Entry) bool { return e.Kind == rec.Kind && e.ID == rec.ID && !e.Sent }) {
		return
	}
	r.order++
	b.Entries = append(b.Entries, Entry{ChangeID: newChangeID(), Kind: rec.Kind, ID: rec.ID, Order: r.order})
}

// commit writes b to storage and then, only if that worked, to memory:
// a failed transaction changes nothing.
func (r *Replica) commit(ctx context.Context, b Batch) error {
	if b.empty() {
		return nil
	}
	if err := r.store.Commit(ctx, b); err != nil {
		r.order -= int64(len(b.Entries)) // not stored: the numbers are free again
		if errors.Is(err, ErrStale) {
			r.reloadLocked(ctx)
		}
		return fmt.Errorf("sync: save: %w", err)
	}
	for _, rec := range b.Records {
		r.records[rec.key()] = rec
	}
	for _, e := range b.Entries {
		if i := slices.IndexFunc(r.outbox, func(o Entry) bool { return o.ChangeID == e.ChangeID }); i >= 0 {
			r.outbox[i] = e
		} else {
			r.outbox = append(r.outbox, e)
		}
	}
	r.outbox = slices.DeleteFunc(r.outbox, func(e Entry) bool { return slices.Contains(b.Done, e.ChangeID) })
	sorts.Func(r.outbox, func(a, b Entry) int { return cmp.Compare(a.Order, b.Order) })
	if b.SetCheckpoint {
		r.checkpoint = b.Checkpoint
	}
	r.tell(Change{Records: b.Records})
	return nil
}

func newChangeID() string {
	return strings.TrimPrefix(annotation.NewID(), "urn:uuid:")
}
