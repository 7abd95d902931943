package migrate

import (
	"slices"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// Result is where one annotation went.
type Result struct {
	ID     string
	Status annotation.Status // intact, moved, changed or orphaned
	Before string            // the annotated text on the old revision
	After  string            // the annotated text on the new revision; "" when orphaned
	Old    span.Span         // where it was (zero when it could not be placed on the old text)
	New    span.Span         // where it is now (zero when orphaned)
	// Moved is set with status changed when the edited passage was also
	// moved elsewhere in the text (rules 4 and 5 of the package doc).
	Moved bool
	// Annotation is the migrated annotation: the same id and bodies, with
	// Status and Before set and selectors described on the new text. An
	// orphaned annotation keeps only its old quote (there is no position to
	// give). Target.SourceDate and Revision are left as they were: the
	// caller knows the new revision's date and id.
	Annotation annotation.Annotation
}

// Migrate carries annotations of oldText onto newText. d is the diff of the
// two texts if the caller already has it; when it is nil (or was computed
// from other texts) Migrate computes it. Results are in the order of anns.
func Migrate(oldText, newText string, d *revision.Diff, anns []annotation.Annotation) []Result {
	if d == nil || d.OldText() != oldText || d.NewText() != newText {
		d = revision.Compute(oldText, newText)
	}
	m := newMigration(d)
	out := make([]Result, len(anns))
	for i, a := range anns {
		out[i] = m.migrate(a)
	}
	m.movedEdited(out)
	return out
}

// migration is the state shared by every annotation of one Migrate call.
type migration struct {
	d        *revision.Diff
	old, new *anchor.Text
	inserted insertedText
	// oldSentences caches the sentences of old paragraphs, by paragraph,
	// for the moved-and-edited pass.
	oldSentences map[span.Span][]sentence
}

func newMigration(d *revision.Diff) *migration {
	m := &migration{d: d, old: anchor.NewText(d.OldText()), new: anchor.NewText(d.NewText())}
	m.inserted = findInserted(d, m.new.Index())
	return m
}

// placement is where an annotation lands on the new text.
type placement struct {
	status annotation.Status
	span   span.Span
	moved  bool // changed, and away from where the old span maps
}

// migrate places one annotation on the old text, then on the new one.
func (m *migration) migrate(a annotation.Annotation) Result {
	r := Result{ID: a.ID, Annotation: a}
	r.Annotation.Tags = slices.Clone(a.Tags)
	placed, ok := anchor.Anchor(m.old, a.Target.Selector)
	if !ok {
		q := a.Target.Selector.Quote
		if q == nil {
			return r.orphaned()
		}
		r.Before = q.Exact
		if s, ok := m.returned(*q); ok {
			return m.placed(r, placement{status: annotation.StatusMoved, span: s})
		}
		r.Annotation.Target.Selector = anchor.Selector{Quote: q}
		return r.orphaned()
	}
	r.Old = placed.Span
	quote := *anchor.Describe(m.old, placed.Span).Quote
	r.Before = quote.Exact
	p, ok := m.place(placed.Span, quote)
	if !ok {
		r.Annotation.Target.Selector = anchor.Selector{Quote: &quote}
		return r.orphaned()
	}
	return m.placed(r, p)
}

// placed is r landed on the new text at p.
func (m *migration) placed(r Result, p placement) Result {
	r.Status, r.New, r.Moved = p.status, p.span, p.moved
	r.After = m.new.Index().Slice(p.span)
	r.Annotation.Target.Selector = anchor.Describe(m.new, p.span)
	r.Annotation.Status, r.Annotation.Before, r.Annotation.Moved = r.Status, r.Before, r.Moved
	return r
}

func (r Result) orphaned() Result {
	r.Status = annotation.StatusOrphaned
	r.Annotation.Status, r.Annotation.Before = r.Status, r.Before
	return r
}

// place classifies the old span old, whose text and context are quote
// (see the package documentation for the order of the rules).
func (m *migration) place(old span.Span, quote anchor.TextQuote) (placement, bool) {
	image, untouched := m.d.MapSpan(old)
	if untouched {
		return placement{status: annotation.StatusIntact, span: image}, true
	}
	image = trimSpace(m.new.Index(), image, quote.Exact)
	// In place when enough of it is still there (never when nothing is),
	// else the same words in inserted text.
	if !image.Empty() && recognisable(m.keptInPlace(old), quote.Exact, m.new.Index().Slice(image)) {
		return placement{status: annotation.StatusChanged, span: image}, true
	}
	if s, ok := m.findMoved(quote, image.Start); ok {
		return placement{status: annotation.StatusMoved, span: s}, true
	}
	s, ok := m.approximate(quote, image)
	if !ok {
		return placement{}, false
	}
	switch {
	case !sameWords(m.new.Index().Slice(s), quote.Exact):
		// Found outside the window searched around the old place: moved too.
		near := grow(image, anchor.ContextLen+utf8.RuneCountInString(quote.Exact), m.new.Len())
		return placement{annotation.StatusChanged, s, !within(s, near)}, true
	case s.Overlaps(image):
		return placement{status: annotation.StatusIntact, span: s}, true
	}
	return placement{status: annotation.StatusMoved, span: s}, true
}

// sameWords reports whether a and b differ at most by the typographic noise
// the diff ignores: a moved paragraph whose quotation marks were
// straightened on the way is moved, not changed.
func sameWords(a, b string) bool {
	return a == b || len(revision.Compute(a, b).Hunks()) == 0
}
