package sync

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	gosync "sync"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sorts"
	"github.com/redline-news/redline/internal/store"
)

// LibraryStore is a replica seen as a store.Store, so that the app's
// library and story page work on a project's stories exactly as on the
// personal library: every write goes through the replica (record and
// outbox entry in one transaction) and syncs.
//
// Revs: the replica has none of its own, so LibraryStore counts them:
// a record's Rev goes up whenever its content changes, whoever changed
// it (this page, a merge from the server, another tab). A write at an
// older Rev is merged, as the sync engine merges (Merge3, with the
// content at that Rev as the base): the page's edits and the changes that
// arrived meanwhile both stay, and a field changed on both sides is a
// Conflict keeping both values. A Rev older than the last few is
// ErrConflict and changes nothing.
//
// Rejected suggestions are kept on this device only (rejections.go):
// the API has no place for them.
type LibraryStore struct {
	R *Replica

	mu      gosync.Mutex
	revs    map[Key][]counted // oldest first
	renamed map[string]string // a deleted revision's id → the one it came back under (an undo after the delete synced)
}

// counted is a Rev handed out for a record and the content it was for.
type counted struct {
	rev    int
	sum    [32]byte
	fields Fields
}

// keptRevs is how many Revs of a record a stale write can be merged from.
const keptRevs = 16

// NewLibraryStore is the store over r.
func NewLibraryStore(r *Replica) *LibraryStore {
	return &LibraryStore{R: r, revs: map[Key][]counted{}, renamed: map[string]string{}}
}

// rev is the Rev of rec as held now (0: absent or deleted).
func (s *LibraryStore) rev(rec Record, exists bool) int {
	if !exists || rec.Deleted {
		return 0
	}
	// Not the server-owned fields: the server's echo of a write (its
	// creator and via) is not a change the page has to catch up with.
	data, _ := json.Marshal(rec.Fields.without(serverOwned...)) // raw JSON values always encode; map keys sorted
	sum := sha256.Sum256(data)
	s.mu.Lock()
	defer s.mu.Unlock()
	hist := s.revs[rec.key()]
	if n := len(hist); n > 0 && hist[n-1].sum == sum {
		return hist[n-1].rev
	}
	c := counted{rev: 1, sum: sum, fields: rec.Fields.without()}
	if n := len(hist); n > 0 {
		c.rev = hist[n-1].rev + 1
	}
	hist = append(hist, c)
	if len(hist) > keptRevs {
		hist = hist[1:]
	}
	s.revs[rec.key()] = hist
	return c.rev
}

