package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/redline-news/redline/internal/interop"
)

// csvAllRevisions is the picker's choice for a CSV of every revision's
// annotations, each row with its revision's date (Export CSV has the
// shown revision's only).
const csvAllRevisions interop.Format = "csv-revisions"

// otherFormats are the exports for other tools, offered beside Export
// (W3C) and Export CSV under the story's tools, as label and format.
var otherFormats = []struct {
	label  string
	format interop.Format
	mime   string
}{
	{"CSV, every revision", csvAllRevisions, "text/csv"},
	{"ClaimReview (schema.org)", interop.ClaimReview, "application/ld+json"},
	{"doccano JSONL", interop.Doccano, "application/jsonl"},
	{"Label Studio tasks", interop.LabelStudio, "application/json"},
	{"brat standoff (.ann + .txt)", interop.Brat, "text/plain"},
}

// renderExportFormats is a picker that downloads the story's annotations
// in the chosen tool's format, then returns to its prompt.
func (a *storyActions) renderExportFormats() app.UI {
	options := []app.UI{app.Option().Value("").Text("Export for…").Selected(true)}
	for _, f := range otherFormats {
		options = append(options, app.Option().Value(string(f.format)).Text(f.label))
	}
	return app.Select().ID("export-format").Aria("label", "Export for another tool").Body(options...).OnChange(a.exportAs)
}

func (a *storyActions) exportAs(ctx app.Context, e app.Event) {
	m := a.Model
	input := ctx.JSSrc()
	chosen := interop.Format(input.Get("value").String())
	input.Set("value", "")
	if m.sess == nil || chosen == "" {
		return
	}
	var files []interop.OutFile
	var err error
	if chosen == csvAllRevisions {
		var data []byte
		data, err = m.sess.ExportCSVWith(interop.CSVOptions{Revisions: true})
		files = []interop.OutFile{{Name: fileName(m.sess.Story.Title) + "-revisions.csv", Data: data}}
	} else {
		files, err = m.sess.Export(chosen)
	}
	if err != nil {
		m.say(failure(err))
		return
	}
	if chosen == interop.ClaimReview && len(files) == 1 && strings.TrimSpace(string(files[0].Data)) == "[]" {
		// An empty file downloaded without a word read as a failed
		// export (tester 4).
		m.say(complaint("No claim has a verdict other than “unverified” yet, and ClaimReview lists only checked claims: nothing was exported."))
		return
	}
	mime := "application/octet-stream"
	for _, f := range otherFormats {
		if f.format == chosen {
			mime = f.mime
		}
	}
	for _, f := range files {
		download(f.Name, mime, f.Data)
	}
}
