package library

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// ExportJSON is the shown revision's annotations as a W3C Web Annotation
// AnnotationCollection.
func (s *Session) ExportJSON() ([]byte, error) {
	return annotation.MarshalCollection(s.Story.Title, s.plain())
}

// ExportCSV is the same annotations as CSV for spreadsheets.
func (s *Session) ExportCSV() ([]byte, error) {
	rows := make([]csvRow, 0, len(s.Annotations))
	for _, p := range s.Annotations {
		rows = append(rows, csvRow{story: s.Story.Title, a: p.Annotation.Annotation})
	}
	return writeCSV(rows)
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

// ExportAllCSV is every annotation of every story as CSV.
func (l *Library) ExportAllCSV(ctx context.Context) ([]byte, error) {
	var rows []csvRow
	err := l.eachAnnotation(ctx, func(s store.Story, a store.Annotation) {
		rows = append(rows, csvRow{story: s.Title, a: a.Annotation})
	})
	if err != nil {
		return nil, err
	}
	return writeCSV(rows)
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

type csvRow struct {
	story string
	a     annotation.Annotation
}

var csvHeader = []string{"id", "story", "revision_date", "kind", "text", "speaker", "verdict", "tags", "note", "start", "end", "status", "created", "modified"}

// writeCSV writes RFC 4180 CSV. Cells that a spreadsheet would run as a
// formula (starting with = + - @ or a control character) get a leading
// apostrophe: an article's text must never become a formula.
func writeCSV(rows []csvRow) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(csvHeader)
	for _, r := range rows {
		a := r.a
		exact, start, end := "", "", ""
		if q := a.Target.Selector.Quote; q != nil {
			exact = q.Exact
		}
		if p := a.Target.Selector.Position; p != nil {
			start, end = strconv.Itoa(p.Start), strconv.Itoa(p.End)
		}
		record := []string{a.ID, r.story, a.Target.SourceDate, string(a.Kind), exact, a.Speaker,
			string(a.Verdict), strings.Join(a.Tags, "; "), a.Note, start, end, string(a.Status),
			a.Created.Format(time.RFC3339), a.Modified.Format(time.RFC3339)}
		for i := range record {
			record[i] = defuseFormula(record[i])
		}
		w.Write(record)
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func defuseFormula(cell string) string {
	if cell == "" {
		return cell
	}
	switch c := cell[0]; {
	case c == '=' || c == '+' || c == '-' || c == '@' || c < 0x20:
		return "'" + cell
	}
	return cell
}