// written is the content to store for a write of f at rev over old: f
// itself when rev is old's, merged with what changed since otherwise.
func (s *LibraryStore) written(old Record, rev int, f Fields) (Fields, error) {
	f = serverOwnedFrom(f, old.Fields) // the page's copy may predate the server's creator and via
	exists := old.Fields != nil || old.Deleted
	cur := s.rev(old, exists)
	switch {
	case rev < 0:
		return nil, fmt.Errorf("%s %s: negative rev: %w", old.Kind, old.ID, store.ErrInvalid)
	case rev == 0 && cur != 0:
		return nil, fmt.Errorf("%s %s: already stored: %w", old.Kind, old.ID, store.ErrConflict)
	case rev > 0 && cur == 0:
		return nil, fmt.Errorf("%s %s: %w", old.Kind, old.ID, store.ErrNotFound)
	case rev == cur:
		return f, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.revs[old.key()] {
		if c.rev == rev {
			return Merge3(c.fields, f, old.Fields), nil
		}
	}
	return nil, fmt.Errorf("%s %s: %w", old.Kind, old.ID, store.ErrConflict)
}

// checkRev is the Store's Rev rule for a delete at rev of old: a delete
// of a record changed since is ErrConflict (the change is not dropped).
func (s *LibraryStore) checkRev(old Record, rev int) error {
	if cur := s.rev(old, true); rev != cur {
		return fmt.Errorf("%s %s: %w", old.Kind, old.ID, store.ErrConflict)
	}
	return nil
}

// storyExists is the Store's rule that a story's records need it stored.
func (s *LibraryStore) storyExists(id string) error {
	if rec, ok := s.R.Record(KindStory, id); !ok || rec.Deleted {
		return fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	return nil
}

// Stories implements store.Store.
func (s *LibraryStore) Stories(ctx context.Context) ([]store.Story, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []store.Story
	for _, rec := range s.R.Records() {
		if rec.Kind != KindStory || rec.Deleted {
			continue
		}
		var f storyFields
		if err := rec.Fields.into(&f); err != nil {
			return nil, fmt.Errorf("story %s: %w", rec.ID, err)
		}
		out = append(out, store.Story{Story: annotation.Story{ID: rec.ID, Title: f.Title, Created: f.Created}, Rev: s.rev(rec, true)})
	}
	sorts.StableFunc(out, func(a, b store.Story) int { return a.Created.Compare(b.Created) })
	return out, nil
}

// PutStory implements store.Store.
func (s *LibraryStore) PutStory(ctx context.Context, st store.Story) (store.Story, error) {
	var rec Record
	err := s.R.edit(ctx, Key{KindStory, st.ID}, func(old Record) (Fields, error) {
		var f storyFields
		_ = old.Fields.into(&f) // a new story has no fields; the source stays
		f.Title, f.Created = st.Title, st.Created.UTC()
		fields, err := s.written(old, st.Rev, keepMarks(old, fieldsOf(f)))
		rec = old
		rec.Fields = fields
		return fields, err
	})
	if err != nil {
		return store.Story{}, storeErr(err)
	}
	st.Rev = s.rev(rec, true)
	return st, nil
}

// DeleteStory implements store.Store.
func (s *LibraryStore) DeleteStory(ctx context.Context, id string) error {
	if err := s.storyExists(id); err != nil {
		return err
	}
	return storeErr(s.R.DeleteStory(ctx, id))
}

// Revisions implements store.Store.
func (s *LibraryStore) Revisions(ctx context.Context, storyID string) ([]annotation.Revision, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := s.storyExists(storyID); err != nil {
		return nil, err
	}
	type ordered struct {
		annotation.Revision
		seq int64
	}
	var list []ordered
	for _, rec := range s.R.Records() {
		if rec.Kind != KindRevision || rec.Deleted {
			continue
		}
		var f revisionFields
		if err := rec.Fields.into(&f); err != nil {
			return nil, fmt.Errorf("revision %s: %w", rec.ID, err)
		}
		if f.StoryID == storyID {
			v := annotation.Revision{ID: rec.ID, StoryID: f.StoryID, Date: f.Date, Title: f.Title, Text: f.Text, Added: f.Added, Undated: f.Undated, Byline: f.Byline}
			list = append(list, ordered{v, rec.BaseSeq})
		}
	}
	sorts.Func(list, func(a, b ordered) int { // as DeleteRevision and the server order them
		return compareRevisions(liveRevision{a.ID, a.Added, a.seq}, liveRevision{b.ID, b.Added, b.seq})
	})
	out := make([]annotation.Revision, len(list))
	for i, v := range list {
		out[i] = v.Revision
	}
	return out, nil
}

// AddRevision implements store.Store: the revision and the annotations
// carried onto it in one transaction. A deleted revision comes back
// under its id while the server has not taken the delete (an undo);
// after that, ids being never reused, under a new one, its annotations
// too (the page reloads what is stored).
func (s *LibraryStore) AddRevision(ctx context.Context, v annotation.Revision, anns []store.Annotation) ([]store.Annotation, error) {
	if err := s.storyExists(v.StoryID); err != nil {
		return nil, err
	}
	if err := needID(v.ID); err != nil {
		return nil, err
	}
	if rec, ok := s.R.Record(KindRevision, v.ID); ok && !rec.Deleted {
		return nil, fmt.Errorf("this text is already a revision of the story (%s): %w", v.ID, store.ErrConflict)
	} else if ok && !s.R.Revivable(KindRevision, v.ID) {
		old := v.ID
		v.ID = s.RevisionID(v.StoryID, v.Text)
		s.mu.Lock()
		s.renamed[old] = v.ID // the undo's rejections follow it
		s.mu.Unlock()
	}
	anns = slices.Clone(anns)
	for i, a := range anns {
		anns[i].Revision = v.ID
		if id, err := annotationID(a.ID); err == nil {
			if rec, ok := s.R.Record(KindAnnotation, id); ok && rec.Deleted && !s.R.Revivable(KindAnnotation, id) {
				anns[i].ID = annotation.NewID()
			}
		}
	}
	fields := fieldsOf(revisionFields{StoryID: v.StoryID, Date: v.Date, Title: v.Title, Text: v.Text, Added: v.Added.UTC(), Undated: v.Undated, Byline: v.Byline})
	ops := []op{{k: Key{KindRevision, v.ID}, revive: true, content: func(Record) (Fields, error) { return fields, nil }}}
	return s.putAnnotations(ctx, anns, ops, true)
}

func needID(revisionID string) error {
	if revisionID == "" {
		return fmt.Errorf("revision without id: %w", store.ErrInvalid)
	}
	return nil
}

// DeleteRevision implements store.Store: the story's latest revision
// goes with its annotations and rejections, and syncs.
func (s *LibraryStore) DeleteRevision(ctx context.Context, storyID, revisionID string) (store.Deleted, error) {
	if err := store.CheckStoryID(storyID); err != nil {
		return store.Deleted{}, err
	}
	if err := needID(revisionID); err != nil {
		return store.Deleted{}, err
	}
	if err := s.storyExists(storyID); err != nil {
		return store.Deleted{}, err
	}
	revs := map[Key]int{}
	rev, on, err := s.R.DeleteRevision(ctx, storyID, revisionID)
	if err != nil {
		if errors.Is(err, ErrInvalid) {
			return store.Deleted{}, fmt.Errorf("%w (%v)", store.ErrInvalid, err)
		}
		return store.Deleted{}, storeErr(err)
	}
	for _, rec := range on {
		revs[rec.key()] = s.rev(rec, true)
	}
	var f revisionFields
	if err := rev.Fields.into(&f); err != nil {
		return store.Deleted{}, fmt.Errorf("revision %s: %w", revisionID, err)
	}
	d := store.Deleted{Revision: annotation.Revision{ID: revisionID, StoryID: f.StoryID, Date: f.Date, Title: f.Title, Text: f.Text, Added: f.Added, Undated: f.Undated, Byline: f.Byline}}
	for _, rec := range on {
		var a annotation.Annotation
		if err := rec.Fields.into(&a); err != nil {
			return store.Deleted{}, fmt.Errorf("annotation %s: %w", rec.ID, err)
		}
		a.ID = "urn:uuid:" + rec.ID
		d.Annotations = append(d.Annotations, store.Annotation{Annotation: a, StoryID: storyID, Rev: revs[rec.key()]})
	}
	sorts.StableFunc(d.Annotations, func(a, b store.Annotation) int {
		return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID))
	})
	if d.Rejections, err = s.dropRejections(ctx, revisionID); err != nil {
		return store.Deleted{}, err
	}
	return d, nil
}

