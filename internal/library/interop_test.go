package library

import (
	"slices"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/interop"
)

// TestImportOtherToolsFormats: the one Import entry point reads doccano,
// Label Studio, brat and Hypothesis files and places them by their words.
func TestImportOtherToolsFormats(t *testing.T) {
	tests := []struct {
		name, file string
		format     interop.Format
		kind       annotation.Kind
	}{
		{"doccano", `{"text": "😀 Witkoff said Putin was super smart.", "label": [[26, 37, "quote"]]}`, interop.Doccano, annotation.KindQuote},
		{"Label Studio", `[{"data": {"text": "super smart"}, "annotations": [{"result": [{"id": "a", "type": "labels", "value": {"start": 0, "end": 11, "text": "super smart", "labels": ["claim"]}}]}]}]`, interop.LabelStudio, annotation.KindClaim},
		{"brat", "T1\tquote 0 11\tsuper smart\n#1\tSpeaker T1\tSteve Witkoff\n", interop.Brat, annotation.KindQuote},
		{"Hypothesis", `{"rows": [{"id": "h1", "text": "hm", "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "super smart"}]}]}]}`, interop.Hypothesis, annotation.KindNote},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLibrary(t)
			s := openSample(t, l)
			res, err := s.Import(ctx, []byte(tt.file))
			if err != nil || res.Added != 1 || res.Format != tt.format {
				t.Fatalf("Import = %+v, %v", res, err)
			}
			if a := s.Annotations[0]; s.Slice(a.Span) != "super smart" || a.Kind != tt.kind || a.Target.Source != annotation.StorySource(s.Story.ID) {
				t.Errorf("imported %+v on %q", a.Annotation, s.Slice(a.Span))
			}
			if stored, _ := l.Store.Annotations(ctx, s.Story.ID); len(stored) != 1 {
				t.Errorf("stored %d", len(stored))
			}
		})
	}
}

// TestExportFormatsImportIntoFreshStory: each export of a story imports
// into a fresh copy of it with the same annotations.
func TestExportFormatsImportIntoFreshStory(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	q, err := s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote)
	if err != nil {
		t.Fatal(err)
	}
	speaker := "Steve Witkoff"
	if _, err := s.Update(ctx, q.ID, Edit{Speaker: &speaker}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []interop.Format{interop.W3C, interop.Doccano, interop.LabelStudio, interop.Brat} {
		t.Run(string(f), func(t *testing.T) {
			files, err := s.Export(f)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(files[0].Name, "russian-president-vladimir-putin-prayed") {
				t.Errorf("file name %q", files[0].Name)
			}
			fresh := openSample(t, newLibrary(t))
			if _, err := fresh.Import(ctx, files[0].Data); err != nil {
				t.Fatal(err)
			}
			got := fresh.Annotations
			if len(got) != 1 || fresh.Slice(got[0].Span) != "super smart" || got[0].Speaker != "Steve Witkoff" || got[0].Kind != annotation.KindQuote {
				t.Errorf("came back as %+v", got)
			}
		})
	}
}

func TestCSVAllRevisions(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	if _, err := s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote); err != nil {
		t.Fatal(err)
	}
	data, err := s.ExportCSVWith(interop.CSVOptions{Revisions: true, Offsets: true})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "\uFEFFrevision,revision date,kind,") || !strings.HasSuffix(lines[0], ",start,end") ||
		!strings.HasPrefix(lines[1], "1,"+s.Revision().Date+",quote,super smart,") {
		t.Errorf("CSV:\n%s", data)
	}
	if !slices.Contains(interop.ExportFormats, interop.Brat) {
		t.Error("brat is not offered")
	}

	// After a later revision: by default the latest revision's rows only,
	// with the option every revision's, each with its date.
	if _, err := s.AddRevision(ctx, "v2.txt", laterVersion("super smart", "very smart")); err != nil {
		t.Fatal(err)
	}
	latest, _ := s.ExportCSV()
	if lines := strings.Split(strings.TrimSpace(string(latest)), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "quote,very smart,changed,super smart,") {
		t.Errorf("the latest revision's CSV:\n%s", latest)
	}
	every, _ := s.ExportCSVWith(interop.CSVOptions{Revisions: true})
	lines = strings.Split(strings.TrimSpace(string(every)), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "1,2025-03-23,quote,super smart,,") || !strings.HasPrefix(lines[2], "2,2025-03-24,quote,very smart,changed,super smart,") {
		t.Errorf("every revision's CSV:\n%s", every)
	}
	all, _ := l.ExportAllCSV(ctx)
	if n := strings.Count(string(all), "\n"); n != 2 || !strings.Contains(string(all), ",2,2025-03-24,quote,very smart,changed,") {
		t.Errorf("the library CSV holds the latest revision's rows only:\n%s", all)
	}
}

// TestApproximateImportKeepsToTheQuotesWords is tester 4's bug 17: a
// Hypothesis quote " components, connectors, and data " on a text that
// writes "elements--components, connectors, and data--constrained" was
// placed from the second hyphen on ("-components, …").
func TestApproximateImportKeepsToTheQuotesWords(t *testing.T) {
	l := newLibrary(t)
	st, err := l.AddStory(ctx, "arch.txt", []byte("Architecture notes\n\nA software architecture is defined by a configuration of architectural elements--components, connectors, and data--constrained in their relationships in order to achieve a desired set of architectural properties."))
	if err != nil {
		t.Fatal(err)
	}
	s, err := l.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	file := `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://hypothes.is/a/x1", "type": "Annotation", "body": [{"type": "TextualBody", "value": "REST", "purpose": "commenting"}],
		"target": {"source": "https://example.com", "selector": [{"type": "TextQuoteSelector", "exact": " components, connectors, and data ", "prefix": "architectural elements--", "suffix": "--constrained in their"}]}}`
	if _, err := s.Import(ctx, []byte(file)); err != nil {
		t.Fatal(err)
	}
	if len(s.Annotations) != 1 {
		t.Fatalf("%d annotations", len(s.Annotations))
	}
	if got := s.Annotations[0].Exact(); got != "components, connectors, and data" {
		t.Errorf("placed on %q", got)
	}
}
