package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/store"
)

// TestRenumberedComparisonFollowsItsRevisions: a sync brings in a
// colleague's revision added before the two compared; the comparison
// shown is made again for the same two revisions, under their new
// numbers (tester 5: "#2 → #3" went on showing the diff to what was now #4).
func TestRenumberedComparisonFollowsItsRevisions(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	lib := &library.Library{Store: store.NewMemory(), Core: newCore(), Now: func() time.Time { clock = clock.Add(time.Minute); return clock }}
	st, err := lib.AddStory(ctx, library.SampleName, library.SampleArticle())
	if err != nil {
		t.Fatal(err)
	}
	s, err := lib.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	first := s.Revision()
	if _, err := s.AddRevision(ctx, "mine.txt", []byte(strings.Replace(first.Text, "super smart", "very smart", 1))); err != nil {
		t.Fatal(err)
	}
	c, err := s.Compare(0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got, again := renumbered(s, c); got != c || again {
		t.Errorf("nothing renumbered, yet the comparison was made again")
	}
	theirs := annotation.Revision{ID: "r-theirs", StoryID: first.StoryID, Date: first.Date, Title: first.Title,
		Text: strings.Replace(first.Text, "super smart", "quite smart", 1), Added: first.Added.Add(time.Second)}
	if _, err := lib.Store.AddRevision(ctx, theirs, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	got, again := renumbered(s, c)
	if !again || got == nil {
		t.Fatalf("after the renumbering: %v, %v", got, again)
	}
	if got.From != 0 || got.To != 2 || got.FromRevision.ID != c.FromRevision.ID || got.ToRevision.ID != c.ToRevision.ID {
		t.Errorf("compares #%d → #%d (%s → %s), want #1 → #3 of the same revisions", got.From+1, got.To+1, got.FromRevision.ID, got.ToRevision.ID)
	}
}
