package library

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// laterVersion edits the sample article as a newsroom might after
// publication.
func laterVersion(edits ...string) []byte {
	text := string(SampleArticle())
	for i := 0; i+1 < len(edits); i += 2 {
		text = strings.Replace(text, edits[i], edits[i+1], 1)
	}
	return []byte(strings.Replace(text, "date 2025-03-23", "date 2025-03-24", 1))
}

func TestAddRevisionCarriesAnnotations(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	quote, _ := s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote)
	claim, _ := s.Tag(ctx, find(t, s, "commissioned a portrait of Trump"), annotation.KindClaim)
	gone, _ := s.Tag(ctx, find(t, s, "Butler, Pennsylvania"), annotation.KindClaim)
	kept, _ := s.Tag(ctx, find(t, s, "Kherson"), annotation.KindNote)
	_ = kept

	cmp, err := s.AddRevision(ctx, "v2.txt", laterVersion(
		"super smart", "very smart",
		" during a campaign rally in Butler, Pennsylvania", "",
	))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Revisions) != 2 || s.Current != 1 || s.Revision().Date != "2025-03-24" {
		t.Fatalf("showing revision %d of %d (%s)", s.Current, len(s.Revisions), s.Revision().Date)
	}
	status := map[string]annotation.Status{}
	for _, p := range s.Annotations {
		status[p.Before+"|"+s.Slice(p.Span)] = p.Status
		if p.Revision != s.Revision().ID || p.Target.SourceDate != "2025-03-24" {
			t.Errorf("carried annotation not on the new revision: %+v", p.Annotation)
		}
		if p.ID == quote.ID || p.ID == claim.ID {
			t.Errorf("carried annotation reuses the old id %s", p.ID)
		}
	}
	if status["super smart|very smart"] != annotation.StatusChanged {
		t.Errorf("edited quote: statuses %v", status)
	}
	orphans := 0
	for _, p := range s.Annotations {
		if p.Orphaned {
			orphans++
			if p.Before != "Butler, Pennsylvania" {
				t.Errorf("orphan before = %q", p.Before)
			}
		}
	}
	if orphans != 1 {
		t.Errorf("%d orphans, want the deleted claim", orphans)
	}
	changed := cmp.Changed()
	if len(changed) != 2 {
		t.Fatalf("changed report %+v, want the quote and the deleted claim", changed)
	}
	if q, c := cmp.Affected(); q != 1 || c != 1 {
		t.Errorf("affected quotes %d claims %d", q, c)
	}
	if st := cmp.Diff.Stats; st.WordsAdded != 1 || st.WordsRemoved < 5 {
		t.Errorf("stats %+v", st)
	}

	// The first revision's annotations are untouched.
	if err := s.Show(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if p, ok := s.Find(gone.ID); !ok || p.Orphaned || p.Status != annotation.StatusNone {
		t.Errorf("old revision's annotation changed: %+v", p)
	}
	tl, complete := s.Timeline()
	if !complete {
		t.Fatal("the timeline lacks a diff of revisions added in this session")
	}
	if len(tl) != 2 || tl[1].Added != 1 || tl[1].Changed != 2 {
		t.Errorf("timeline %+v", tl)
	}
}

// oldRecords reads revisions back with their word diffs set to words:
// zero, as stored before they were kept (or as synced from the server).
type oldRecords struct {
	store.Store
	words annotation.WordDiff
}

func (o oldRecords) Revisions(ctx context.Context, storyID string) ([]annotation.Revision, error) {
	revs, err := o.Store.Revisions(ctx, storyID)
	for i := range revs {
		revs[i].Words = o.words
	}
	return revs, err
}

