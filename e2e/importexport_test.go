//go:build e2e

package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/redline-news/redline/internal/annotation"
)

// TestExportStoryAndLibrary exports one story as W3C JSON-LD and CSV, then
// the whole library, and checks what the files hold.
func TestExportStoryAndLibrary(t *testing.T) {
	_, p := openApp(t)
	next := p.downloads()
	p.openSample()
	quote := p.tag("super smart", "q")
	p.setField("#edit-speaker", "Steve Witkoff")
	p.waitStored(quote, "speaker", "Steve Witkoff")
	claim := p.tag("prayed for the US president", "c")
	p.setField("#edit-verdict", "false")
	p.waitStored(claim, "verdict", "false")
	note := p.tag("Butler, Pennsylvania", "n")
	p.setField("#edit-tags", "place, rally")
	p.waitStored(note, "tags", "[place rally]")
	p.setField("#edit-note", "=HYPERLINK(\"x\")")
	p.waitStored(note, "note", "=HYPERLINK(\"x\")")

	p.click("#export-json")
	anns := decodeExport(t, next())
	byID := map[string]annotation.Annotation{}
	for _, a := range anns {
		byID[a.ID] = a
	}
	if len(anns) != 3 || byID[quote].Speaker != "Steve Witkoff" || byID[claim].Verdict != "false" ||
		!slices.Equal(byID[note].Tags, []string{"place", "rally"}) || byID[note].Note != "=HYPERLINK(\"x\")" {
		t.Errorf("the JSON export holds %+v", anns)
	}
	if q := byID[quote].Target.Selector; q.Quote == nil || q.Quote.Exact != "super smart" || q.Position == nil {
		t.Errorf("the quote's selectors are %+v", q)
	}

	p.click("#export-csv")
	rows := readCSV(t, next())
	if len(rows) != 4 || rows[0][0] != "\uFEFFkind" || rows[0][1] != "text" {
		t.Fatalf("the CSV export has %d rows: %q", len(rows), rows)
	}
	for _, r := range rows[1:] {
		if r[0] == "note" && r[7] != "'=HYPERLINK(\"x\")" {
			t.Errorf("a note starting with = is exported as %q: a spreadsheet would run it", r[7])
		}
		if r[0] == "quote" && (r[1] != "super smart" || r[4] != "Steve Witkoff") {
			t.Errorf("the quote's CSV row is %q", r)
		}
	}

	p.click("a.home")
	p.waitMounted()
	p.setField("#paste", "The minister said exports rose.\n\nAnalysts disagreed.")
	p.run(chromedp.WaitEnabled("#add-paste", chromedp.ByQuery)) // the app has taken the text
	p.click("#add-paste")
	p.waitCount("li.story", 2)
	p.openStory("The minister said")
	other := p.tag("exports rose", "c")
	p.click("a.home")
	p.waitMounted()
	p.waitCount("li.story", 2)

	p.click("#export-library-json")
	all := decodeExport(t, next())
	var ids []string
	for _, a := range all {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	want := []string{quote, claim, note, other}
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Errorf("the library export holds %q, want %q", ids, want)
	}
	p.click("#export-library-csv")
	rows = readCSV(t, next())
	stories := map[string]int{}
	for _, r := range rows[1:] {
		stories[r[0]]++
	}
	if len(rows) != 5 || stories["Russian President Vladimir Putin prayed for Donald Trump…"] != 3 || stories["The minister said exports rose."] != 1 {
		t.Errorf("the library CSV has rows per story %v (%d rows)", stories, len(rows))
	}
}

