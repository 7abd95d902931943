package store

import (
	"context"

	"github.com/redline-news/redline/internal/annotation"
)

func (m *Memory) DeleteRevision(ctx context.Context, storyID, revisionID string) (Deleted, error) {
	if err := ctx.Err(); err != nil {
		return Deleted{}, err
	}
	if err := CheckStoryID(storyID); err != nil {
		return Deleted{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.needStory(storyID); err != nil {
		return Deleted{}, err
	}
	var revs []Stored[annotation.Revision]
	for _, r := range m.revisions {
		if r.Record.StoryID == storyID {
			revs = append(revs, r)
		}
	}
	if err := CheckDeleteRevision(storyID, revisionID, ListRevisions(revs)); err != nil {
		return Deleted{}, err
	}
	d := Deleted{Revision: m.revisions[revisionID].Record}
	var anns []Stored[Annotation]
	for id, a := range m.annotations {
		if a.Record.StoryID == storyID && a.Record.Revision == revisionID {
			anns = append(anns, a)
			delete(m.annotations, id)
		}
	}
	d.Annotations = ListAnnotations(anns)
	for r := range m.rejections {
		if r.revisionID == revisionID {
			d.Rejections = append(d.Rejections, r.key)
			delete(m.rejections, r)
		}
	}
	d.Rejections = ListRejections(d.Rejections)
	delete(m.revisions, revisionID)
	return d, nil
}