// A story whose revisions were stored without their word diffs, opened
// afresh, draws its timeline at once, without the diffs; once they are
// fetched (away from the session) it is the same as in the session that
// added the revisions.
func TestTimelineFetchesMissingDiffs(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	later := strings.Replace(string(SampleArticle()), "super smart", "very smart", 1)
	if _, err := s.AddRevision(ctx, "later.txt", []byte(later)); err != nil {
		t.Fatal(err)
	}
	want, complete := s.Timeline()
	if !complete || !s.StatsToFetch().Empty() {
		t.Fatal("the session that added the revision lacks its diff")
	}
	fresh, err := (&Library{Store: oldRecords{Store: l.Store}, Core: l.Core}).Open(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if tl, complete := fresh.Timeline(); complete || len(tl) != 2 || tl[1].Added != 0 {
		t.Errorf("a fresh session's timeline before fetching: %+v, complete %v", tl, complete)
	}
	stats, err := fresh.StatsToFetch().Fetch()
	if err != nil {
		t.Fatal(err)
	}
	fresh.KeepStats(stats)
	got, complete := fresh.Timeline()
	if !complete || !reflect.DeepEqual(got, want) {
		t.Errorf("timeline after fetching %+v (complete %v), want %+v", got, complete, want)
	}
}

// TestTimelineFromStoredWordDiffs: a revision is stored with its word
// diff against the one before, so a story opened afresh draws the same
// timeline as the session that added it, complete, with nothing to fetch
// and no core to ask (issue 15: opening it started the core's worker).
func TestTimelineFromStoredWordDiffs(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	if _, err := s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote); err != nil {
		t.Fatal(err)
	}
	for _, v := range [][]byte{laterVersion("super smart", "very smart"), laterVersion("super smart", "very clever", "Kherson", "Odesa")} {
		if _, err := s.AddRevision(ctx, "later.txt", v); err != nil {
			t.Fatal(err)
		}
	}
	want, _ := s.Timeline()
	fresh, err := (&Library{Store: l.Store}).Open(ctx, s.Story.ID) // no core at all
	if err != nil {
		t.Fatal(err)
	}
	if got, complete := fresh.Timeline(); !complete || !fresh.StatsToFetch().Empty() || !reflect.DeepEqual(got, want) {
		t.Errorf("a fresh session's timeline %+v (complete %v, to fetch %v), want %+v", got, complete, !fresh.StatsToFetch().Empty(), want)
	}
	if len(want) != 3 || want[2].Added == 0 || want[2].Removed == 0 {
		t.Errorf("timeline %+v, want three points, the third with words added and removed", want)
	}
	for i, rev := range fresh.Revisions[1:] {
		if rev.Words.From != fresh.Revisions[i].ID {
			t.Errorf("revision %d's word diff is against %q, want the revision before it, %q", i+1, rev.Words.From, fresh.Revisions[i].ID)
		}
	}
}

// A stored word diff against another revision than the one now before it
// (its story's revisions ordered otherwise since) is not believed: that
// pair's diff is fetched.
func TestTimelineFetchesADiffStoredAgainstAnotherRevision(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	if _, err := s.AddRevision(ctx, "later.txt", laterVersion("super smart", "very smart")); err != nil {
		t.Fatal(err)
	}
	other := annotation.WordDiff{From: "another revision", Added: 7, Removed: 7}
	fresh, err := (&Library{Store: oldRecords{Store: l.Store, words: other}, Core: l.Core}).Open(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if tl, complete := fresh.Timeline(); complete || fresh.StatsToFetch().Empty() || tl[1].Added != 0 {
		t.Errorf("timeline %+v (complete %v) from a diff against another revision, want it fetched", tl, complete)
	}
}

func TestAddRevisionRejectsSameTextAndBadFiles(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	if _, err := s.AddRevision(ctx, "same.txt", SampleArticle()); err == nil || !strings.Contains(err.Error(), "same text") {
		t.Errorf("same text: %v", err)
	}
	if _, err := s.AddRevision(ctx, "bin.txt", []byte{0, 1, 2, 3, 0, 0}); err == nil {
		t.Error("binary file accepted")
	}
	revs, _ := l.Store.Revisions(context.Background(), s.Story.ID)
	if len(revs) != 1 {
		t.Errorf("%d revisions stored after rejected input", len(revs))
	}
}

func TestAcceptAndReattach(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote)
	s.Tag(ctx, find(t, s, "Butler, Pennsylvania"), annotation.KindClaim)
	if _, err := s.AddRevision(ctx, "v2.txt", laterVersion("super smart", "very smart", "Butler, Pennsylvania", "a town in Pennsylvania")); err != nil {
		t.Fatal(err)
	}
	var changed, orphan Placed
	for _, p := range s.Annotations {
		switch {
		case p.Orphaned:
			orphan = p
		case p.Status == annotation.StatusChanged:
			changed = p
		}
	}
	if changed.ID == "" || orphan.ID == "" {
		t.Fatalf("want one changed and one orphan: %+v", s.Annotations)
	}
	if _, err := s.Accept(ctx, changed.ID); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Find(changed.ID); p.Status != annotation.StatusNone {
		t.Errorf("accepted status %q", p.Status)
	}
	re, err := s.Reattach(ctx, orphan.ID, find(t, s, "a town in Pennsylvania"))
	if err != nil {
		t.Fatal(err)
	}
	if re.Orphaned || s.Slice(re.Span) != "a town in Pennsylvania" || re.Before != "Butler, Pennsylvania" || re.Status != annotation.StatusChanged {
		t.Errorf("re-attached: %+v", re)
	}
	again, _ := l.Open(ctx, s.Story.ID)
	if p, _ := again.Find(orphan.ID); p.Orphaned || again.Slice(p.Span) != "a town in Pennsylvania" {
		t.Errorf("re-attachment not stored: %+v", p)
	}
	if what, _ := s.Undo(ctx); what != "re-attach" {
		t.Errorf("undo = %q", what)
	}
	if p, _ := s.Find(orphan.ID); !p.Orphaned {
		t.Error("undo did not orphan it again")
	}
}