// TestImportAnchorsOwnAndOtherToolsAnnotations imports one story's export
// into a second copy of the article, through the file picker, then a
// Hypothesis-style annotation that has only a quote.
func TestImportAnchorsOwnAndOtherToolsAnnotations(t *testing.T) {
	_, p := openApp(t)
	next := p.downloads()
	p.openSample()
	quote := p.tag("super smart", "q")
	p.setField("#edit-speaker", "Steve Witkoff")
	p.waitStored(quote, "speaker", "Steve Witkoff")
	p.tag("prayed for the US president", "c")
	p.click("#export-json")
	exported := next()

	p.click("a.home")
	p.waitMounted()
	p.click("#add-sample") // a second copy of the same article
	p.waitCount("li.story", 2)
	p.run(chromedp.Click(`//li[contains(@class,"story")][.//span[@class="quotes"][.="0 quotes"]]//a`, chromedp.BySearch),
		chromedp.WaitVisible(`#article p`, chromedp.ByQuery))
	p.waitCount("#annotations li", 0)
	p.click("#import")
	p.waitCount("#import-dialog", 1)
	p.addImportFile(writeFile(t, "redline.jsonld", string(exported)))
	p.waitJS("the import to finish", `!document.querySelector("#import-dialog") || document.querySelector("#import-errors")`)
	if p.count("#import-errors") > 0 {
		t.Fatalf("our own export was refused: %s", p.text("#import-errors"))
	}
	// Annotation ids are unique in the library: the copies get their own.
	p.waitCount("#annotations li", 2)
	if got := p.text(`#article mark[data-kind="quote"]`); got != "super smart" {
		t.Errorf("the imported quote highlights %q", got)
	}
	if got := p.text(`#article mark[data-kind="claim"]`); got != "prayed for the US president" {
		t.Errorf("the imported claim highlights %q", got)
	}
	if got := p.text(`#annotations li[data-kind="quote"] .who`); got != "— Steve Witkoff" {
		t.Errorf("the imported quote's speaker shows as %q", got)
	}
	if p.count(mark(quote)) != 0 {
		t.Error("the copy took the original's id")
	}

	p.click("#import")
	p.waitCount("#import-dialog", 1)
	p.setField("#import-paste", hypothesisAnnotation)
	p.waitCount("#import-go:enabled", 1)
	p.click("#import-go")
	p.waitJS("the import to finish", `!document.querySelector("#import-dialog") || document.querySelector("#import-errors")`)
	if p.count("#import-errors") > 0 {
		t.Fatalf("the Hypothesis annotation was refused: %s", p.text("#import-errors"))
	}
	p.waitCount("#annotations li", 3)
	p.waitJS("the Hypothesis annotation's highlight", `[...document.querySelectorAll("#article mark")].some(m => m.dataset.id === "https://hypothes.is/a/Xy12abCD")`)
	if got := p.markText("https://hypothes.is/a/Xy12abCD"); got != "commissioned a portrait of Trump" {
		t.Errorf("the quote-only annotation highlights %q", got)
	}
	p.reloadStory()
	p.waitCount("#annotations li", 3)
}

