package library

import (
	"context"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/interop"
	"github.com/redline-news/redline/internal/store"
)

// ExportJSON is the shown revision's annotations as a W3C Web Annotation
// AnnotationCollection.
func (s *Session) ExportJSON() ([]byte, error) {
	return annotation.MarshalCollection(s.Story.Title, s.plain())
}

// ExportCSV is the shown revision's annotations as CSV for spreadsheets
// (interop.WriteCSV: kind, text, status, text before, speaker, verdict,
// tags, note).
func (s *Session) ExportCSV() ([]byte, error) {
	return s.ExportCSVWith(interop.CSVOptions{})
}

// ExportCSVWith is ExportCSV with optional columns; with o.Revisions it
// holds every revision's annotations, oldest revision first, each row
// with its revision's date.
func (s *Session) ExportCSVWith(o interop.CSVOptions) ([]byte, error) {
	var rows []interop.CSVRow
	if !o.Revisions {
		for _, p := range s.Annotations {
			rows = append(rows, interop.CSVRow{Story: s.Story.Title, RevisionDate: s.Revision().Date, Annotation: p.Annotation.Annotation})
		}
		return interop.WriteCSV(rows, o)
	}
	all := s.current()
	for _, rev := range s.Revisions {
		for _, a := range all {
			if a.Revision == rev.ID {
				rows = append(rows, interop.CSVRow{Story: s.Story.Title, RevisionDate: rev.Date, Annotation: a.Annotation})
			}
		}
	}
	return interop.WriteCSV(rows, o)
}

// Export writes the shown revision's annotations in another tool's format
// (see interop.Export): file names start with the story's title.
func (s *Session) Export(f interop.Format) ([]interop.OutFile, error) {
	rev := s.Revision()
	return interop.Export(f, interop.Story{Title: s.Story.Title, Date: rev.Date, Text: s.Text, Name: fileName(s.Story.Title)}, s.plain())
}

// fileName is a title made safe as a file name's base.
func fileName(title string) string {
	var out []rune
	for _, r := range title {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' || r < ' ':
			out = append(out, '-')
		default:
			out = append(out, r)
		}
		if len(out) >= 80 {
			break
		}
	}
	if len(out) == 0 {
		return "story"
	}
	return string(out)
}

func (s *Session) plain() []annotation.Annotation {
	out := make([]annotation.Annotation, len(s.Annotations))
	for i, p := range s.Annotations {
		out[i] = p.Annotation.Annotation
	}
	return out
}

// ExportAll is every annotation of every story, as one collection.
func (l *Library) ExportAll(ctx context.Context) ([]byte, error) {
	var all []annotation.Annotation
	err := l.eachAnnotation(ctx, func(_ store.Story, a store.Annotation) {
		all = append(all, a.Annotation)
	})
	if err != nil {
		return nil, err
	}
	return annotation.MarshalCollection("Redline library", all)
}

// ExportAllCSV is every annotation of every story as CSV, with the story
// and revision date of each.
func (l *Library) ExportAllCSV(ctx context.Context) ([]byte, error) {
	var rows []interop.CSVRow
	err := l.eachAnnotation(ctx, func(s store.Story, a store.Annotation) {
		rows = append(rows, interop.CSVRow{Story: s.Title, RevisionDate: a.Target.SourceDate, Annotation: a.Annotation})
	})
	if err != nil {
		return nil, err
	}
	return interop.WriteCSV(rows, interop.CSVOptions{Story: true, Revisions: true})
}

func (l *Library) eachAnnotation(ctx context.Context, fn func(store.Story, store.Annotation)) error {
	stories, err := l.Store.Stories(ctx)
	if err != nil {
		return err
	}
	for _, s := range stories {
		anns, err := l.Store.Annotations(ctx, s.ID)
		if err != nil {
			return err
		}
		for _, a := range anns {
			fn(s, a)
		}
	}
	return nil
}
