package library

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/reading"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/sorts"
	"github.com/redline-news/redline/internal/span"
	"github.com/redline-news/redline/internal/store"
)

// Placed is an annotation of the shown revision with where it sits in the
// text. Orphaned annotations (their words are gone) have an empty Span.
type Placed struct {
	store.Annotation
	Span     span.Span
	Orphaned bool
}

// Exact is the annotated text as recorded.
func (p Placed) Exact() string {
	if q := p.Target.Selector.Quote; q != nil {
		return q.Exact
	}
	return ""
}

// Session is one open story: its revisions, the one shown, and that
// revision's annotations in text order.
type Session struct {
	lib       *Library
	Story     store.Story
	Revisions []annotation.Revision
	Current   int // index into Revisions of the revision shown

	Text        *anchor.Text
	runes       []rune
	Paragraphs  []span.Span
	Annotations []Placed

	all        []store.Annotation        // every revision's annotations as loaded (see revisionAnnotations)
	statsCache map[string]revision.Stats // diff stats by revision pair
	undo       []undoStep
	// written is the Rev of each annotation as this session last wrote
	// it: an undo writes at that Rev, so the store refuses it
	// (ErrConflict) if another tab changed the annotation since.
	written map[string]int
	// carriedTo is, for an annotation a revision added by this session
	// carried, the id of its copy on that revision (see Follow).
	carriedTo map[string]string
	// saved are the texts this session stored in each field it edited,
	// last maxSaved (see followedBase).
	saved map[savedKey][]string
}

// undoStep reverses one change; label says what it undoes ("tag", …).
type undoStep struct {
	label string
	apply func(ctx context.Context) error
}

// Open loads a story and shows its latest revision.
func (l *Library) Open(ctx context.Context, storyID string) (*Session, error) {
	s := &Session{lib: l}
	if err := s.load(ctx, storyID, -1); err != nil {
		return nil, err
	}
	return s, nil
}

// load reads the story from the store; current < 0 shows the latest
// revision, otherwise the revision at that index (clamped).
func (s *Session) load(ctx context.Context, storyID string, current int) error {
	stories, err := s.lib.Store.Stories(ctx)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(stories, func(st store.Story) bool { return st.ID == storyID })
	if i < 0 {
		return fmt.Errorf("story %s: %w", storyID, store.ErrNotFound)
	}
	revs, err := s.lib.Store.Revisions(ctx, storyID)
	if err != nil {
		return err
	}
	if len(revs) == 0 {
		return fmt.Errorf("story %q has no text", stories[i].Title)
	}
	anns, err := s.lib.Store.Annotations(ctx, storyID)
	if err != nil {
		return err
	}
	if current < 0 || current >= len(revs) {
		current = len(revs) - 1
	}
	// Placed before the session changes: the page may draw it meanwhile.
	p, err := placement(revs[current], anns, s.lib.TurnCheck(ctx))
	if err != nil {
		return err
	}
	s.Story, s.Revisions, s.Current, s.all = stories[i], revs, current, anns
	s.show(p)
	return nil
}

// Reload re-reads the story, keeping the revision shown; the UI calls it
// when another tab or a sync changed the story. The revision is kept by
// its id: a sync that brings a colleague's revision in before it
// renumbers the revisions, and the reader stays on the one they read
// (tester 5: the view jumped to the colleague's). Gone, the index stays.
func (s *Session) Reload(ctx context.Context) error {
	shown := s.Revision().ID
	if err := s.load(ctx, s.Story.ID, s.Current); err != nil {
		return err
	}
	if i := slices.IndexFunc(s.Revisions, func(r annotation.Revision) bool { return r.ID == shown }); i >= 0 && i != s.Current {
		s.Current = i
		s.place(s.all)
	}
	return nil
}

// Show switches to the revision at index i.
func (s *Session) Show(ctx context.Context, i int) error {
	return s.load(ctx, s.Story.ID, i)
}

// Revision is the revision shown.
func (s *Session) Revision() annotation.Revision { return s.Revisions[s.Current] }

// place anchors the shown revision's annotations onto its text and sorts
// them in text order, orphans last.
func (s *Session) place(anns []store.Annotation) {
	p, _ := placement(s.Revision(), anns, nil) // never pauses, so never fails
	s.show(p)
}

func textOrder(a, b Placed) int {
	if a.Orphaned != b.Orphaned {
		if a.Orphaned {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(b.Span.End, a.Span.End), a.Created.Compare(b.Created))
}

// paragraphs splits canonical text at its blank lines.
func paragraphs(text []rune) []span.Span {
	var out []span.Span
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '\n' && text[i+1] == '\n' {
			out = append(out, span.Span{Start: start, End: i})
			start = i + 2
			i++
		}
	}
	if start < len(text) {
		out = append(out, span.Span{Start: start, End: len(text)})
	}
	return out
}

// Find returns the placed annotation with the given id.
func (s *Session) Find(id string) (Placed, bool) {
	i := slices.IndexFunc(s.Annotations, func(p Placed) bool { return p.ID == id })
	if i < 0 {
		return Placed{}, false
	}
	return s.Annotations[i], true
}

