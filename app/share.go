package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/sync"
)

// storyImporter takes a whole story in one transaction
// (sync.LibraryStore.ImportStory): a share is all or nothing, and
// completes what an earlier, failed one left.
type storyImporter interface {
	ImportStory(ctx context.Context, st store.Story, revs []annotation.Revision, anns []store.Annotation) error
}

// moveStory moves story id with its revisions and annotations from one
// store to another ("Share with…": from the personal library into a
// project's replica), and deletes it from the first only once all of it
// is in the second. Nothing is written when something of it could not
// be shared. What another tab saved of the story while it was copied
// (an editor open there) is copied again before the delete, so it is
// not lost with the personal copy; a story still changing after
// movePasses copies is left in the personal library too.
func moveStory(ctx context.Context, from store.Store, to storyImporter, id string) error {
	c, err := readStory(ctx, from, id)
	if err != nil {
		return err
	}
	for range movePasses {
		if err := to.ImportStory(ctx, c.story, c.revs, c.anns); err != nil {
			return shareFailed(c.story.Title, err)
		}
		now, err := readStory(ctx, from, id)
		if err != nil {
			return err
		}
		if now.sameAs(c) {
			return from.DeleteStory(ctx, id)
		}
		c = now
	}
	// Deleting now would lose the last change made in the other tab.
	return fmt.Errorf("“%s” is shared, but another tab of yours kept changing it, so it is still in your library too with the latest changes; share it again once that tab is done", c.story.Title)
}

// movePasses is how many times moveStory copies a story another tab
// keeps changing before it leaves the personal copy where it is.
const movePasses = 3

// storyContent is a story as moveStory reads it.
type storyContent struct {
	story store.Story
	revs  []annotation.Revision
	anns  []store.Annotation
}

// readStory reads story id from st, refusing what a project cannot take.
func readStory(ctx context.Context, st store.Store, id string) (storyContent, error) {
	stories, err := st.Stories(ctx)
	if err != nil {
		return storyContent{}, err
	}
	i := slices.IndexFunc(stories, func(s store.Story) bool { return s.ID == id })
	if i < 0 {
		return storyContent{}, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	c := storyContent{story: stories[i]}
	if c.revs, err = st.Revisions(ctx, id); err != nil {
		return storyContent{}, err
	}
	if c.anns, err = st.Annotations(ctx, id); err != nil {
		return storyContent{}, err
	}
	if len(c.revs) == 0 {
		return storyContent{}, fmt.Errorf("“%s” has no text to share", c.story.Title)
	}
	for _, a := range c.anns {
		if !strings.HasPrefix(a.ID, "urn:uuid:") {
			return storyContent{}, fmt.Errorf("“%s”: annotation %s has an id a project cannot take (imported from another tool?)", c.story.Title, a.ID)
		}
	}
	return c, nil
}

// sameAs says nothing of the story changed between two reads (a store
// counts a record's Rev up at each write).
func (c storyContent) sameAs(o storyContent) bool {
	return c.story.Rev == o.story.Rev &&
		slices.EqualFunc(c.revs, o.revs, func(a, b annotation.Revision) bool { return a.ID == b.ID }) &&
		slices.EqualFunc(c.anns, o.anns, func(a, b store.Annotation) bool { return a.ID == b.ID && a.Rev == b.Rev })
}

// shareFailed words a share that wrote nothing in one plain sentence.
func shareFailed(title string, err error) error {
	why := "this browser could not store it, so try again: " + err.Error()
	switch {
	case errors.Is(err, sync.ErrStale), errors.Is(err, store.ErrConflict):
		why = "another tab of yours kept saving the project at that moment; try again"
	case errors.Is(err, store.ErrNotFound):
		why = "the project deleted a story of the same id, which cannot come back"
	}
	return fmt.Errorf("“%s” was not shared and is still in your library, because %s", title, why)
}
