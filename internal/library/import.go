package library

import (
	"context"
	"crypto/sha1"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/interop"
	"github.com/redline-news/redline/internal/sorts"
	"github.com/redline-news/redline/internal/span"
	"github.com/redline-news/redline/internal/store"
)

// ImportError lists every reason an import was rejected. Nothing was
// stored.
type ImportError struct {
	Problems []string
}

func (e *ImportError) Error() string {
	return "import rejected, nothing was changed: " + strings.Join(e.Problems, "; ")
}

// more adds a line counting the problems not listed.
func (e *ImportError) more(omitted int) *ImportError {
	if omitted > 0 {
		e.Problems = append(e.Problems, fmt.Sprintf("… and %d more problems", omitted))
	}
	return e
}

// ImportResult says what an import did.
type ImportResult struct {
	Format      interop.Format // the format the file was read as
	Added       int            // new annotations stored
	Present     int            // annotations already in the story (same id), left as they are
	Approximate int            // of Added, those placed on words that differ from their quote: worth a look
	// Notes name what the file holds that Redline skips on purpose (a
	// relation between annotations, a reply): not errors.
	Notes []string
}

// Import reads an annotation file in any format interop.Read knows (W3C
// from Redline or another tool, Hypothesis, doccano, Label Studio, brat)
// and anchors every annotation onto the shown revision by its quote. It
// is all or nothing: if the file is invalid or any annotation cannot be
// placed with confidence, nothing is stored and the error lists every
// reason.
func (s *Session) Import(ctx context.Context, data []byte) (ImportResult, error) {
	var res ImportResult
	file, err := s.lib.Core.ReadAnnotations(data, annotation.StorySource(s.Story.ID))
	if err != nil {
		var e *interop.Error
		if errors.As(err, &e) {
			return res, &ImportError{Problems: e.Problems} // already ends a capped list with a count
		}
		return res, &ImportError{Problems: []string{err.Error()}}
	}
	res.Format, res.Notes = file.Format, file.Notes
	if len(file.Items) == 0 {
		return res, &ImportError{Problems: append([]string{"the file holds no annotations Redline can place"}, file.Notes...)}
	}
	existing := map[string]bool{}
	for _, p := range s.Annotations {
		existing[p.ID] = true
	}
	taken, err := s.lib.annotationIDs(ctx)
	if err != nil {
		return res, err
	}
	var items []interop.Item
	for _, it := range file.Items {
		if taken[it.Annotation.ID] && !existing[it.Annotation.ID] {
			it.Annotation.ID = copyID(s.Story.ID, it.Annotation.ID)
		}
		if existing[it.Annotation.ID] {
			res.Present++
			continue
		}
		existing[it.Annotation.ID] = true
		items = append(items, it)
	}
	placed, unplaced, err := s.lib.Core.PlaceAnnotations(s.Revision().Text, items)
	if err != nil {
		return ImportResult{}, err
	}
	if len(unplaced) > 0 {
		ie := &ImportError{Problems: unplaced[:min(len(unplaced), annotation.MaxProblems)]}
		return ImportResult{}, ie.more(len(unplaced) - len(ie.Problems))
	}
	rev := s.Revision()
	now := s.lib.now()
	fresh := make([]Placed, 0, len(placed))
	for i, p := range placed { // in the order of items: none was left unplaced
		if p.Approximate {
			res.Approximate++
			if q := items[i].Annotation.Target.Selector.Quote; q != nil {
				if sp := trimmedToQuote(s.runes, p.Span, q.Exact); sp != p.Span && !sp.Empty() {
					p.Span = sp
					p.Annotation.Target.Selector = anchor.Describe(s.Text, sp)
				}
			}
		}
		a := p.Annotation
		if a.Created.IsZero() {
			a.Created = now
		}
		if a.Modified.IsZero() {
			a.Modified = a.Created
		}
		a.Revision = rev.ID
		a.Status, a.Before, a.Moved = annotation.StatusNone, "", false // placed afresh: nothing to review
		a.Target.Source, a.Target.SourceDate = annotation.StorySource(s.Story.ID), rev.Date
		fresh = append(fresh, Placed{Annotation: store.Annotation{Annotation: a, StoryID: s.Story.ID}, Span: p.Span})
	}
	res.Added = len(fresh)
	toStore := make([]store.Annotation, len(fresh))
	for i, p := range fresh {
		toStore[i] = p.Annotation
	}
	saved, err := s.lib.Store.PutAnnotations(ctx, toStore)
	if err != nil {
		return ImportResult{}, err
	}
	// One sort, not one insert each: inserting 10,000 one by one moved the
	// list 10,000 times, most of the import. Newest first among equals,
	// where one insert after another puts them.
	merged := make([]Placed, 0, len(fresh)+len(s.Annotations))
	for i := len(fresh) - 1; i >= 0; i-- {
		fresh[i].Annotation = saved[i]
		merged = append(merged, fresh[i])
	}
	s.Annotations = append(merged, s.Annotations...)
	sorts.StableFunc(s.Annotations, textOrder)
	return res, nil
}

// copyID is the id an imported annotation gets when its own id belongs to
// another story (a file imported into a second copy of an article): ids
// are unique across the library. It is derived from the story and the
// original id (a version 5 UUID), so importing the file there again finds
// the copies instead of adding more.
func copyID(storyID, id string) string {
	sum := sha1.Sum([]byte(storyID + "\x00" + id))
	sum[6] = sum[6]&0x0f | 0x50
	sum[8] = sum[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}

// annotationIDs is the set of every annotation id in the library.
func (l *Library) annotationIDs(ctx context.Context) (map[string]bool, error) {
	ids := map[string]bool{}
	err := l.eachAnnotation(ctx, func(_ store.Story, a store.Annotation) { ids[a.ID] = true })
	return ids, err
}

// trimmedToQuote narrows an approximate placement by the punctuation it
// took at an edge where the quote itself has a letter or digit: the
// quote " components, connectors, and data " on "elements--components,
// … data--constrained" was placed from the second hyphen on (tester 4).
func trimmedToQuote(text []rune, sp span.Span, quote string) span.Span {
	q := []rune(strings.TrimSpace(quote))
	if len(q) == 0 {
		return sp
	}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if word(q[0]) {
		for sp.Start < sp.End && !word(text[sp.Start]) {
			sp.Start++
		}
	}
	if word(q[len(q)-1]) {
		for sp.End > sp.Start && !word(text[sp.End-1]) {
			sp.End--
		}
	}
	return sp
}