// Slice returns the text of a span of the shown revision.
func (s *Session) Slice(sp span.Span) string {
	return string(s.runes[max(0, sp.Start):min(len(s.runes), sp.End)])
}

// ErrEmptySelection means a selection held no word to tag.
var ErrEmptySelection = errors.New("select some words first")

// Tag snaps a selection to whole words and stores a new annotation of the
// given kind on it.
func (s *Session) Tag(ctx context.Context, sel span.Span, kind annotation.Kind) (Placed, error) {
	p, err := s.Draft(sel, kind)
	if err != nil {
		return Placed{}, err
	}
	return s.Keep(ctx, p)
}

// ErrRevisionChanged means a drafted annotation was kept after another
// revision came to be shown: its span counts in the text it was drafted on.
var ErrRevisionChanged = errors.New("another revision is shown now; the words were not tagged: select them again")

// Draft is the first half of Tag: it snaps the selection and makes the
// annotation, leaving the session as it is. The UI draws it at once, in the
// frame of the keypress, and then stores it with Keep.
func (s *Session) Draft(sel span.Span, kind annotation.Kind) (Placed, error) {
	if !slices.Contains(annotation.Kinds, kind) {
		return Placed{}, fmt.Errorf("unknown kind %q", kind)
	}
	sp := reading.SnapToWords(s.runes, sel)
	if sp.Empty() {
		return Placed{}, ErrEmptySelection
	}
	now := s.lib.now()
	rev := s.Revision()
	a := store.Annotation{
		StoryID: s.Story.ID,
		Annotation: annotation.Annotation{
			ID:       annotation.NewID(),
			Kind:     kind,
			Created:  now,
			Modified: now,
			Revision: rev.ID,
			Target: annotation.Target{
				Source:     annotation.StorySource(s.Story.ID),
				SourceDate: rev.Date,
				Selector:   anchor.Describe(s.Text, sp),
			},
		},
	}
	if kind == annotation.KindClaim {
		a.Verdict = annotation.VerdictUnverified
	}
	return Placed{Annotation: a, Span: sp}, nil
}

// Keep stores an annotation made by Draft on the revision still shown. It
// is in the session while its write runs.
func (s *Session) Keep(ctx context.Context, p Placed) (Placed, error) {
	if p.Revision != s.Revision().ID {
		return Placed{}, ErrRevisionChanged
	}
	s.insert(p)
	return s.commit(ctx, p)
}

// commit stores a drafted annotation. If the store refuses it, the draft
// leaves the session too: nothing is shown that a reload would not show.
func (s *Session) commit(ctx context.Context, p Placed) (Placed, error) {
	saved, err := s.lib.Store.PutAnnotations(ctx, []store.Annotation{p.Annotation})
	if err != nil {
		s.Annotations = slices.DeleteFunc(s.Annotations, func(q Placed) bool { return q.ID == p.ID })
		return Placed{}, err
	}
	p.Annotation = saved[0]
	s.replace(p)
	s.wrote(p.Annotation)
	s.pushUndo("tag", func(ctx context.Context) error {
		cur, ok := s.Find(p.ID)
		if !ok {
			return nil
		}
		cur.Rev = s.written[p.ID]
		return s.remove(ctx, cur)
	})
	return p, nil
}

// Edit is a change to an annotation's fields; nil fields stay as they are.
type Edit struct {
	Kind    *annotation.Kind
	Speaker *string
	Verdict *annotation.Verdict
	Tags    *[]string
	Note    *string
}

// Update applies an edit to the annotation with the given id.
func (s *Session) Update(ctx context.Context, id string, e Edit) (Placed, error) {
	return s.edit(ctx, id, "edit", e.apply)
}

// edit changes one annotation with change, stores it, places it again if
// its selector changed, and records how to undo it under label.
func (s *Session) edit(ctx context.Context, id, label string, change func(*annotation.Annotation) error) (Placed, error) {
	before, ok := s.Find(id)
	if !ok {
		return Placed{}, fmt.Errorf("annotation %s: %w", id, store.ErrNotFound)
	}
	after := before
	after.Tags = slices.Clone(before.Tags)
	if err := change(&after.Annotation.Annotation); err != nil {
		return Placed{}, err
	}
	after.Modified = s.lib.now()
	after.Span, after.Orphaned = s.locate(after.Annotation)
	saved, err := s.put(ctx, after)
	if err != nil {
		return Placed{}, err
	}
	s.pushUndo(label, func(ctx context.Context) error {
		cur, ok := s.Find(id)
		if !ok {
			return nil
		}
		restored := before
		restored.Rev = s.written[cur.ID]
		_, err := s.put(ctx, restored)
		return err
	})
	return saved, nil
}

// locate anchors an annotation on the shown revision.
func (s *Session) locate(a store.Annotation) (span.Span, bool) { return locateIn(s.Text, a) }

