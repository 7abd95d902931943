package library

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"unicode"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/reading"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
	"github.com/redline-news/redline/internal/store"
)

// Comparison is the word diff between two revisions of the story and where
// the earlier one's annotations land on the later one.
type Comparison struct {
	From, To                 int // indexes into Session.Revisions
	FromRevision, ToRevision annotation.Revision
	Diff                     *revision.Diff
	Results                  []corecall.Carried // the From revision's annotations carried to To
	kinds                    map[string]annotation.Kind
	orphanedBefore           map[string]bool // already orphaned on the From revision
	toParagraphs             paragraphIndex  // of ToRevision's text, for Changed's NewPara
}

// news reports whether a result is something this revision did: an
// annotation already orphaned before it is orphaned again, not by it.
func (c *Comparison) news(r corecall.Carried) bool {
	return r.Status != annotation.StatusIntact && !(r.Status == annotation.StatusOrphaned && c.orphanedBefore[r.ID])
}

// Changed lists the quotes and claims whose words changed between the two
// revisions (edited or gone), before and after: what a fact-checker
// looks for first.
func (c *Comparison) Changed() []Change {
	var out []Change
	for _, r := range c.Results {
		kind := c.kinds[r.ID]
		if kind == annotation.KindNote {
			continue
		}
		if (r.Status == annotation.StatusChanged || r.Status == annotation.StatusOrphaned) && c.news(r) {
			ch := Change{ID: r.ID, Kind: kind, Status: r.Status, Before: r.Before, After: r.After, Speaker: r.Annotation.Speaker, Moved: r.Moved}
			if r.Moved {
				ch.NewPara = c.toParagraphs.number(r.New.Start)
			}
			out = append(out, ch)
		}
	}
	return out
}

// Change is one entry of the changed-quotes report.
type Change struct {
	ID            string
	Kind          annotation.Kind
	Status        annotation.Status
	Before, After string
	Speaker       string
	// Moved: the passage was edited and moved elsewhere; NewPara is the
	// paragraph (from 1) of the new revision it went to.
	Moved   bool
	NewPara int
}

// paragraphIndex finds the paragraph (from 1, paragraphs separated by
// blank lines) holding a code point of a text: it lists the code points
// that end a blank line, so a lookup is a binary search. Scanning the text
// for every moved annotation made the changed-quotes report quadratic
// (1.2 s for a 1 MB revision with 10,000 annotations).
type paragraphIndex []int

func newParagraphIndex(text string) paragraphIndex {
	var ends paragraphIndex
	i, prev := 0, rune(0)
	for _, r := range text {
		if r == '\n' && prev == '\n' {
			ends = append(ends, i)
		}
		prev = r
		i++
	}
	return ends
}

// number is the paragraph holding code point cp.
func (p paragraphIndex) number(cp int) int {
	n, _ := slices.BinarySearch(p, cp)
	return n + 1
}

// Affected counts the quotes and claims whose words this revision
// changed or took away: those Changed lists, so a summary and its report
// agree (tester 1's bug 11: a moved quote was counted and not listed).
func (c *Comparison) Affected() (quotes, claims int) {
	for _, ch := range c.Changed() {
		switch ch.Kind {
		case annotation.KindQuote:
			quotes++
		case annotation.KindClaim:
			claims++
		}
	}
	return quotes, claims
}

// MovedOnly counts the quotes and claims this revision moved with their
// words unchanged.
func (c *Comparison) MovedOnly() int {
	n := 0
	for _, r := range c.Results {
		if r.Status == annotation.StatusMoved && c.news(r) && c.kinds[r.ID] != annotation.KindNote {
			n++
		}
	}
	return n
}

// Compare diffs two revisions (by index) and migrates the earlier one's
// annotations onto the later one, without storing anything.
func (s *Session) Compare(from, to int) (*Comparison, error) {
	if from < 0 || to < 0 || from >= len(s.Revisions) || to >= len(s.Revisions) || from == to {
		return nil, fmt.Errorf("pick two different revisions")
	}
	if from > to {
		from, to = to, from
	}
	return s.comparison(from, to, s.Revisions[from], s.Revisions[to])
}