func TestCompareAnyTwoRevisions(t *testing.T) {
	s := openSample(t, newLibrary(t))
	s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote)
	s.AddRevision(ctx, "v2.txt", laterVersion("super smart", "very smart"))
	s.AddRevision(ctx, "v3.txt", laterVersion("super smart", "extremely smart", "four eastern regions", "four regions"))
	c, err := s.Compare(2, 0)
	if err != nil {
		t.Fatal(err)
	}
	if c.From != 0 || c.To != 2 {
		t.Errorf("compare normalised to %d→%d", c.From, c.To)
	}
	if ch := c.Changed(); len(ch) != 1 || ch[0].Before != "super smart" || ch[0].After != "extremely smart" {
		t.Errorf("changed %+v", ch)
	}
	if _, err := s.Compare(1, 1); err == nil {
		t.Error("comparing a revision with itself")
	}
}

func TestPreparedRevisionStoresNothingUntilCommittedAndGoesStale(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	c, err := s.PrepareRevision("v2.txt", laterVersion("super smart", "very smart"))
	if err != nil {
		t.Fatal(err)
	}
	if revs, _ := l.Store.Revisions(ctx, s.Story.ID); len(revs) != 1 || len(s.Revisions) != 1 {
		t.Fatalf("preparing stored a revision: %d stored, %d in the session", len(revs), len(s.Revisions))
	}
	if c.ToRevision.Date != "2025-03-24" || c.Diff.Stats.WordsAdded != 1 {
		t.Errorf("prepared comparison %+v", c.Diff.Stats)
	}
	if _, err := s.AddRevision(ctx, "v3.txt", laterVersion("super smart", "extremely smart")); err != nil {
		t.Fatal(err)
	}
	if err := s.CommitRevision(ctx, c); err == nil {
		t.Error("a preparation made before another revision was added was stored")
	}
	if revs, _ := l.Store.Revisions(ctx, s.Story.ID); len(revs) != 2 {
		t.Errorf("%d revisions stored, want 2", len(revs))
	}
}

