package annotation

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// MaxOffset is the largest code-point offset Redline accepts in a
// TextPositionSelector: far beyond any article, and it fits every int.
const MaxOffset = 1<<31 - 1

// InvalidError lists why an Annotation breaks Redline's domain rules.
type InvalidError struct {
	ID       string
	Problems []string
}

func (e *InvalidError) Error() string {
	return fmt.Sprintf("annotation %s: %s", e.ID, strings.Join(e.Problems, "; "))
}

// Validate checks the domain rules every stored or exported annotation
// keeps: a known kind, a verdict only on claims, a target with a source and
// at least one usable selector, sane offsets, clean tags, a known migration
// status. It returns an *InvalidError listing every broken rule, or nil.
func (a *Annotation) Validate() error {
	if p := a.problems(); len(p) > 0 {
		return &InvalidError{ID: a.ID, Problems: p}
	}
	return nil
}

// Compiled at first use: package init delays the page's first screen.
var suggesterName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9._-]+$`) })

func (a *Annotation) problems() []string {
	var p []string
	add := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }

	switch {
	case a.ID == "":
		add("id is empty (use NewID)")
	case !isIRI(a.ID):
		add("id %q is not an IRI", a.ID)
	}
	if !knownKind(a.Kind) {
		add("kind %q is not one of quote, claim, note", a.Kind)
	}
	if !a.Verdict.Known() {
		add("verdict %q is not one of %s", a.Verdict, joinVerdicts())
	} else if a.Verdict != VerdictNone && a.Kind != KindClaim {
		add("verdict %q is only for claims, not %ss", a.Verdict, a.Kind)
	}
	seen := make(map[string]bool, len(a.Tags))
	for _, t := range a.Tags {
		switch {
		case strings.TrimSpace(t) == "":
			add("tags cannot be blank")
		case seen[t]:
			add("tag %q is listed twice", t)
		}
		seen[t] = true
	}
	p = append(p, a.Target.problems()...)
	if !knownStatus(a.Status) {
		add("status %q is not one of intact, moved, changed, orphaned", a.Status)
	}
	if a.Moved && a.Status != StatusChanged && a.Status != StatusMoved {
		add("moved is only set on a changed or moved annotation (status is %q)", a.Status)
	}
	if a.Before != "" && a.Status == StatusNone {
		add("before text is only kept for migrated annotations (status is empty)")
	}
	for _, t := range []struct {
		name string
		t    time.Time
	}{{"created", a.Created}, {"modified", a.Modified}} {
		if !t.t.IsZero() && (t.t.Year() < 1 || t.t.Year() > 9999) {
			add("%s time %v is outside years 0001–9999", t.name, t.t)
		}
	}
	if !a.Created.IsZero() && !a.Modified.IsZero() && a.Modified.Before(a.Created) {
		add("modified (%s) is before created (%s)", formatTime(a.Modified), formatTime(a.Created))
	}
	if a.Suggester != "" {
		if !a.Suggested {
			add("suggester %q is set but the annotation is not marked suggested", a.Suggester)
		}
		if !suggesterName().MatchString(a.Suggester) {
			add("suggester %q may only use letters, digits, '.', '_' and '-'", a.Suggester)
		}
	}
	texts := []struct{ name, s string }{
		{"speaker", a.Speaker}, {"note", a.Note}, {"creator", a.Creator}, {"before", a.Before}, {"revision", a.Revision},
	}
	if a.Via != "" && !isIRI(a.Via) {
		add("via %q is not an IRI", a.Via)
	}
	if q := a.Target.Selector.Quote; q != nil {
		texts = append(texts, struct{ name, s string }{"quote", q.Exact},
			struct{ name, s string }{"quote prefix", q.Prefix}, struct{ name, s string }{"quote suffix", q.Suffix})
	}
	for _, f := range texts {
		if !utf8.ValidString(f.s) {
			add("%s is not valid UTF-8", f.name)
		}
	}
	for _, t := range a.Tags {
		if !utf8.ValidString(t) {
			add("tag %q is not valid UTF-8", t)
		}
	}
	return p
}

func (t Target) problems() []string {
	var p []string
	add := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	switch {
	case t.Source == "":
		add("target source is empty (use StorySource for a story, or the article's IRI)")
	case !isIRI(t.Source):
		add("target source %q is not an IRI", t.Source)
	}
	if t.SourceDate != "" && !isDate(t.SourceDate) && !isDateTime(t.SourceDate) {
		add("target source date %q is neither YYYY-MM-DD nor an RFC 3339 date-time", t.SourceDate)
	}
	q, pos := t.Selector.Quote, t.Selector.Position
	if q == nil && pos == nil {
		add("target has no selector: it needs a quote, a position, or both")
	}
	if q != nil && q.Exact == "" {
		add("target quote is empty")
	}
	if pos != nil && (pos.Start < 0 || pos.End <= pos.Start || pos.End > MaxOffset) {
		add("target position [%d, %d) is not a non-empty range within [0, %d]", pos.Start, pos.End, MaxOffset)
	}
	return p
}

func knownKind(k Kind) bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

func knownStatus(s Status) bool {
	if s == StatusNone {
		return true
	}
	for _, x := range Statuses {
		if s == x {
			return true
		}
	}
	return false
}

func joinVerdicts() string {
	names := make([]string, len(Verdicts))
	for i, v := range Verdicts {
		names[i] = string(v)
	}
	return strings.Join(names, ", ")
}