// comparison diffs revision a (at index from) against b (at index to) once
// and carries a's annotations through that diff.
func (s *Session) comparison(from, to int, a, b annotation.Revision) (*Comparison, error) {
	anns := s.annotationsOf(a.ID)
	d, results, err := s.lib.Core.Compare(a.Text, b.Text, anns)
	if err != nil {
		return nil, err
	}
	c := &Comparison{From: from, To: to, FromRevision: a, ToRevision: b, Diff: d, Results: results, kinds: map[string]annotation.Kind{}, orphanedBefore: map[string]bool{}, toParagraphs: newParagraphIndex(b.Text)}
	for _, x := range anns {
		c.kinds[x.ID] = x.Kind
		c.orphanedBefore[x.ID] = x.Status == annotation.StatusOrphaned
	}
	return c, nil
}

// annotationsOf lists one revision's annotations (see current).
func (s *Session) annotationsOf(revisionID string) []annotation.Annotation {
	var out []annotation.Annotation
	for _, a := range s.current() {
		if a.Revision == revisionID {
			out = append(out, a.Annotation)
		}
	}
	return out
}

// AddRevision parses a later version of the story, carries the latest
// revision's annotations onto it (each gets a new id on the new revision,
// with its status; the old revision's annotations stay as they were), stores
// the revision and the carried annotations in one transaction and shows it.
// It returns the comparison with the previous latest revision.
func (s *Session) AddRevision(ctx context.Context, name string, data []byte) (*Comparison, error) {
	c, err := s.PrepareRevision(name, data)
	if err != nil {
		return nil, err
	}
	return c, s.CommitRevision(ctx, c)
}

// PrepareRevision is AddRevision's first half, which stores nothing: it
// parses the file and compares it with the latest revision, so the UI can
// show the diff while CommitRevision writes. Until then c.To is one past
// the last revision and c.ToRevision holds the new one.
func (s *Session) PrepareRevision(name string, data []byte) (*Comparison, error) {
	a, err := s.lib.Core.Parse(name, data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(name), err)
	}
	latest := s.Revisions[len(s.Revisions)-1]
	if a.Text == latest.Text {
		return nil, fmt.Errorf("%s has the same text as the latest revision (%s)", displayName(name), latest.Date)
	}
	rev := newRevision(s.lib.revisionID(s.Story.ID, a.Text), s.Story.ID, a, s.lib.now())
	return s.comparison(len(s.Revisions)-1, len(s.Revisions), latest, rev)
}

// CommitRevision stores a prepared revision with the annotations carried
// onto it, in one transaction, and shows it.
func (s *Session) CommitRevision(ctx context.Context, c *Comparison) error {
	return s.CommitRevisionInTurns(ctx, c, nil)
}

// CommitRevisionInTurns is CommitRevision calling pause between the
// annotations it anchors on the new revision once stored (see
// corecall.Pause): 1,000 of them took most of a long task on the page.
// Meanwhile the session shows the revision before, whole; the new one is
// shown at once when every annotation is placed.
func (s *Session) CommitRevisionInTurns(ctx context.Context, c *Comparison, pause corecall.Pause) error {
	rev, now := c.ToRevision, s.lib.now()
	// The timeline's figures are stored with the revision: a story opened
	// later draws them without asking the core.
	rev.Words = annotation.WordDiff{From: c.FromRevision.ID, Added: c.Diff.Stats.WordsAdded, Removed: c.Diff.Stats.WordsRemoved}
	if c.To != len(s.Revisions) {
		return errors.New("the story changed since this revision was prepared: add it again")
	}
	// What another tab saved on the annotations since the comparison was
	// made (a note typed there a moment before) goes onto the new
	// revision too: the carried copies take the fields a reader edits
	// from the store as it is now, their places from the comparison.
	stored, err := s.lib.Store.Annotations(ctx, s.Story.ID)
	if err != nil {
		return err
	}
	latest := make(map[string]annotation.Annotation, len(stored))
	for _, a := range stored {
		latest[a.ID] = a.Annotation
	}
	carried := make([]store.Annotation, len(c.Results))
	for i, r := range c.Results {
		m := r.Annotation
		if now, ok := latest[m.ID]; ok {
			m.Kind, m.Speaker, m.Verdict, m.Tags, m.Note = now.Kind, now.Speaker, now.Verdict, now.Tags, now.Note
		}
		m.ID = s.lib.carriedID(r.Annotation.ID, rev.ID)
		m.Revision = rev.ID
		m.Modified = now
		m.Target.Source = annotation.StorySource(s.Story.ID)
		m.Target.SourceDate = rev.Date
		carried[i] = store.Annotation{Annotation: m, StoryID: s.Story.ID}
	}
	saved, err := s.lib.Store.AddRevision(ctx, rev, carried)
	if err != nil {
		return err
	}
	// Show the new revision from what was just stored, without reading
	// every record back.
	// A pause's error is not heeded here: the annotations are stored
	// already, and showing them cannot be left half done.
	shown, _ := placement(rev, saved, func() error {
		if pause != nil {
			_ = pause()
		}
		return nil
	})
	if pause != nil {
		_ = pause() // the new revision is drawn next, in a task of its own if need be
	}
	s.all = append(s.current(), saved...)
	s.Revisions = append(s.Revisions, rev)
	s.Current = len(s.Revisions) - 1
	s.show(shown)
	s.undo = nil // the history was about the previous revision's page
	s.rememberCarried(c.Results, carried)
	return nil
}

