// Package core is Redline's engines behind corecall.Core: article parsing,
// the word diff, migration and suggestions, called directly. The CLI, the
// server and native tests use it in process; the browser runs it in a Web
// Worker (cmd/redline-core), so the page's own wasm does not carry it.
package core

import (
	"fmt"
	"path"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/interop"
	"github.com/redline-news/redline/internal/migrate"
	"github.com/redline-news/redline/internal/notemerge"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/suggest"
)

// Core calls the engines directly. Its zero value is ready.
type Core struct{}

var _ corecall.Core = Core{}

// Parse implements corecall.Core; errors name the file.
func (Core) Parse(name string, data []byte) (corecall.Parsed, error) {
	a, err := article.Parse(data, article.DetectFormat(name, data))
	if err != nil {
		return corecall.Parsed{}, fmt.Errorf("%s: %w", displayName(name), err)
	}
	return corecall.Parsed{Title: a.Title, Byline: a.Byline, Date: a.Date, Text: a.Text}, nil
}

func displayName(name string) string {
	if name == "" {
		return "pasted text"
	}
	return path.Base(name)
}

// Compare implements corecall.Core: one diff, which migration reuses.
func (Core) Compare(oldText, newText string, anns []annotation.Annotation) (*revision.Diff, []corecall.Carried, error) {
	d := revision.Compute(oldText, newText)
	results := migrate.Migrate(oldText, newText, d, anns)
	out := make([]corecall.Carried, len(results))
	for i, r := range results {
		out[i] = corecall.Carried{
			CarriedPlace: corecall.CarriedPlace{ID: r.ID, Status: r.Status, Before: r.Before, After: r.After, Old: r.Old, New: r.New, Moved: r.Moved},
			Annotation:   r.Annotation,
		}
	}
	return d, out, nil
}

// ReadAnnotations implements corecall.Core.
func (Core) ReadAnnotations(data []byte, source string) (*interop.File, error) {
	return interop.Read(data, source)
}

// PlaceAnnotations implements corecall.Core.
func (Core) PlaceAnnotations(text string, items []interop.Item) ([]interop.Placement, []string, error) {
	placed, unplaced := interop.Place(anchor.NewText(text), items)
	return placed, unplaced, nil
}

// MarshalCollection implements corecall.Core.
func (Core) MarshalCollection(label string, anns []annotation.Annotation) ([]byte, error) {
	return annotation.MarshalCollection(label, anns)
}

// WriteCSV implements corecall.Core.
func (Core) WriteCSV(rows []interop.CSVRow, o interop.CSVOptions) ([]byte, error) {
	return interop.WriteCSV(rows, o)
}

// Export implements corecall.Core.
func (Core) Export(f interop.Format, st corecall.ExportStory, anns []annotation.Annotation) ([]interop.OutFile, error) {
	return interop.Export(f, interop.Story{Title: st.Title, URL: st.URL, Date: st.Date, Text: anchor.NewText(st.Text), Name: st.Name}, anns)
}

// Suggest implements corecall.Core.
func (Core) Suggest(text string) ([]corecall.Finding, error) {
	found := suggest.Suggest(text)
	out := make([]corecall.Finding, len(found))
	for i, f := range found {
		kind := annotation.KindQuote
		if f.Kind == suggest.Claim {
			kind = annotation.KindClaim
		}
		out[i] = corecall.Finding{Kind: kind, Span: f.Span, Speaker: f.Speaker, Score: f.Score, Reason: f.Reason}
	}
	return out, nil
}

// MergeNote implements corecall.Core.
func (Core) MergeNote(base, ours, theirs string) (string, bool, error) {
	merged, ok := notemerge.Merge(base, ours, theirs)
	return merged, ok, nil
}
