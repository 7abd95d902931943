package sqlstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/redline-news/redline/internal/store"
)

// ImportStory creates a story with its revisions and annotation documents
// in one transaction: all are stored (each with its own change, documents
// with a history entry, as PutStory, AddRevision and PutDoc with ifSeq 0)
// or none. Any id taken is ErrConflict, a deleted story's id ErrGone.
// a.ChangeID covers the whole import: a replay writes nothing and answers
// the stored story, its revisions and documents with ErrReplayed.
func (db *DB) ImportStory(ctx context.Context, a store.Actor, s store.StoryRec, revs []store.RevisionRec, docs []store.Doc) (store.StoryRec, []store.RevisionRec, []store.Doc, error) {
	if err := checkImport(a, s, revs, docs); err != nil {
		return store.StoryRec{}, nil, nil, err
	}
	var (
		story   storyRow
		outRevs []store.RevisionRec
		outDocs []store.Doc
	)
	err := db.writeOnce(ctx, s.Project, a, func(w *wtx) error {
		var err error
		if story, err = w.putStoryIf(s, a, 0); err != nil {
			return err
		}
		for _, rev := range revs {
			v, err := w.addRevision(rev, a)
			if err != nil {
				return err
			}
			outRevs = append(outRevs, v.RevisionRec)
		}
		for _, d := range docs {
			out, err := w.putDoc(d, a, 0)
			if err != nil {
				return err
			}
			outDocs = append(outDocs, out)
		}
		return w.applied(s.Project, a, store.KindStory, s.ID, story.Seq)
	})
	if errors.Is(err, errReplay) {
		return db.imported(ctx, a, s)
	}
	if err != nil {
		return store.StoryRec{}, nil, nil, err
	}
	return story.StoryRec, outRevs, outDocs, nil
}

// checkImport refuses, before anything is written, a bundle whose parts
// do not belong together or could not be stored.
func checkImport(a store.Actor, s store.StoryRec, revs []store.RevisionRec, docs []store.Doc) error {
	if err := checkStory(a, s); err != nil {
		return err
	}
	for i, rev := range revs {
		if rev.StoryID != s.ID || rev.Project != s.Project {
			return fmt.Errorf("revision %d (%q) is not of story %q in %q: %w", i, rev.ID, s.ID, s.Project, store.ErrInvalid)
		}
		if err := checkRevision(a, rev); err != nil {
			return err
		}
	}
	for i, d := range docs {
		if d.Project != s.Project {
			return fmt.Errorf("annotation %d (%q) is not in project %q: %w", i, d.ID, s.Project, store.ErrInvalid)
		}
		if err := checkDoc(a, d); err != nil {
			return err
		}
	}
	return nil
}

// imported is what a replayed import answers: the story as stored now,
// its revisions and the documents on it.
func (db *DB) imported(ctx context.Context, a store.Actor, s store.StoryRec) (store.StoryRec, []store.RevisionRec, []store.Doc, error) {
	cur, err := db.Story(ctx, s.Project, s.ID)
	if err != nil {
		return cur, nil, nil, errors.Join(replayError(a), ignoreGone(err))
	}
	revs, err := db.Revisions(ctx, s.Project, s.ID)
	if err != nil {
		return cur, nil, nil, errors.Join(replayError(a), err)
	}
	page, err := db.Docs(ctx, s.Project, store.DocQuery{StoryID: s.ID})
	return cur, revs, page.Docs, errors.Join(replayError(a), err)
}