// TestOrphansAreCountedOnceOnTheRevisionThatOrphanedThem is issue 16's
// bug 8: a quote orphaned by v2 is not listed, counted or charted again
// when v3 changes something else.
func TestOrphansAreCountedOnceOnTheRevisionThatOrphanedThem(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	if _, err := s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tag(ctx, find(t, s, "Butler, Pennsylvania"), annotation.KindQuote); err != nil {
		t.Fatal(err)
	}
	v2 := laterVersion("super smart", "very smart", " during a campaign rally in Butler, Pennsylvania", "")
	if _, err := s.AddRevision(ctx, "v2.txt", v2); err != nil {
		t.Fatal(err)
	}
	v3 := strings.Replace(strings.Replace(string(v2), "very smart", "extremely smart", 1), "date 2025-03-24", "date 2025-03-25", 1)
	cmp, err := s.AddRevision(ctx, "v3.txt", []byte(v3))
	if err != nil {
		t.Fatal(err)
	}
	if q, c := cmp.Affected(); q != 1 || c != 0 {
		t.Errorf("v2→v3 affects %d quotes and %d claims, want 1 quote (very → extremely smart)", q, c)
	}
	for _, ch := range cmp.Changed() {
		if ch.Before == "Butler, Pennsylvania" {
			t.Errorf("v2→v3 lists the quote v2 orphaned: %+v", ch)
		}
	}
	if len(cmp.Changed()) != 1 {
		t.Errorf("v2→v3 report: %+v", cmp.Changed())
	}
	tl, complete := s.Timeline()
	if !complete {
		t.Fatal("the timeline lacks a diff of revisions added in this session")
	}
	if tl[1].Changed != 2 || tl[2].Changed != 1 {
		t.Errorf("timeline counts %d changed on v2 and %d on v3, want 2 and 1", tl[1].Changed, tl[2].Changed)
	}
	// Compared directly, v1→v3 still shows the orphan: v1 had its words.
	all, err := s.Compare(0, 2)
	if err != nil {
		t.Fatal(err)
	}
	if q, _ := all.Affected(); q != 2 {
		t.Errorf("v1→v3 affects %d quotes, want 2", q)
	}
}

// TestUnrelatedRevisionIsRecognised: a wholly different article is
// unrelated to the story (issue 16 bug 7); a real edit is not.
func TestUnrelatedRevisionIsRecognised(t *testing.T) {
	s := openSample(t, newLibrary(t))
	edit, err := s.PrepareRevision("v2.txt", laterVersion("super smart", "very smart"))
	if err != nil {
		t.Fatal(err)
	}
	if edit.Unrelated() || edit.SharedWords() < 0.9 {
		t.Errorf("a one-word edit shares %.2f of its words, unrelated %v", edit.SharedWords(), edit.Unrelated())
	}
	other, err := s.PrepareRevision("other.txt", []byte("A tough Texas judge has released the man.\n\nThe court said the jail was full and the case would wait until spring."))
	if err != nil {
		t.Fatal(err)
	}
	if !other.Unrelated() {
		t.Errorf("another article shares %.2f of its words and is not unrelated", other.SharedWords())
	}
}

func TestDeleteLatestRevisionAndUndo(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	if err := s.DeleteRevision(ctx); err == nil {
		t.Error("deleted the only revision")
	}
	a, _ := s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote)
	note := "kept on v1"
	if _, err := s.Update(ctx, a.ID, Edit{Note: &note}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRevision(ctx, "v2.txt", laterVersion("super smart", "very smart")); err != nil {
		t.Fatal(err)
	}
	carried := s.Annotations[0]
	if err := s.DeleteRevision(ctx); err != nil {
		t.Fatal(err)
	}
	if len(s.Revisions) != 1 || len(s.Annotations) != 1 || s.Annotations[0].ID != a.ID || s.Annotations[0].Note != note {
		t.Fatalf("after delete: %d revisions, %+v", len(s.Revisions), s.Annotations)
	}
	if what, err := s.Undo(ctx); err != nil || what != "revision delete" {
		t.Fatalf("Undo = %q, %v", what, err)
	}
	again, _ := l.Open(ctx, s.Story.ID)
	for _, got := range []*Session{s, again} {
		if len(got.Revisions) != 2 || len(got.Annotations) != 1 || got.Annotations[0].ID != carried.ID || got.Annotations[0].Note != note || got.Annotations[0].Status != carried.Status {
			t.Errorf("after undo: %d revisions, %+v", len(got.Revisions), got.Annotations)
		}
	}
}

