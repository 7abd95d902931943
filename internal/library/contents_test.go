package library

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// wholeMemory is a memory store that also reads everything at once, the
// records of all stories interleaved as one object store's getAll gives
// them (here: the stories' records in reverse story order).
type wholeMemory struct {
	store.Store
	reads int
}

func (w *wholeMemory) ReadAll(ctx context.Context) ([]store.Story, []annotation.Revision, []store.Annotation, error) {
	w.reads++
	stories, err := w.Stories(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	var revs []annotation.Revision
	var anns []store.Annotation
	for _, s := range slices.Backward(stories) {
		r, err := w.Revisions(ctx, s.ID)
		if err != nil {
			return nil, nil, nil, err
		}
		a, err := w.Annotations(ctx, s.ID)
		if err != nil {
			return nil, nil, nil, err
		}
		revs, anns = append(revs, r...), append(anns, a...)
	}
	// A record of a story deleted meanwhile is left out, not listed.
	revs = append(revs, annotation.Revision{ID: "gone", StoryID: "deleted"})
	return stories, revs, anns, nil
}

func TestSummariesReadInOneGoMatchStoryByStory(t *testing.T) {
	l := newLibrary(t)
	for range 3 {
		s := openSample(t, l)
		if _, err := s.Tag(ctx, find(t, s, "Putin"), annotation.KindQuote); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := l.AddStory(ctx, "other.txt", []byte("Another story\n\nIts only paragraph says something else entirely.")); err != nil {
		t.Fatal(err)
	}
	byStory, err := l.Summaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	whole := &wholeMemory{Store: l.Store}
	l.Store = whole
	inOneGo, err := l.Summaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if whole.reads != 1 {
		t.Errorf("ReadAll called %d times, want 1", whole.reads)
	}
	if len(inOneGo) != 4 || !reflect.DeepEqual(inOneGo, byStory) {
		t.Errorf("summaries read in one go differ:\n%+v\nstory by story:\n%+v", inOneGo, byStory)
	}
}