// current is every stored annotation of the story as this session knows
// it: the shown revision's as they are now, the others' as loaded.
func (s *Session) current() []store.Annotation {
	shown := s.Revision().ID
	out := make([]store.Annotation, 0, len(s.all))
	for _, a := range s.all {
		if a.Revision != shown {
			out = append(out, a)
		}
	}
	for _, p := range s.Annotations {
		out = append(out, p.Annotation)
	}
	return out
}

// Accept confirms a carried annotation's new place: it is no longer
// flagged for review (its status and old text are cleared; the comparison
// of the two revisions still reports the change).
func (s *Session) Accept(ctx context.Context, id string) (Placed, error) {
	return s.edit(ctx, id, "accept", func(a *annotation.Annotation) error {
		a.Status, a.Before, a.Moved = annotation.StatusNone, "", false
		return nil
	})
}

// Reattach puts an orphaned (or misplaced) annotation on newly selected
// words of the shown revision; it stays marked changed, with its old text.
func (s *Session) Reattach(ctx context.Context, id string, sel span.Span) (Placed, error) {
	sp := reading.SnapToWords(s.runes, sel)
	if sp.Empty() {
		return Placed{}, ErrEmptySelection
	}
	return s.edit(ctx, id, "re-attach", func(a *annotation.Annotation) error {
		if a.Before == "" && a.Target.Selector.Quote != nil {
			a.Before = a.Target.Selector.Quote.Exact
		}
		a.Status, a.Moved = annotation.StatusChanged, false // on words the reader chose
		a.Target.Selector = anchor.Describe(s.Text, sp)
		return nil
	})
}

// TimelinePoint is one revision on the story's timeline.
type TimelinePoint struct {
	Date           string
	Words          int
	Added, Removed int // words, against the previous revision
	Changed        int // annotations carried onto it that moved, changed or were orphaned
}

// Timeline describes every revision against the one before it. It asks
// the core for nothing, so the page can draw it at once: complete is false
// while some pair's diff is unknown (its Added and Removed are 0), until
// StatsToFetch's answer is kept with KeepStats.
func (s *Session) Timeline() (points []TimelinePoint, complete bool) {
	out := make([]TimelinePoint, len(s.Revisions))
	complete = true
	for i, rev := range s.Revisions {
		p := TimelinePoint{Date: rev.DateLabel(), Words: reading.CountWords(rev.Text)}
		if i > 0 {
			st, ok := s.wordDiff(s.Revisions[i-1], rev)
			p.Added, p.Removed = st.Added, st.Removed
			complete = complete && ok
		}
		// An orphan carried on from the revision before (it keeps only its
		// old quote) was orphaned there, not here.
		stillOrphaned := map[string]int{}
		if i > 0 {
			for _, a := range s.annotationsOf(s.Revisions[i-1].ID) {
				if a.Status == annotation.StatusOrphaned {
					stillOrphaned[orphanKey(a)]++
				}
			}
		}
		for _, a := range s.annotationsOf(rev.ID) {
			if a.Status == annotation.StatusOrphaned && stillOrphaned[orphanKey(a)] > 0 {
				stillOrphaned[orphanKey(a)]--
				continue
			}
			if a.Status != annotation.StatusNone && a.Status != annotation.StatusIntact {
				p.Changed++
			}
		}
		out[i] = p
	}
	return out, complete
}

// wordDiff is revision b's word diff against a, the revision before it:
// as stored with b when it was added, else as fetched (KeepStats); ok is
// false when neither has it.
func (s *Session) wordDiff(a, b annotation.Revision) (d annotation.WordDiff, ok bool) {
	if b.Words.From != "" && b.Words.From == a.ID {
		return b.Words, true
	}
	st, ok := s.statsCache[statsKey(a, b)]
	return annotation.WordDiff{From: a.ID, Added: st.WordsAdded, Removed: st.WordsRemoved}, ok
}

