package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// moveStory moves story id with its revisions and annotations from one
// store to another ("Share with…": from the personal library into a
// project's replica), and deletes it from the first only once all of it
// is in the second. Nothing is written when something of it could not
// be shared.
func moveStory(ctx context.Context, from, to store.Store, id string) error {
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
	byRev := map[string][]store.Annotation{}
	for _, a := range anns {
		if !strings.HasPrefix(a.ID, "urn:uuid:") {
			return fmt.Errorf("“%s”: annotation %s has an id a project cannot take (imported from another tool?)", st.Title, a.ID)
		}
		rev := a.Revision
		if !slices.ContainsFunc(revs, func(r2 annotation.Revision) bool { return r2.ID == rev }) {
			rev = revs[0].ID // on no known revision: it goes with the first
		}
		a.Rev = 0
		byRev[rev] = append(byRev[rev], a)
	}
	st.Rev = 0
	if _, err := to.PutStory(ctx, st); err != nil {
		return err
	}
	for _, r := range revs {
		if _, err := to.AddRevision(ctx, r, byRev[r.ID]); err != nil {
			return fmt.Errorf("“%s” is shared only in part (%v): it stays in your library too", st.Title, err)
		}
	}
	return from.DeleteStory(ctx, id)
}