// locateIn is where a is in text t (see locate).
func locateIn(t *anchor.Text, a store.Annotation) (span.Span, bool) {
	if a.Status == annotation.StatusOrphaned {
		return span.Span{}, true
	}
	m, ok := anchor.Anchor(t, a.Target.Selector)
	if !ok {
		return span.Span{}, true
	}
	return m.Span, false
}

func (e Edit) apply(a *annotation.Annotation) error {
	if e.Kind != nil {
		if !slices.Contains(annotation.Kinds, *e.Kind) {
			return fmt.Errorf("unknown kind %q", *e.Kind)
		}
		a.Kind = *e.Kind
	}
	if e.Speaker != nil {
		a.Speaker = strings.Join(strings.Fields(*e.Speaker), " ")
	}
	if e.Verdict != nil {
		if *e.Verdict != annotation.VerdictNone && !e.Verdict.Known() {
			return fmt.Errorf("unknown verdict %q", *e.Verdict)
		}
		a.Verdict = *e.Verdict
	}
	if a.Kind != annotation.KindClaim {
		a.Verdict = annotation.VerdictNone
	}
	if e.Tags != nil {
		a.Tags = cleanTags(*e.Tags)
	}
	if e.Note != nil {
		a.Note = strings.TrimSpace(*e.Note)
	}
	return nil
}

// cleanTags trims tags, drops empty ones and duplicates, keeping order.
// Letter case aside: "Security" and "security" are one tag, spelt as
// first written.
func cleanTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), " ")
		if t != "" && !containsFold(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// Delete removes an annotation.
func (s *Session) Delete(ctx context.Context, id string) error {
	p, ok := s.Find(id)
	if !ok {
		return fmt.Errorf("annotation %s: %w", id, store.ErrNotFound)
	}
	if err := s.remove(ctx, p); err != nil {
		return err
	}
	s.pushUndo("delete", func(ctx context.Context) error {
		restored := p
		restored.Rev = 0
		saved, err := s.lib.Store.PutAnnotations(ctx, []store.Annotation{restored.Annotation})
		if err != nil {
			return err
		}
		restored.Annotation = saved[0]
		s.wrote(restored.Annotation)
		s.insert(restored)
		return nil
	})
	return nil
}

// CanUndo reports what Undo would undo ("" when nothing).
func (s *Session) CanUndo() string {
	if len(s.undo) == 0 {
		return ""
	}
	return s.undo[len(s.undo)-1].label
}

// Undo reverses the last change made in this session and reports which.
func (s *Session) Undo(ctx context.Context) (string, error) {
	if len(s.undo) == 0 {
		return "", errors.New("nothing to undo")
	}
	step := s.undo[len(s.undo)-1]
	if err := step.apply(ctx); err != nil {
		return "", err
	}
	s.undo = s.undo[:len(s.undo)-1]
	return step.label, nil
}

// maxUndo bounds the undo history of a session.
const maxUndo = 200

func (s *Session) pushUndo(label string, apply func(context.Context) error) {
	s.undo = append(s.undo, undoStep{label, apply})
	if len(s.undo) > maxUndo {
		s.undo = slices.Delete(s.undo, 0, len(s.undo)-maxUndo)
	}
}

// put stores an updated annotation and replaces it in the session.
func (s *Session) put(ctx context.Context, p Placed) (Placed, error) {
	saved, err := s.lib.Store.PutAnnotations(ctx, []store.Annotation{p.Annotation})
	if err != nil {
		return Placed{}, err
	}
	p.Annotation = saved[0]
	s.replace(p)
	s.wrote(p.Annotation)
	return p, nil
}

// wrote records the Rev this session stored an annotation at.
func (s *Session) wrote(a store.Annotation) {
	if s.written == nil {
		s.written = map[string]int{}
	}
	s.written[a.ID] = a.Rev
}

func (s *Session) remove(ctx context.Context, p Placed) error {
	if err := s.lib.Store.DeleteAnnotations(ctx, []store.Ref{{ID: p.ID, Rev: p.Rev}}); err != nil {
		return err
	}
	s.Annotations = slices.DeleteFunc(s.Annotations, func(q Placed) bool { return q.ID == p.ID })
	return nil
}

func (s *Session) insert(p Placed) {
	i, _ := slices.BinarySearchFunc(s.Annotations, p, textOrder)
	s.Annotations = slices.Insert(s.Annotations, i, p)
}

// replace swaps in a changed annotation, keeping text order (its span may
// have changed).
func (s *Session) replace(p Placed) {
	s.Annotations = slices.DeleteFunc(s.Annotations, func(q Placed) bool { return q.ID == p.ID })
	s.insert(p)
}

// Speakers lists the speaker names used in this story, most used first,
// for suggestions when naming a quote's speaker.
func (s *Session) Speakers() []string {
	count := map[string]int{}
	for _, a := range s.Annotations {
		if a.Speaker != "" {
			count[a.Speaker]++
		}
	}
	names := make([]string, 0, len(count))
	for n := range count {
		names = append(names, n)
	}
	sorts.Func(names, func(a, b string) int { return cmp.Or(count[b]-count[a], strings.Compare(a, b)) })
	return names
}
