package library

import (
	"context"
	"crypto/sha1"
	"errors"
	"fmt"
	"strings"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
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
	Added       int // new annotations stored
	Present     int // annotations already in the story (same id), left as they are
	Approximate int // of Added, those placed on words that differ from their quote: worth a look
}

// Import reads W3C Web Annotation JSON (Redline's or another tool's) and
// anchors every annotation onto the shown revision. It is all or nothing:
// if the file is invalid or any annotation cannot be placed with
// confidence, nothing is stored and the error lists every reason.
func (s *Session) Import(ctx context.Context, data []byte) (ImportResult, error) {
	var res ImportResult
	anns, err := annotation.Decode(data)
	if err != nil {
		var de *annotation.DecodeError
		if errors.As(err, &de) {
			ie := &ImportError{}
			for _, p := range de.Problems {
				ie.Problems = append(ie.Problems, p.String())
			}
			return res, ie // Decode already ends a capped list with a count
		}
		return res, &ImportError{Problems: []string{err.Error()}}
	}
	if len(anns) == 0 {
		return res, &ImportError{Problems: []string{"the file holds no annotations"}}
	}
	existing := map[string]bool{}
	for _, p := range s.Annotations {
		existing[p.ID] = true
	}
	taken, err := s.lib.annotationIDs(ctx)
	if err != nil {
		return res, err
	}
	rev := s.Revision()
	now := s.lib.now()
	var problems []string
	unplaced := 0 // problems beyond the first MaxProblems are counted, not listed
	var fresh []Placed
	for i, a := range anns {
		if taken[a.ID] && !existing[a.ID] {
			a.ID = copyID(s.Story.ID, a.ID)
		}
		if existing[a.ID] {
			res.Present++
			continue
		}
		m, ok := anchor.Anchor(s.Text, a.Target.Selector)
		if ok && m.Method == anchor.ByFuzzy {
			res.Approximate++
		}
		if !ok {
			unplaced++
			if len(problems) < annotation.MaxProblems {
				problems = append(problems, fmt.Sprintf("annotation %d (%s): %s is not in this story's text", i+1, a.ID, describeQuote(a.Target.Selector)))
			}
			continue
		}
		if a.Kind == "" {
			a.Kind = annotation.KindNote
		}
		if a.Created.IsZero() {
			a.Created = now
		}
		if a.Modified.IsZero() {
			a.Modified = a.Created
		}
		a.Revision = rev.ID
		a.Status, a.Before, a.Moved = annotation.StatusNone, "", false // placed afresh: nothing to review
		a.Target = annotation.Target{
			Source:     annotation.StorySource(s.Story.ID),
			SourceDate: rev.Date,
			Selector:   anchor.Describe(s.Text, m.Span),
		}
		existing[a.ID] = true
		fresh = append(fresh, Placed{Annotation: store.Annotation{Annotation: a, StoryID: s.Story.ID}, Span: m.Span})
	}
	if len(problems) > 0 {
		return ImportResult{}, (&ImportError{Problems: problems}).more(unplaced - len(problems))
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
	for i := range fresh {
		fresh[i].Annotation = saved[i]
		s.insert(fresh[i])
	}
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

func describeQuote(sel anchor.Selector) string {
	if sel.Quote != nil {
		q := []rune(sel.Quote.Exact)
		if len(q) > 60 {
			return fmt.Sprintf("the quote %q…", string(q[:60]))
		}
		return fmt.Sprintf("the quote %q", string(q))
	}
	if sel.Position != nil {
		return fmt.Sprintf("the position %d–%d", sel.Position.Start, sel.Position.End)
	}
	return "its target"
}
