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
// be shared.
func moveStory(ctx context.Context, from store.Store, to storyImporter, id string) error {
	stories, err := from.Stories(ctx)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(stories, func(s store.Story) bool { return s.ID == id })
	if i < 0 {
		return fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	st := stories[i]
	revs, err := from.Revisions(ctx, id)
	if err != nil {
		return err
	}
	anns, err := from.Annotations(ctx, id)
	if err != nil {
		return err
	}
	if len(revs) == 0 {
		return fmt.Errorf("“%s” has no text to share", st.Title)
	}
	for _, a := range anns {
		if !strings.HasPrefix(a.ID, "urn:uuid:") {
			return fmt.Errorf("“%s”: annotation %s has an id a project cannot take (imported from another tool?)", st.Title, a.ID)
		}
	}
	if err := to.ImportStory(ctx, st, revs, anns); err != nil {
		return shareFailed(st.Title, err)
	}
	return from.DeleteStory(ctx, id)
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
