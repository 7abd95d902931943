package sqlstore_test

import (
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

func bundle(story string, revs ...string) (store.StoryRec, []store.RevisionRec) {
	s := store.StoryRec{Project: "desk", Story: annotation.Story{ID: story, Title: "Bundled"}}
	var out []store.RevisionRec
	for _, id := range revs {
		out = append(out, store.RevisionRec{Project: "desk", Revision: annotation.Revision{ID: id, StoryID: story, Text: "text of " + id}})
	}
	return s, out
}

// nothingStored fails t if story or any of ids left a trace.
func nothingStored(t *testing.T, db *sqlstore.DB, story string, ids ...string) {
	t.Helper()
	if _, err := db.Story(ctx, "desk", story); err == nil {
		t.Errorf("story %q stored by a failed import", story)
	}
	for _, id := range ids {
		if _, err := db.Doc(ctx, "desk", id); err == nil {
			t.Errorf("annotation %q stored by a failed import", id)
		}
	}
}

func TestImportStory(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, _ func(testing.TB) string) {
		db := desk(t, engine)
		before, err := db.Changes(ctx, "desk", 0, 0)
		must(t, err)
		push := alice
		push.ChangeID = "import-1"
		s, revs := bundle("s1", "r1", "r2")
		docs := []store.Doc{doc("a1", "s1", "one"), doc("a2", "s1", "two")}
		gotS, gotRevs, gotDocs, err := db.ImportStory(ctx, push, s, revs, docs)
		must(t, err)
		if gotS.ID != "s1" || len(gotRevs) != 2 || len(gotDocs) != 2 || gotDocs[1].Seq <= gotS.Seq {
			t.Fatalf("import = %+v, %+v, %+v", gotS, gotRevs, gotDocs)
		}
		feed, err := db.Changes(ctx, "desk", 0, 0)
		must(t, err)
		if len(feed) != len(before)+5 {
			t.Errorf("feed after import has %d changes, want %d (story, 2 revisions, 2 annotations)", len(feed), len(before)+5)
		}
		if h, err := db.DocHistory(ctx, "desk", "a1"); err != nil || len(h) != 1 || h[0].ChangeID != "import-1" {
			t.Errorf("history of an imported annotation = %+v, %v", h, err)
		}

		againS, againRevs, againDocs, err := db.ImportStory(ctx, push, s, revs, docs)
		wantErr(t, "the same import again", err, store.ErrReplayed)
		if againS.Seq != gotS.Seq || len(againRevs) != 2 || len(againDocs) != 2 {
			t.Errorf("a replayed import answers %+v, %d revisions, %d docs; want the stored story with 2 and 2", againS, len(againRevs), len(againDocs))
		}
		if after, _ := db.Changes(ctx, "desk", 0, 0); len(after) != len(feed) {
			t.Errorf("a replayed import wrote %d changes", len(after)-len(feed))
		}

		// All or nothing: a taken annotation id rolls back the story and its revisions.
		s2, revs2 := bundle("s2", "r3")
		_, _, _, err = db.ImportStory(ctx, alice, s2, revs2, []store.Doc{doc("a3", "s2", "new"), doc("a1", "s2", "taken")})
		wantErr(t, "an import with a taken annotation id", err, store.ErrConflict)
		nothingStored(t, db, "s2", "a3")
		taken := revs[0]
		taken.StoryID = "s2"
		_, _, _, err = db.ImportStory(ctx, alice, s2, []store.RevisionRec{revs2[0], taken}, nil)
		wantErr(t, "an import with a taken revision id", err, store.ErrConflict)
		nothingStored(t, db, "s2")
		_, _, _, err = db.ImportStory(ctx, alice, s, nil, nil)
		wantErr(t, "an import of a taken story id", err, store.ErrConflict)

		wrong := revs2[0]
		wrong.StoryID = "s1"
		_, _, _, err = db.ImportStory(ctx, alice, s2, []store.RevisionRec{wrong}, nil)
		wantErr(t, "a revision of another story", err, store.ErrInvalid)
		elsewhere := doc("a4", "s2", "x")
		elsewhere.Project = "other"
		_, _, _, err = db.ImportStory(ctx, alice, s2, revs2, []store.Doc{elsewhere})
		wantErr(t, "an annotation of another project", err, store.ErrInvalid)
		nothingStored(t, db, "s2", "a4")

		_, err = db.DeleteStory(ctx, alice, "desk", "s1", 0)
		must(t, err)
		_, _, _, err = db.ImportStory(ctx, alice, s, nil, nil)
		wantErr(t, "an import of a deleted story's id", err, store.ErrGone)
		_, _, _, err = db.ImportStory(ctx, alice, store.StoryRec{Project: "nope", Story: annotation.Story{ID: "s9"}}, nil, nil)
		wantErr(t, "an import into a missing project", err, store.ErrNotFound)
	})
}