// TestImportRejectsInvalidFileWhole: a file with one good annotation and
// one that is not in the text, and a file that is not valid W3C JSON, are
// refused with their reasons listed, and nothing changes, even after a
// reload.
func TestImportRejectsInvalidFileWhole(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	p.tag("super smart", "q")
	marks, stored := p.count("#article mark"), len(p.storedAnnotations())

	p.click("#import")
	p.waitCount("#import-dialog", 1)
	p.addImportFile(writeFile(t, "mixed.json", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:9f0c8f9e-7a6b-4c1e-9a51-0000000000c0", "type": "AnnotationCollection",
		"first": {"id": "urn:uuid:9f0c8f9e-7a6b-4c1e-9a51-0000000000c1", "type": "AnnotationPage", "items": [
		{"id": "urn:uuid:9f0c8f9e-7a6b-4c1e-9a51-000000000001", "type": "Annotation", "target": {"source": "urn:x", "selector": {"type": "TextQuoteSelector", "exact": "a bad guy"}}},
		{"id": "urn:uuid:9f0c8f9e-7a6b-4c1e-9a51-000000000002", "type": "Annotation", "target": {"source": "urn:x", "selector": {"type": "TextQuoteSelector", "exact": "the moon landing was staged"}}}
	]}}`))
	p.waitCount("#import-errors li", 1)
	if got := p.text("#import-errors"); !strings.Contains(got, "the moon landing was staged") || !strings.Contains(got, "not in this story") {
		t.Errorf("the import errors say %q", got)
	}

	p.setField("#import-paste", `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Note", "target": 42}`)
	p.waitCount("#import-go:enabled", 1)
	p.click("#import-go")
	p.waitJS("the reasons for the invalid JSON", `/found "Note"/.test(document.querySelector("#import-errors")?.textContent)`)
	if got := p.text("#import-errors"); !strings.Contains(got, "needs exactly one IRI as its id") || !strings.Contains(got, "found 42") {
		t.Errorf("the reasons listed are %q, want every problem", got)
	}

	p.press("\x1b")
	p.waitCount("#import-dialog", 0)
	if n := p.count("#article mark"); n != marks {
		t.Errorf("%d highlights after rejected imports, want %d", n, marks)
	}
	p.reloadStory()
	p.waitCount("#annotations li", 1)
	if n, s := p.count("#article mark"), len(p.storedAnnotations()); n != marks || s != stored {
		t.Errorf("after a reload: %d highlights and %d stored annotations, want %d and %d", n, s, marks, stored)
	}
}

// hypothesisAnnotation is shaped like Hypothesis's JSON-LD export: a
// quote with context, no position, a comment with no purpose, a tag.
const hypothesisAnnotation = `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://hypothes.is/a/Xy12abCD", "type": "Annotation",
	"created": "2025-03-24T10:00:00.000Z", "creator": "acct:reader@hypothes.is",
	"body": [{"type": "TextualBody", "value": "Who saw the portrait?", "format": "text/markdown"}, {"type": "TextualBody", "purpose": "tagging", "value": "portrait"}],
	"target": [{"source": "https://example.com/putin-prayed", "selector": [{"type": "TextQuoteSelector", "exact": "commissioned a portrait of Trump", "prefix": "the Russian president also ", "suffix": " by a Russian artist"}]}]}`

// addImportFile chooses a file in the import dialog.
func (p *page) addImportFile(path string) {
	p.t.Helper()
	p.setUploadFiles("#import-file", path)
}

func decodeExport(t *testing.T, data []byte) []annotation.Annotation {
	t.Helper()
	if problems := annotation.Validate(data); len(problems) > 0 {
		t.Fatalf("the export fails W3C validation: %v", problems)
	}
	anns, err := annotation.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return anns
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV export does not parse: %v", err)
	}
	return rows
}

// TestImportDoccanoExportForOtherTools imports another tool's format
// (doccano JSONL, offsets in UTF-16 code units after an emoji) through the
// import dialog, then exports the story for Label Studio from the Export
// for… picker and checks its offsets land on the words.
func TestImportDoccanoExportForOtherTools(t *testing.T) {
	_, p := openApp(t)
	next := p.downloads()
	p.openSample()
	p.click("#import")
	p.waitCount("#import-dialog", 1)
	p.setField("#import-paste", `{"text": "😀 Witkoff said Putin was super smart.", "label": [[26, 37, "claim"]]}`)
	p.waitCount("#import-go:enabled", 1)
	p.click("#import-go")
	p.waitJS("the import to finish", `!document.querySelector("#import-dialog") || document.querySelector("#import-errors")`)
	if p.count("#import-errors") > 0 {
		t.Fatalf("the doccano file was refused: %s", p.text("#import-errors"))
	}
	p.waitCount("#annotations li", 1)
	if got := p.text(`#article mark[data-kind="claim"]`); got != "super smart" {
		t.Errorf("the imported claim highlights %q", got)
	}

	p.setField("#export-format", "labelstudio")
	var tasks []struct {
		Data        struct{ Text string }
		Annotations []struct {
			Result []struct {
				Type  string
				Value struct {
					Start, End int
					Labels     []string
				}
			}
		}
	}
	if err := json.Unmarshal(next(), &tasks); err != nil || len(tasks) != 1 || len(tasks[0].Annotations) != 1 {
		t.Fatalf("the Label Studio export is %+v (%v)", tasks, err)
	}
	r := tasks[0].Annotations[0].Result[0]
	if got := string([]rune(tasks[0].Data.Text)[r.Value.Start:r.Value.End]); got != "super smart" || r.Value.Labels[0] != "claim" {
		t.Errorf("the Label Studio region is on %q labelled %q", got, r.Value.Labels)
	}

	p.setField("#export-format", "csv-revisions")
	rows := readCSV(t, next())
	if len(rows) != 2 || rows[0][0] != "\uFEFFrevision" || rows[0][1] != "revision date" || rows[1][0] != "1" || rows[1][1] != "2025-03-23" || rows[1][3] != "super smart" {
		t.Errorf("the every-revision CSV is %q", rows)
	}
}
