package library

import (
	"context"
	"strings"
	"unicode"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/interop"
	"github.com/redline-news/redline/internal/store"
)

// ExportJSON is the shown revision's annotations as a W3C Web Annotation
// AnnotationCollection.
func (s *Session) ExportJSON() ([]byte, error) {
	return s.lib.Core.MarshalCollection(s.Story.Title, s.plain())
}

// ExportCSV is the latest revision's annotations as CSV for spreadsheets
// (interop.WriteCSV: kind, text, status, text before, speaker, verdict,
// tags, note).
func (s *Session) ExportCSV() ([]byte, error) {
	return s.ExportCSVWith(interop.CSVOptions{})
}

// ExportCSVWith is ExportCSV with optional columns; with o.Revisions it
// holds every revision's annotations, oldest revision first, each row
// with its revision's date.
func (s *Session) ExportCSVWith(o interop.CSVOptions) ([]byte, error) {
	from := 0
	if !o.Revisions {
		from = len(s.Revisions) - 1
	}
	return s.lib.Core.WriteCSV(csvRows(s.Story.Title, s.Revisions, from, s.current()), o)
}

// csvRows lists the annotations of revs[from:], oldest revision first.
// An annotation that names no revision belongs to the first.
func csvRows(title string, revs []annotation.Revision, from int, anns []store.Annotation) []interop.CSVRow {
	var rows []interop.CSVRow
	for i := max(from, 0); i < len(revs); i++ {
		for _, a := range anns {
			if a.Revision == revs[i].ID || (a.Revision == "" && i == 0) {
				rows = append(rows, interop.CSVRow{Story: title, Revision: i + 1, RevisionDate: revs[i].Date, Annotation: a.Annotation})
			}
		}
	}
	return rows
}

// Export writes the shown revision's annotations in another tool's format
// (see interop.Export): file names start with the story's title.
func (s *Session) Export(f interop.Format) ([]interop.OutFile, error) {
	rev := s.Revision()
	return s.lib.Core.Export(f, corecall.ExportStory{Title: s.Story.Title, Date: rev.Date, Text: rev.Text, Name: FileName(s.Story.Title)}, s.plain())
}

// FileName turns a story title into a safe base for a download's name:
// its letters and digits in any script, lower case, the rest one hyphen
// ("Māori" stays "māori"; a browser saves any Unicode name).
func FileName(title string) string {
	var b []rune
	for _, r := range strings.ToLower(title) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Mc, r):
			b = append(b, r)
		case len(b) > 0 && b[len(b)-1] != '-':
			b = append(b, '-')
		}
		if len(b) >= 60 {
			break
		}
	}
	if name := strings.Trim(string(b), "-"); name != "" {
		return name
	}
	return "story"
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
	return l.Core.MarshalCollection("Redline library", all)
}

// ExportAllCSV is the annotations of every story's latest revision as
// CSV, with the story and revision date of each.
func (l *Library) ExportAllCSV(ctx context.Context) ([]byte, error) {
	stories, err := l.Store.Stories(ctx)
	if err != nil {
		return nil, err
	}
	var rows []interop.CSVRow
	for _, st := range stories {
		revs, err := l.Store.Revisions(ctx, st.ID)
		if err != nil {
			return nil, err
		}
		anns, err := l.Store.Annotations(ctx, st.ID)
		if err != nil {
			return nil, err
		}
		rows = append(rows, csvRows(st.Title, revs, len(revs)-1, anns)...)
	}
	return l.Core.WriteCSV(rows, interop.CSVOptions{Story: true, Revisions: true})
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
