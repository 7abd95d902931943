package store

import (
	"context"
	"fmt"
	"sync"

	"github.com/redline-news/redline/internal/annotation"
)

// Memory is a Store held in maps, for tests and the command line. Records
// are copied on the way in and out, so callers never share memory with
// the store or with each other.
type Memory struct {
	mu          sync.RWMutex
	seq         int64 // last Stored.Seq handed out
	stories     map[string]Stored[Story]
	revisions   map[string]Stored[annotation.Revision]
	annotations map[string]Stored[Annotation]
	rejections  map[rejection]string // the story of each
}

// rejection is a suggestion key rejected on a revision.
type rejection struct{ revisionID, key string }

var _ Store = (*Memory)(nil)

// NewMemory returns an empty store.
func NewMemory() *Memory {
	return &Memory{
		stories:     map[string]Stored[Story]{},
		revisions:   map[string]Stored[annotation.Revision]{},
		annotations: map[string]Stored[Annotation]{},
		rejections:  map[rejection]string{},
	}
}

func (m *Memory) Stories(ctx context.Context) ([]Story, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	recs := make([]Stored[Story], 0, len(m.stories))
	for _, s := range m.stories {
		recs = append(recs, s)
	}
	return ListStories(recs), nil
}

func (m *Memory) PutStory(ctx context.Context, s Story) (Story, error) {
	if err := ctx.Err(); err != nil {
		return Story{}, err
	}
	if err := CheckStory(s); err != nil {
		return Story{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	old, found := m.stories[s.ID]
	rev, err := NextRev("story", s.ID, found, old.Record.Rev, s.Rev)
	if err != nil {
		return Story{}, err
	}
	s.Rev = rev
	m.stories[s.ID] = Stored[Story]{Record: s, Seq: m.seqFor(found, old.Seq)}
	return s, nil
}

func (m *Memory) DeleteStory(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := CheckStoryID(id); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.needStory(id); err != nil {
		return err
	}
	delete(m.stories, id)
	for rid, r := range m.revisions {
		if r.Record.StoryID == id {
			delete(m.revisions, rid)
		}
	}
	for aid, a := range m.annotations {
		if a.Record.StoryID == id {
			delete(m.annotations, aid)
		}
	}
	for r, storyID := range m.rejections {
		if storyID == id {
			delete(m.rejections, r)
		}
	}
	return nil
}

// readStory checks the context and the story id and read-locks the store
// for a read of that story; the caller must call unlock.
func (m *Memory) readStory(ctx context.Context, storyID string) (unlock func(), err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := CheckStoryID(storyID); err != nil {
		return nil, err
	}
	m.mu.RLock()
	if err := m.needStory(storyID); err != nil {
		m.mu.RUnlock()
		return nil, err
	}
	return m.mu.RUnlock, nil
}

func (m *Memory) Revisions(ctx context.Context, storyID string) ([]annotation.Revision, error) {
	unlock, err := m.readStory(ctx, storyID)
	if err != nil {
		return nil, err
	}
	defer unlock()
	var recs []Stored[annotation.Revision]
	for _, r := range m.revisions {
		if r.Record.StoryID == storyID {
			recs = append(recs, r)
		}
	}
	return ListRevisions(recs), nil
}

func (m *Memory) AddRevision(ctx context.Context, rev annotation.Revision, anns []Annotation) ([]Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := CheckRevision(rev, anns); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.needStory(rev.StoryID); err != nil {
		return nil, err
	}
	if _, found := m.revisions[rev.ID]; found {
		return nil, fmt.Errorf("revision %q already exists: %w", rev.ID, ErrConflict)
	}
	out, err := m.admit(anns)
	if err != nil {
		return nil, err
	}
	m.revisions[rev.ID] = Stored[annotation.Revision]{Record: rev, Seq: m.seqFor(false, 0)}
	return m.commit(out), nil
}

func (m *Memory) Annotations(ctx context.Context, storyID string) ([]Annotation, error) {
	unlock, err := m.readStory(ctx, storyID)
	if err != nil {
		return nil, err
	}
	defer unlock()
	var recs []Stored[Annotation]
	for _, a := range m.annotations {
		if a.Record.StoryID == storyID {
			a.Record = cloneAnnotation(a.Record)
			recs = append(recs, a)
		}
	}
	return ListAnnotations(recs), nil
}

func (m *Memory) PutAnnotations(ctx context.Context, anns []Annotation) ([]Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := CheckAnnotations(anns); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	out, err := m.admit(anns)
	if err != nil {
		return nil, err
	}
	return m.commit(out), nil
}

func (m *Memory) DeleteAnnotations(ctx context.Context, refs []Ref) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := CheckRefs(refs); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range refs {
		old, found := m.annotations[r.ID]
		if _, err := NextRev("annotation", r.ID, found, old.Record.Rev, r.Rev); err != nil {
			return err
		}
	}
	for _, r := range refs {
		delete(m.annotations, r.ID)
	}
	return nil
}

// admit decides every write of a batch before any is made (all or
// nothing) and returns the records to store, with their new Revs and
// order. m.mu must be held for writing.
func (m *Memory) admit(anns []Annotation) ([]Stored[Annotation], error) {
	out := make([]Stored[Annotation], len(anns))
	for i, a := range anns {
		if err := m.needStory(a.StoryID); err != nil {
			return nil, fmt.Errorf("annotation %q: %w", a.ID, err)
		}
		old, found := m.annotations[a.ID]
		rev, err := NextRev("annotation", a.ID, found, old.Record.Rev, a.Rev)
		if err != nil {
			return nil, err
		}
		if found {
			if err := CheckSameStory(a.ID, old.Record.StoryID, a.StoryID); err != nil {
				return nil, err
			}
		}
		a = cloneAnnotation(a)
		a.Rev = rev
		out[i] = Stored[Annotation]{Record: a, Seq: old.Seq}
	}
	return out, nil
}

// commit stores admitted annotations and returns copies for the caller.
// m.mu must be held for writing.
func (m *Memory) commit(recs []Stored[Annotation]) []Annotation {
	out := make([]Annotation, len(recs))
	for i, r := range recs {
		r.Seq = m.seqFor(r.Seq != 0, r.Seq)
		m.annotations[r.Record.ID] = r
		out[i] = cloneAnnotation(r.Record)
	}
	return out
}

// seqFor keeps a stored record's place in the order, or gives a new
// record the next one. m.mu must be held for writing.
func (m *Memory) seqFor(found bool, old int64) int64 {
	if found {
		return old
	}
	m.seq++
	return m.seq
}

// needStory reports a missing story. m.mu must be held.
func (m *Memory) needStory(id string) error {
	if _, found := m.stories[id]; !found {
		return fmt.Errorf("story %q: %w (deleted elsewhere?)", id, ErrNotFound)
	}
	return nil
}
