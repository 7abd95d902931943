package corecall

import (
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/interop"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// Core is what the library asks of the engines.
type Core interface {
	// Parse reads an article file (text, Markdown or HTML, by name and
	// content).
	Parse(name string, data []byte) (Parsed, error)
	// Compare diffs two texts and carries the old one's annotations onto
	// the new one.
	Compare(oldText, newText string, anns []annotation.Annotation) (*revision.Diff, []Carried, error)
	// Suggest finds the quotes and claims worth tagging in a text.
	Suggest(text string) ([]Finding, error)
	// ReadAnnotations reads an annotation file in any format interop.Read
	// knows; a rejected file's error is an *interop.Error.
	ReadAnnotations(data []byte, source string) (*interop.File, error)
	// PlaceAnnotations anchors items read from a file onto a text
	// (interop.Place).
	PlaceAnnotations(text string, items []interop.Item) (placed []interop.Placement, unplaced []string, err error)
	// MarshalCollection writes annotations as a W3C AnnotationCollection
	// (annotation.MarshalCollection).
	MarshalCollection(label string, anns []annotation.Annotation) ([]byte, error)
	// WriteCSV writes rows for spreadsheets (interop.WriteCSV).
	WriteCSV(rows []interop.CSVRow, o interop.CSVOptions) ([]byte, error)
	// Export writes a story's annotations in another tool's format
	// (interop.Export).
	Export(f interop.Format, st ExportStory, anns []annotation.Annotation) ([]interop.OutFile, error)
	// MergeNote applies the edit that took a note from base to ours onto
	// theirs, the note stored meanwhile (notemerge.Merge); ok is false
	// when the two edits do not merge cleanly.
	MergeNote(base, ours, theirs string) (merged string, ok bool, err error)
}

// ExportStory is interop.Story as plain data: the text as a string.
type ExportStory struct {
	Title string `json:"title"`
	URL   string `json:"url,omitempty"`
	Date  string `json:"date,omitempty"`
	Text  string `json:"text"`
	Name  string `json:"name"`
}

// MaxArticleBytes is the largest article file Parse accepts
// (article.MaxBytes, which a test in package core checks): the page refuses
// bigger files before sending them.
const MaxArticleBytes = 5 << 20

// StorageTester is a Core that can also run the browser storage's
// conformance suite (app/idb.SelfTest): the worker's, which carries that
// suite so the page's wasm does not.
type StorageTester interface {
	TestStorage() []string // the failures
}

// Parsed is what the library keeps of a parsed article.
type Parsed struct {
	Title  string `json:"title,omitempty"`
	Byline string `json:"byline,omitempty"`
	Date   string `json:"date,omitempty"` // YYYY-MM-DD when known
	Text   string `json:"text"`
}

// CarriedPlace is where migration put one annotation and what it found
// there (the fields of migrate.Result but the annotation).
type CarriedPlace struct {
	ID     string            `json:"id"`
	Status annotation.Status `json:"status"`
	Before string            `json:"before,omitempty"`
	After  string            `json:"after,omitempty"`
	Old    span.Span         `json:"old"`
	New    span.Span         `json:"new"`
	Moved  bool              `json:"moved,omitempty"`
}

// Carried is one annotation carried from an old text to a new one.
type Carried struct {
	CarriedPlace
	// Annotation is the migrated annotation (see migrate.Result).
	Annotation annotation.Annotation `json:"annotation"`
}

// Finding is one suggested quote or claim (the fields of
// suggest.Suggestion the library offers).
type Finding struct {
	Kind    annotation.Kind `json:"kind"` // quote or claim
	Span    span.Span       `json:"span"`
	Speaker string          `json:"speaker,omitempty"`
	Score   float64         `json:"score"`
	Reason  string          `json:"reason,omitempty"`
}
