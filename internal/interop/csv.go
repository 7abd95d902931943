package interop

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/redline-news/redline/internal/annotation"
)

// CSVRow is one annotation in a CSV export, with the story it is in.
type CSVRow struct {
	Story        string // the story's title
	Revision     int    // the number of the revision the annotation is on (1 for the first)
	RevisionDate string // the date of the revision the annotation is on
	Annotation   annotation.Annotation
}

// CSVOptions chooses the optional columns.
type CSVOptions struct {
	Story     bool // a story column (a library-wide export)
	Revisions bool // revision number and date columns (rows from every revision)
	Offsets   bool // start and end, in code points
}

// WriteCSV writes rows for spreadsheets: a UTF-8 byte order mark (without
// it Excel reads the file as the local code page and mangles accents),
// then RFC 4180 CSV with the columns kind, text, status, text before,
// speaker, verdict, tags, note, and the optional ones chosen. Cells that a
// spreadsheet would run as a formula (starting with = + - @ or a control
// character) get a leading apostrophe: an article's text must never
// become a formula.
func WriteCSV(rows []CSVRow, o CSVOptions) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	header := []string{"kind", "text", "status", "text before", "speaker", "verdict", "tags", "note"}
	if o.Revisions {
		// The number first: undated revisions added on one day share a
		// date, and rows of #1 and #2 read alike by it (tester 4).
		header = append([]string{"revision", "revision date"}, header...)
	}
	if o.Story {
		header = append([]string{"story"}, header...)
	}
	if o.Offsets {
		header = append(header, "start", "end")
	}
	w.Write(header)
	for _, r := range rows {
		a := r.Annotation
		record := []string{string(a.Kind), exactOf(a), string(a.Status), a.Before, a.Speaker,
			string(a.Verdict), strings.Join(a.Tags, "; "), a.Note}
		if o.Revisions {
			record = append([]string{strconv.Itoa(r.Revision), r.RevisionDate}, record...)
		}
		if o.Story {
			record = append([]string{r.Story}, record...)
		}
		if o.Offsets {
			start, end := "", ""
			if p := a.Target.Selector.Position; p != nil {
				start, end = strconv.Itoa(p.Start), strconv.Itoa(p.End)
			}
			record = append(record, start, end)
		}
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