// TestAffectedCountsWhatTheReportLists is tester 1's bug 11: a quote
// that only moved is not counted among those whose words changed (the
// report does not list it), and is counted as moved.
func TestAffectedCountsWhatTheReportLists(t *testing.T) {
	l := newLibrary(t)
	v1 := "The mayor spoke first on Monday.\n\n“We will rebuild the bridge by spring,” the mayor said at the hall.\n\nThe council voted later that night after a long debate about money.\n\nResidents were not convinced by any of it."
	st, err := l.AddStory(ctx, "bridge.txt", []byte(v1))
	if err != nil {
		t.Fatal(err)
	}
	s, err := l.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tag(ctx, find(t, s, "We will rebuild the bridge by spring"), annotation.KindQuote); err != nil {
		t.Fatal(err)
	}
	v2 := "The mayor spoke first on Monday.\n\nThe council voted later that night after a long debate about money.\n\nResidents were not convinced by any of it.\n\n“We will rebuild the bridge by spring,” the mayor said at the hall."
	cmp, err := s.AddRevision(ctx, "bridge-2.txt", []byte(v2))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Annotations[0].Status; got != annotation.StatusMoved {
		t.Fatalf("the quote is %s, want moved", got)
	}
	if q, c := cmp.Affected(); q != 0 || c != 0 || len(cmp.Changed()) != 0 {
		t.Errorf("affected %d quotes and %d claims, the report lists %d, want none", q, c, len(cmp.Changed()))
	}
	if n := cmp.MovedOnly(); n != 1 {
		t.Errorf("the moved quote is counted as moved %d times", n)
	}
}

// TestCommitCarriesWhatAnotherTabSavedMeanwhile is tester 4's bug 16: a
// note typed in a second tab just before the first adds a revision is
// carried to it, not left on the old revision only.
func TestCommitCarriesWhatAnotherTabSavedMeanwhile(t *testing.T) {
	l := newLibrary(t)
	a := openSample(t, l)
	claim, err := a.Tag(ctx, find(t, a, "friend"), "claim")
	if err != nil {
		t.Fatal(err)
	}
	c, err := a.PrepareRevision("v2.txt", laterVersion("super smart", "very smart"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := l.Open(ctx, a.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.UpdateField(ctx, claim.ID, "note", "", "typed in tab 2"); err != nil {
		t.Fatal(err)
	}
	if err := a.CommitRevision(ctx, c); err != nil {
		t.Fatal(err)
	}
	for _, p := range a.Annotations {
		if p.Exact() == "friend" && p.Note != "typed in tab 2" {
			t.Errorf("the claim carried to v2 has note %q, want the other tab's", p.Note)
		}
	}
}

// A revision another device added earlier arrives by a sync and takes the
// shown one's place in the list: Reload keeps the reader on the revision
// they read, by its id (tester 5: the view jumped to the colleague's).
func TestReloadKeepsTheShownRevisionByID(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	if _, err := s.AddRevision(ctx, "mine.txt", laterVersion("super smart", "very smart")); err != nil {
		t.Fatal(err)
	}
	mine := s.Revision()
	quote, err := s.Tag(ctx, find(t, s, "very smart"), annotation.KindQuote)
	if err != nil {
		t.Fatal(err)
	}
	first := s.Revisions[0]
	theirs := annotation.Revision{ID: "r-theirs", StoryID: first.StoryID, Date: first.Date, Title: first.Title,
		Text: strings.Replace(first.Text, "super smart", "quite smart", 1), Added: first.Added.Add(time.Millisecond)}
	if _, err := l.Store.AddRevision(ctx, theirs, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if len(s.Revisions) != 3 || s.Revisions[1].ID != theirs.ID {
		t.Fatalf("revisions after the sync: %d, the second %s", len(s.Revisions), s.Revisions[1].ID)
	}
	if s.Current != 2 || s.Revision().ID != mine.ID {
		t.Errorf("showing #%d (%s), want #3, the reader's own (%s)", s.Current+1, s.Revision().ID, mine.ID)
	}
	if _, ok := s.Find(quote.ID); !ok {
		t.Error("the annotations shown are not those of the reader's revision")
	}
}
