package sync

import (
	"context"
	"fmt"
	"slices"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// ImportStory writes a whole story (its record, every revision and every
// annotation) in one transaction: "Share with…" moves a story from the
// personal library into a project this way, so that a share is all or
// nothing. Written step by step, another tab syncing the project
// committed between the steps (it sends the story as soon as it is
// stored), a step after the first was refused as stale, and the server
// kept a story with no revisions.
//
// A story already here (the shell an earlier, partial share left, and
// the server may have taken) is completed, not refused: its title and
// date are the ones given, revisions already here stay as they are (a
// revision is immutable) and the annotations given are written over
// theirs, so a retry after a failure always completes. A story deleted
// here comes back only while the server has not taken the delete. Annotations on a
// revision not among revs go with the first; a revision deleted here
// for good comes under a new id, its annotations with it.
func (s *LibraryStore) ImportStory(ctx context.Context, st store.Story, revs []annotation.Revision, anns []store.Annotation) error {
	if err := store.CheckStoryID(st.ID); err != nil {
		return err
	}
	if len(revs) == 0 {
		return fmt.Errorf("story %s: no revision to import: %w", st.ID, store.ErrInvalid)
	}
	story := op{k: Key{KindStory, st.ID}, revive: true, content: func(old Record) (Fields, error) {
		var f storyFields
		_ = old.Fields.into(&f) // a new story has no fields; the source stays
		f.Title, f.Created = st.Title, st.Created.UTC()
		return keepMarks(old, fieldsOf(f)), nil
	}}
	ops := []op{story}
	renamed := map[string]string{}
	for _, v := range revs {
		if v.StoryID != st.ID {
			return fmt.Errorf("revision %s: of story %s, not %s: %w", v.ID, v.StoryID, st.ID, store.ErrInvalid)
		}
		if err := needID(v.ID); err != nil {
			return err
		}
		rec, ok := s.R.Record(KindRevision, v.ID)
		if ok && !rec.Deleted {
			continue // already here from an earlier share
		}
		if ok && !s.R.Revivable(KindRevision, v.ID) {
			renamed[v.ID] = s.RevisionID(v.StoryID, v.Text)
			v.ID = renamed[v.ID]
		}
		fields := fieldsOf(revisionFields{StoryID: v.StoryID, Date: v.Date, Title: v.Title, Text: v.Text, Added: v.Added.UTC(), Undated: v.Undated, Byline: v.Byline})
		ops = append(ops, op{k: Key{KindRevision, v.ID}, revive: true, content: func(Record) (Fields, error) { return fields, nil }})
	}
	anns = slices.Clone(anns)
	for i, a := range anns {
		if a.StoryID != st.ID {
			return fmt.Errorf("annotation %s: of story %s, not %s: %w", a.ID, a.StoryID, st.ID, store.ErrInvalid)
		}
		if !slices.ContainsFunc(revs, func(v annotation.Revision) bool { return v.ID == a.Revision }) {
			a.Revision = revs[0].ID
		}
		if to, ok := renamed[a.Revision]; ok {
			a.Revision = to
		}
		a.Rev = 0 // written over what is here, if anything
		if id, err := annotationID(a.ID); err == nil {
			if rec, ok := s.R.Record(KindAnnotation, id); ok {
				switch {
				case rec.Deleted && !s.R.Revivable(KindAnnotation, id):
					a.ID = annotation.NewID()
				case !rec.Deleted:
					a.Rev = s.rev(rec, true)
				}
			}
		}
		anns[i] = a
	}
	_, err := s.writeAnnotations(ctx, anns, ops, true)
	return err
}
