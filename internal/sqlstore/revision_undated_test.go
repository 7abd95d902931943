package sqlstore_test

import (
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

// TestUndatedAndBylineKept: a revision whose text gives no date stays
// undated, with its byline, in the store and in the change feed (a story
// shared into a project once came back dated by the day it was added).
func TestUndatedAndBylineKept(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, _ func(testing.TB) string) {
		db := desk(t, engine)
		_, err := db.PutStory(ctx, alice, store.StoryRec{Project: "desk", Story: annotation.Story{ID: "s1", Title: "Undated"}}, 0)
		must(t, err)
		for _, rev := range []annotation.Revision{
			{ID: "r1", StoryID: "s1", Date: "2026-12-01", Text: "No date here.", Undated: true, Byline: "By Ana Folha"},
			{ID: "r2", StoryID: "s1", Date: "2026-12-02", Text: "Dated."},
		} {
			_, err = db.AddRevision(ctx, alice, store.RevisionRec{Project: "desk", Revision: rev})
			must(t, err)
		}
		revs, err := db.Revisions(ctx, "desk", "s1")
		must(t, err)
		if len(revs) != 2 || !revs[0].Undated || revs[0].Byline != "By Ana Folha" || revs[1].Undated || revs[1].Byline != "" {
			t.Fatalf("revisions = %+v", revs)
		}
		feed, err := db.Changes(ctx, "desk", 0, 0)
		must(t, err)
		for _, c := range feed {
			if c.Revision != nil && c.Revision.ID == "r1" && (!c.Revision.Undated || c.Revision.Byline != "By Ana Folha") {
				t.Errorf("feed's r1 = %+v", c.Revision)
			}
		}
	})
}