// Annotations implements store.Store.
func (s *LibraryStore) Annotations(ctx context.Context, storyID string) ([]store.Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := s.storyExists(storyID); err != nil {
		return nil, err
	}
	source := annotation.StorySource(storyID)
	var out []store.Annotation
	for _, rec := range s.R.Records() {
		if rec.Kind != KindAnnotation || rec.Deleted {
			continue
		}
		if _, foreign := rec.Fields[fieldW3C]; foreign {
			continue // another tool's annotation: not one the story page can place
		}
		var a annotation.Annotation
		if err := rec.Fields.into(&a); err != nil || a.Target.Source != source {
			continue
		}
		a.ID = "urn:uuid:" + rec.ID
		out = append(out, store.Annotation{Annotation: a, StoryID: storyID, Rev: s.rev(rec, true)})
	}
	sorts.StableFunc(out, func(a, b store.Annotation) int {
		return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// PutAnnotations implements store.Store, in one transaction.
func (s *LibraryStore) PutAnnotations(ctx context.Context, anns []store.Annotation) ([]store.Annotation, error) {
	return s.putAnnotations(ctx, anns, nil, false)
}

// putAnnotations writes anns after ops; revive: tombstones the server
// never took may live again (an undo of a revision delete).
func (s *LibraryStore) putAnnotations(ctx context.Context, anns []store.Annotation, ops []op, revive bool) ([]store.Annotation, error) {
	for _, a := range anns {
		if err := s.storyExists(a.StoryID); err != nil {
			return nil, err
		}
	}
	return s.writeAnnotations(ctx, anns, ops, revive)
}

// writeAnnotations is putAnnotations once their stories are known to be
// stored or written by ops.
func (s *LibraryStore) writeAnnotations(ctx context.Context, anns []store.Annotation, ops []op, revive bool) ([]store.Annotation, error) {
	out := make([]store.Annotation, len(anns))
	written := make([]Record, len(anns))
	for i, a := range anns {
		id, err := annotationID(a.ID)
		if err != nil {
			return nil, fmt.Errorf("%v: %w", err, store.ErrInvalid)
		}
		if a.Target.Source != annotation.StorySource(a.StoryID) {
			return nil, fmt.Errorf("annotation %s: its target is not story %s: %w", a.ID, a.StoryID, store.ErrInvalid)
		}
		ops = append(ops, op{k: Key{KindAnnotation, id}, revive: revive, content: func(old Record) (Fields, error) {
			f, err := s.written(old, a.Rev, keepMarks(old, annotationFields(a.Annotation)))
			written[i] = old
			written[i].Fields = f
			return f, err
		}})
	}
	if err := s.R.apply(ctx, ops...); err != nil {
		return nil, storeErr(err)
	}
	for i, a := range anns {
		a.Rev = s.rev(written[i], true)
		out[i] = a
	}
	return out, nil
}

// DeleteAnnotations implements store.Store, in one transaction.
func (s *LibraryStore) DeleteAnnotations(ctx context.Context, refs []store.Ref) error {
	var ops []op
	for _, ref := range refs {
		id, err := annotationID(ref.ID)
		if err != nil {
			return fmt.Errorf("%v: %w", err, store.ErrInvalid)
		}
		rec, ok := s.R.Record(KindAnnotation, id)
		if !ok || rec.Deleted {
			return fmt.Errorf("annotation %s: %w", ref.ID, store.ErrNotFound)
		}
		if err := s.checkRev(rec, ref.Rev); err != nil {
			return err
		}
		ops = append(ops, op{k: Key{KindAnnotation, id}, del: true})
	}
	return storeErr(s.R.apply(ctx, ops...))
}

// keepMarks adds old's conflicts and deleted-elsewhere mark to f: the
// model has no place for them, so a write through the Store keeps them.
func keepMarks(old Record, f Fields) Fields {
	for _, k := range []string{fieldConflicts, fieldDeletedElsewhere} {
		if v, ok := old.Fields[k]; ok {
			f[k] = v
		}
	}
	return f
}

// Marks are the unresolved conflicts of an annotation (its urn:uuid:
// id) and whether it was deleted elsewhere while edited here.
func (s *LibraryStore) Marks(annotationIRI string) (conflicts []Conflict, deletedElsewhere bool) {
	id, err := annotationID(annotationIRI)
	if err != nil {
		return nil, false
	}
	rec, ok := s.R.Record(KindAnnotation, id)
	if !ok {
		return nil, false
	}
	return rec.Conflicts(), rec.DeletedElsewhere()
}

// Resolve settles the conflict on field of an annotation with value (a
// JSON value of the field; nil clears it). The choice syncs: every
// replica sees the conflict resolved.
func (s *LibraryStore) Resolve(ctx context.Context, annotationIRI, field string, value json.RawMessage) error {
	id, err := annotationID(annotationIRI)
	if err != nil {
		return err
	}
	return s.R.Resolve(ctx, KindAnnotation, id, field, value)
}

// KeepDeletedElsewhere settles an annotation (its urn:uuid: id) kept
// against a delete: it stays, and no replica asks about it again.
func (s *LibraryStore) KeepDeletedElsewhere(ctx context.Context, annotationIRI string) error {
	id, err := annotationID(annotationIRI)
	if err != nil {
		return err
	}
	return s.R.KeepDeletedElsewhere(ctx, KindAnnotation, id)
}

// storeErr words the replica's errors as the Store's.
func storeErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrNotFound), errors.Is(err, ErrDeleted):
		return fmt.Errorf("%w (%v)", store.ErrNotFound, err)
	case errors.Is(err, ErrStale):
		return fmt.Errorf("%w (%v)", store.ErrConflict, err)
	}
	return err
}

var _ store.Store = (*LibraryStore)(nil)