// statsKey names the diff of two revisions: revisions never change, so
// neither does their diff, which is kept by this key.
func statsKey(from, to annotation.Revision) string { return from.ID + "→" + to.ID }

// StatsToFetch is the diffs the timeline lacks, taken from the session so
// that Fetch can run on any goroutine without touching it.
type StatsToFetch struct {
	core  corecall.Core
	pairs []statsPair
}

type statsPair struct{ key, old, new string }

// Empty reports whether nothing is missing.
func (f StatsToFetch) Empty() bool { return len(f.pairs) == 0 }

// StatsToFetch lists the revision pairs whose diff Timeline lacks.
func (s *Session) StatsToFetch() StatsToFetch {
	f := StatsToFetch{core: s.lib.Core}
	for i := 1; i < len(s.Revisions); i++ {
		a, b := s.Revisions[i-1], s.Revisions[i]
		if _, ok := s.wordDiff(a, b); !ok {
			f.pairs = append(f.pairs, statsPair{statsKey(a, b), a.Text, b.Text})
		}
	}
	return f
}

// Fetch diffs the missing pairs with the core; KeepStats keeps the answer.
func (f StatsToFetch) Fetch() (map[string]revision.Stats, error) {
	out := make(map[string]revision.Stats, len(f.pairs))
	for _, p := range f.pairs {
		d, _, err := f.core.Compare(p.old, p.new, nil)
		if err != nil {
			return nil, err
		}
		out[p.key] = d.Stats
	}
	return out, nil
}

// KeepStats keeps diff stats Fetch returned, for Timeline.
func (s *Session) KeepStats(stats map[string]revision.Stats) {
	if s.statsCache == nil {
		s.statsCache = map[string]revision.Stats{}
	}
	for k, st := range stats {
		s.statsCache[k] = st
	}
}

// orphanKey is what an orphan carried from one revision to the next keeps.
func orphanKey(a annotation.Annotation) string {
	exact := ""
	if q := a.Target.Selector.Quote; q != nil {
		exact = q.Exact
	}
	return string(a.Kind) + "\x00" + exact
}

// unrelatedShare is the share of its words below which a later version
// looks like another article rather than a revision: a newsroom's update,
// however heavy, keeps most of the story (the corpus's real revision pairs
// keep well over half).
const unrelatedShare = 0.2

// SharedWords is the share of the longer of the two revisions' words that
// the diff keeps unchanged, from 0 to 1.
func (c *Comparison) SharedWords() float64 {
	old := countFields(c.FromRevision.Text)
	longer := max(old, countFields(c.ToRevision.Text))
	if longer == 0 {
		return 1
	}
	return float64(old-c.Diff.Stats.WordsRemoved) / float64(longer)
}

// Unrelated reports whether the later revision shares almost nothing with
// the earlier one: most likely the wrong file, which would orphan every
// annotation.
func (c *Comparison) Unrelated() bool { return c.SharedWords() < unrelatedShare }

// DeleteRevision removes the story's latest revision with the annotations
// carried onto it and shows the one before. It is undone like any change
// (Undo stores the revision and its annotations back); the earlier undo
// history goes, as it was about the removed revision's page.
func (s *Session) DeleteRevision(ctx context.Context) error {
	if len(s.Revisions) < 2 {
		return errors.New("this is the story's only revision: delete the story instead")
	}
	d, err := s.lib.Store.DeleteRevision(ctx, s.Story.ID, s.Revisions[len(s.Revisions)-1].ID)
	if err != nil {
		return err
	}
	if err := s.load(ctx, s.Story.ID, -1); err != nil {
		return err
	}
	s.undo = nil
	s.pushUndo("revision delete", func(ctx context.Context) error {
		if _, err := s.lib.Store.AddRevision(ctx, d.Revision, d.Carried()); err != nil {
			return err
		}
		for _, key := range d.Rejections {
			if err := s.lib.Store.Reject(ctx, s.Story.ID, d.Revision.ID, key); err != nil {
				return err
			}
		}
		return s.load(ctx, s.Story.ID, -1)
	})
	return nil
}

// countFields is len(strings.Fields(s)) without making the fields: on the
// page, two 100 KB revisions' 17,000 words each were a few milliseconds
// more of the task that shows a new revision's diff, and garbage.
func countFields(s string) int {
	n, inField := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}
