package library

import (
	"context"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// WholeReader is a store that can read every story with its revisions
// and annotations at once. IndexedDB (app/idb) does, in one transaction
// with one getAll per object store: listing a library of 500 stories
// through Store took two transactions per story, and the start-up waited
// on a thousand of them.
type WholeReader interface {
	// ReadAll lists every story, revision and annotation, each in the
	// order the Store's own lists give them.
	ReadAll(ctx context.Context) ([]store.Story, []annotation.Revision, []store.Annotation, error)
}

// storyContent is one story with its revisions (oldest first) and
// annotations (all revisions, in creation order).
type storyContent struct {
	Story       store.Story
	Revisions   []annotation.Revision
	Annotations []store.Annotation
}

// contents reads every story with its revisions and annotations: in one
// go from a WholeReader, else story by story.
func (l *Library) contents(ctx context.Context) ([]storyContent, error) {
	if w, ok := l.Store.(WholeReader); ok {
		stories, revs, anns, err := w.ReadAll(ctx)
		if err != nil {
			return nil, err
		}
		return groupByStory(stories, revs, anns), nil
	}
	stories, err := l.Store.Stories(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]storyContent, len(stories))
	for i, s := range stories {
		out[i].Story = s
		if out[i].Revisions, err = l.Store.Revisions(ctx, s.ID); err != nil {
			return nil, err
		}
		if out[i].Annotations, err = l.Store.Annotations(ctx, s.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// groupByStory hands each story its revisions and annotations, keeping
// their order; records of a story not listed are left out.
func groupByStory(stories []store.Story, revs []annotation.Revision, anns []store.Annotation) []storyContent {
	out := make([]storyContent, len(stories))
	at := make(map[string]*storyContent, len(stories))
	for i, s := range stories {
		out[i].Story = s
		at[s.ID] = &out[i]
	}
	for _, r := range revs {
		if c := at[r.StoryID]; c != nil {
			c.Revisions = append(c.Revisions, r)
		}
	}
	for _, a := range anns {
		if c := at[a.StoryID]; c != nil {
			c.Annotations = append(c.Annotations, a)
		}
	}
	return out
}
