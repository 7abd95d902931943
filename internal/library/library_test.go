package library

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/core"
	"github.com/redline-news/redline/internal/span"
	"github.com/redline-news/redline/internal/store"
)

var ctx = context.Background()

func newLibrary(t *testing.T) *Library {
	t.Helper()
	clock := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	return &Library{Store: store.NewMemory(), Core: core.Core{}, Now: func() time.Time { clock = clock.Add(time.Second); return clock }}
}

// openSample adds the sample article and opens it.
func openSample(t *testing.T, l *Library) *Session {
	t.Helper()
	st, err := l.AddStory(ctx, SampleName, SampleArticle())
	if err != nil {
		t.Fatal(err)
	}
	s, err := l.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// find returns the span of the first occurrence of sub in the shown text.
func find(t *testing.T, s *Session, sub string) span.Span {
	t.Helper()
	i := strings.Index(s.Revision().Text, sub)
	if i < 0 {
		t.Fatalf("%q not in the text", sub)
	}
	start := len([]rune(s.Revision().Text[:i]))
	return span.Span{Start: start, End: start + len([]rune(sub))}
}

func TestAddStoryTakesDateAndTitle(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	if got := s.Revision().Date; got != "2025-03-23" {
		t.Errorf("date = %q", got)
	}
	if s.Story.Title == "" || strings.Contains(s.Story.Title, ".txt") {
		t.Errorf("title = %q", s.Story.Title)
	}
	if !strings.HasPrefix(s.Revision().Text, "Russian President Vladimir Putin prayed") {
		t.Errorf("text starts %q", s.Revision().Text[:40])
	}
	if len(s.Paragraphs) < 10 {
		t.Errorf("only %d paragraphs", len(s.Paragraphs))
	}
}

func TestAddStoryRejectsBadInputAndStoresNothing(t *testing.T) {
	l := newLibrary(t)
	for name, data := range map[string][]byte{
		"binary.txt": {0x89, 'P', 'N', 'G', 0, 0, 0, 1, 2, 3},
		"empty.txt":  []byte("   \n\n  "),
		"huge.txt":   []byte(strings.Repeat("word ", 2<<20)),
	} {
		if _, err := l.AddStory(ctx, name, data); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
	if sums, _ := l.Summaries(ctx); len(sums) != 0 {
		t.Errorf("%d stories stored after rejected input", len(sums))
	}
}

func TestTagSnapsAndDescribes(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	sel := find(t, s, "super smart")
	sel.Start++ // a sloppy selection: "uper smar"
	sel.End--
	a, err := s.Tag(ctx, sel, annotation.KindQuote)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Slice(a.Span); got != "super smart" {
		t.Errorf("tagged %q, want the whole words", got)
	}
	q := a.Target.Selector.Quote
	if q == nil || q.Exact != "super smart" || !strings.HasSuffix(q.Prefix, "calling him “") {
		t.Errorf("quote selector = %+v", q)
	}
	if p := a.Target.Selector.Position; p == nil || p.Start != a.Span.Start || p.End != a.Span.End {
		t.Errorf("position selector = %+v, want %v", p, a.Span)
	}
	// A reopened session places it at the same words.
	again, err := l.Open(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Annotations) != 1 || again.Annotations[0].Span != a.Span {
		t.Errorf("reopened: %+v", again.Annotations)
	}
}

func TestTagRefusesEmptySelection(t *testing.T) {
	s := openSample(t, newLibrary(t))
	if _, err := s.Tag(ctx, span.Span{Start: 5, End: 5}, annotation.KindQuote); !errors.Is(err, ErrEmptySelection) {
		t.Errorf("err = %v, want ErrEmptySelection", err)
	}
	if _, err := s.Tag(ctx, find(t, s, "super smart"), "bogus"); err == nil {
		t.Error("unknown kind accepted")
	}
}

func TestEditDeleteUndo(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	a, _ := s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote)
	speaker := "Steve Witkoff"
	tags := []string{" ukraine ", "", "ukraine", "praise"}
	if _, err := s.Update(ctx, a.ID, Edit{Speaker: &speaker, Tags: &tags}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Find(a.ID)
	if got.Speaker != speaker || strings.Join(got.Tags, ",") != "ukraine,praise" {
		t.Errorf("after edit: speaker %q tags %q", got.Speaker, got.Tags)
	}
	if err := s.Delete(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if len(s.Annotations) != 0 {
		t.Fatal("still listed after delete")
	}
	for _, want := range []string{"delete", "edit", "tag"} {
		what, err := s.Undo(ctx)
		if err != nil || what != want {
			t.Fatalf("Undo = %q, %v; want %q", what, err, want)
		}
	}
	if len(s.Annotations) != 0 {
		t.Errorf("undoing the tag left %d annotations", len(s.Annotations))
	}
	stored, _ := l.Store.Annotations(ctx, s.Story.ID)
	if len(stored) != 0 {
		t.Errorf("store still has %d annotations", len(stored))
	}
	if _, err := s.Undo(ctx); err == nil {
		t.Error("undo with empty history succeeded")
	}
}

func TestUndoRestoresDeletedAnnotationWithItsFields(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	a, _ := s.Tag(ctx, find(t, s, "a bad guy"), annotation.KindClaim)
	verdict := annotation.VerdictFalse
	s.Update(ctx, a.ID, Edit{Verdict: &verdict})
	s.Delete(ctx, a.ID)
	s.Undo(ctx)
	reopened, _ := l.Open(ctx, s.Story.ID)
	if len(reopened.Annotations) != 1 || reopened.Annotations[0].Verdict != verdict {
		t.Fatalf("after undo: %+v", reopened.Annotations)
	}
}

func TestConcurrentEditIsRefusedNotLost(t *testing.T) {
	l := newLibrary(t)
	tab1 := openSample(t, l)
	a, _ := tab1.Tag(ctx, find(t, tab1, "super smart"), annotation.KindQuote)
	tab2, _ := l.Open(ctx, tab1.Story.ID)

	one, two := "Witkoff", "Steve Witkoff"
	if _, err := tab1.Update(ctx, a.ID, Edit{Speaker: &one}); err != nil {
		t.Fatal(err)
	}
	if _, err := tab2.Update(ctx, a.ID, Edit{Speaker: &two}); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale tab's edit: err = %v, want ErrConflict", err)
	}
	if err := tab2.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := tab2.Find(a.ID); got.Speaker != one {
		t.Errorf("after reload tab 2 sees %q, want tab 1's %q", got.Speaker, one)
	}
}

func TestFilter(t *testing.T) {
	s := openSample(t, newLibrary(t))
	q, _ := s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote)
	c, _ := s.Tag(ctx, find(t, s, "prayed for Donald Trump"), annotation.KindClaim)
	n, _ := s.Tag(ctx, find(t, s, "Butler, Pennsylvania"), annotation.KindNote)
	who, tags, note := "Steve Witkoff", []string{"praise"}, "check the podcast transcript"
	s.Update(ctx, q.ID, Edit{Speaker: &who, Tags: &tags})
	s.Update(ctx, n.ID, Edit{Note: &note})
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"all", Filter{}, []string{c.ID, n.ID, q.ID}},
		{"kind", Filter{Kind: annotation.KindClaim}, []string{c.ID}},
		{"tag", Filter{Tag: "praise"}, []string{q.ID}},
		{"speaker, any case", Filter{Speaker: "steve witkoff"}, []string{q.ID}},
		{"verdict", Filter{Verdict: annotation.VerdictUnverified}, []string{c.ID}},
		{"search quote", Filter{Search: "SMART"}, []string{q.ID}},
		{"search note words", Filter{Search: "podcast check"}, []string{n.ID}},
		{"search misses", Filter{Search: "zebra"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, a := range s.Filtered(tt.f) {
				got = append(got, a.ID)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %v, want %v (text order)", got, tt.want)
			}
		})
	}
	if sp := s.Speakers(); len(sp) != 1 || sp[0] != who {
		t.Errorf("Speakers = %v", sp)
	}
}

func TestExportJSONIsValidW3C(t *testing.T) {
	s := openSample(t, newLibrary(t))
	s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote)
	data, err := s.ExportJSON()
	if err != nil {
		t.Fatal(err)
	}
	if problems := annotation.Validate(data); len(problems) > 0 {
		t.Fatalf("export is not valid W3C: %v", problems)
	}
	anns, err := annotation.Decode(data)
	if err != nil || len(anns) != 1 || anns[0].Target.Selector.Quote.Exact != "super smart" {
		t.Fatalf("decoded %+v, %v", anns, err)
	}
}

func TestExportCSVDefusesFormulas(t *testing.T) {
	l := newLibrary(t)
	st, err := l.AddStory(ctx, "f.txt", []byte("=HYPERLINK(\"http://evil.example.com\") is not a formula here.\n\nSecond paragraph."))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := l.Open(ctx, st.ID)
	s.Tag(ctx, find(t, s, "=HYPERLINK"), annotation.KindNote)
	data, err := s.ExportCSV()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0][0] != "\uFEFFkind" || rows[0][1] != "text" {
		t.Fatalf("rows = %q", rows)
	}
	if got := rows[1][1]; !strings.HasPrefix(got, "'=") {
		t.Errorf("text cell %q would run as a formula", got)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	good := `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:1","type":"Annotation",
		"body":{"type":"TextualBody","purpose":"tagging","value":"quote"},
		"target":{"source":"http://example.com/a","selector":{"type":"TextQuoteSelector","exact":"super smart"}}}`
	missing := strings.Replace(strings.Replace(good, "urn:uuid:1", "urn:uuid:2", 1), "super smart", "words that are not there", 1)
	tests := []struct {
		name, data string
		wantErr    string
	}{
		{"malformed JSON", `{"@context":`, "import rejected"},
		{"not an annotation", `{"hello":"world"}`, "import rejected"},
		{"one of two does not anchor", "[" + good + "," + missing + "]", "words that are not there"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Import(ctx, []byte(tt.data))
			var ie *ImportError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want an ImportError mentioning %q", err, tt.wantErr)
			}
			if stored, _ := l.Store.Annotations(ctx, s.Story.ID); len(stored) != 0 || len(s.Annotations) != 0 {
				t.Fatalf("a rejected import stored %d annotations", len(stored))
			}
		})
	}

	res, err := s.Import(ctx, []byte(good))
	if err != nil || res.Added != 1 {
		t.Fatalf("quote-only import: %+v, %v", res, err)
	}
	if a := s.Annotations[0]; s.Slice(a.Span) != "super smart" || a.Target.Selector.Position == nil || a.Kind != annotation.KindQuote {
		t.Errorf("imported annotation %+v", a)
	}
	if res, err := s.Import(ctx, []byte(good)); err != nil || res.Added != 0 || res.Present != 1 {
		t.Errorf("importing again: %+v, %v; want it recognised as present", res, err)
	}
}

func TestImportOwnExportIntoAnotherLibrary(t *testing.T) {
	src := openSample(t, newLibrary(t))
	src.Tag(ctx, find(t, src, "super smart"), annotation.KindQuote)
	src.Tag(ctx, find(t, src, "a bad guy"), annotation.KindClaim)
	data, _ := src.ExportJSON()
	dst := openSample(t, newLibrary(t))
	res, err := dst.Import(ctx, data)
	if err != nil || res.Added != 2 {
		t.Fatalf("%+v, %v", res, err)
	}
	for i, a := range dst.Annotations {
		if a.Span != src.Annotations[i].Span || a.Kind != src.Annotations[i].Kind {
			t.Errorf("annotation %d: %v %s, want %v %s", i, a.Span, a.Kind, src.Annotations[i].Span, src.Annotations[i].Kind)
		}
	}
}

func TestLibraryRenameDeleteRestore(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote)
	s.Tag(ctx, find(t, s, "a bad guy"), annotation.KindClaim)
	sums, _ := l.Summaries(ctx)
	if len(sums) != 1 || sums[0].Quotes != 1 || sums[0].Claims != 1 || sums[0].Revisions != 1 || sums[0].Date != "2025-03-23" {
		t.Fatalf("summary %+v", sums)
	}
	if _, err := l.Rename(ctx, sums[0].Story, "   "); err == nil {
		t.Error("empty title accepted")
	}
	renamed, err := l.Rename(ctx, sums[0].Story, "  Putin   prayed ")
	if err != nil || renamed.Title != "Putin prayed" {
		t.Fatalf("rename: %q, %v", renamed.Title, err)
	}
	d, err := l.Delete(ctx, renamed.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sums, _ := l.Summaries(ctx); len(sums) != 0 {
		t.Fatal("story still listed")
	}
	if err := l.Restore(ctx, d); err != nil {
		t.Fatal(err)
	}
	back, err := l.Open(ctx, renamed.ID)
	if err != nil || back.Story.Title != "Putin prayed" || len(back.Annotations) != 2 {
		t.Fatalf("restored: %+v, %v", back, err)
	}
}

func TestExportAllCoversEveryStory(t *testing.T) {
	l := newLibrary(t)
	for range 2 {
		s := openSample(t, l)
		s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote)
	}
	data, err := l.ExportAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p := annotation.Validate(data); len(p) > 0 {
		t.Fatal(p)
	}
	if anns, _ := annotation.Decode(data); len(anns) != 2 {
		t.Errorf("%d annotations exported, want 2", len(anns))
	}
	csvData, _ := l.ExportAllCSV(ctx)
	if n := strings.Count(string(csvData), "\n"); n != 3 {
		t.Errorf("CSV has %d lines, want header + 2", n)
	}
}

// failingStore refuses every annotation write, as a full disk would.
type failingStore struct{ store.Store }

func (failingStore) PutAnnotations(context.Context, []store.Annotation) ([]store.Annotation, error) {
	return nil, errors.New("storage is full")
}

func TestTagRefusedByTheStoreLeavesNothing(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	l.Store = failingStore{l.Store}
	if _, err := s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote); err == nil {
		t.Fatal("tag succeeded on a failing store")
	}
	if len(s.Annotations) != 0 {
		t.Error("a tag the store refused is still shown")
	}
	if s.CanUndo() != "" {
		t.Error("a refused tag can be undone")
	}
}

func TestImportIntoSecondCopyOfArticle(t *testing.T) {
	l := newLibrary(t)
	first := openSample(t, l)
	a, _ := first.Tag(ctx, find(t, first, "super smart"), annotation.KindQuote)
	data, err := first.ExportJSON()
	if err != nil {
		t.Fatal(err)
	}
	second := openSample(t, l)
	res, err := second.Import(ctx, data)
	if err != nil || res.Added != 1 {
		t.Fatalf("Import into a second copy = %+v, %v; want 1 added", res, err)
	}
	copied := second.Annotations[0]
	if copied.ID == a.ID || copied.Span != a.Span || copied.StoryID != second.Story.ID {
		t.Errorf("copy %s at %v in %s; want a new id at %v in %s", copied.ID, copied.Span, copied.StoryID, a.Span, second.Story.ID)
	}
	again, err := second.Import(ctx, data)
	if err != nil || again.Added != 0 || again.Present != 1 {
		t.Errorf("importing the file again = %+v, %v; want it found, not copied again", again, err)
	}
	if orig, _ := l.Open(ctx, first.Story.ID); len(orig.Annotations) != 1 || orig.Annotations[0].ID != a.ID {
		t.Errorf("the first story's annotations became %+v", orig.Annotations)
	}
}

// TestImportOfMigratedAnnotationsExportsAgain: an exported annotation
// carried from an earlier revision has a status and its old text; once
// imported it is placed afresh, and the story must still export.
func TestImportOfMigratedAnnotationsExportsAgain(t *testing.T) {
	src := openSample(t, newLibrary(t))
	src.Tag(ctx, find(t, src, "super smart"), annotation.KindQuote)
	if _, err := src.AddRevision(ctx, "v2.txt", laterVersion("super smart", "very smart")); err != nil {
		t.Fatal(err)
	}
	data, err := src.ExportJSON()
	if err != nil {
		t.Fatal(err)
	}
	dst := openSample(t, newLibrary(t))
	if _, err := dst.AddRevision(ctx, "v2.txt", laterVersion("super smart", "very smart")); err != nil {
		t.Fatal(err)
	}
	if _, err := dst.Import(ctx, data); err != nil {
		t.Fatal(err)
	}
	if _, err := dst.ExportJSON(); err != nil {
		t.Errorf("export after importing migrated annotations: %v", err)
	}
}

func TestImportReportsApproximatePlacesAndEmptyFiles(t *testing.T) {
	s := openSample(t, newLibrary(t))
	edited := `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:9","type":"Annotation",
		"body":{"type":"TextualBody","purpose":"tagging","value":"claim"},
		"target":{"source":"http://example.com/a","selector":{"type":"TextQuoteSelector","exact":"Putin went to a chursh and prayed","prefix":"Witkoff revealed that "}}}`
	res, err := s.Import(ctx, []byte(edited))
	if err != nil || res.Added != 1 || res.Approximate != 1 {
		t.Errorf("import of a misspelt quote: %+v, %v; want it added and counted as approximate", res, err)
	}
	var ie *ImportError
	if _, err := s.Import(ctx, []byte(`[]`)); !errors.As(err, &ie) {
		t.Errorf("an empty file: %v, want an ImportError", err)
	}
}

func TestImportListsAtMostMaxProblems(t *testing.T) {
	s := openSample(t, newLibrary(t))
	var items []string
	for i := range annotation.MaxProblems + 50 {
		items = append(items, fmt.Sprintf(`{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:%d","type":"Annotation",
			"target":{"source":"http://example.com/a","selector":{"type":"TextQuoteSelector","exact":"words that are nowhere %d"}}}`, i, i))
	}
	_, err := s.Import(ctx, []byte("["+strings.Join(items, ",")+"]"))
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v", err)
	}
	if len(ie.Problems) != annotation.MaxProblems+1 || ie.Problems[len(ie.Problems)-1] != "… and 50 more problems" {
		t.Errorf("%d problems, last %q", len(ie.Problems), ie.Problems[len(ie.Problems)-1])
	}
}

// Tester2's bug 3: undoing a tag that another tab has since edited is
// refused (ErrConflict), and that tab's note stays.
func TestUndoRefusesWhatAnotherTabChangedSince(t *testing.T) {
	l := newLibrary(t)
	a := openSample(t, l)
	p, _ := a.Tag(ctx, find(t, a, "super smart"), annotation.KindQuote)
	b, _ := l.Open(ctx, a.Story.ID)
	note := "B's note"
	if _, err := b.Update(ctx, p.ID, Edit{Note: &note}); err != nil {
		t.Fatal(err)
	}
	a.Reload(ctx) // as the tab does when told another tab changed the story
	if _, err := a.Undo(ctx); !errors.Is(err, store.ErrConflict) {
		t.Errorf("undo of the tag = %v, want ErrConflict", err)
	}
	again, _ := l.Open(ctx, a.Story.ID)
	if got, ok := again.Find(p.ID); !ok || got.Note != note {
		t.Errorf("after the refused undo: %+v, %v", got, ok)
	}
}

// TestDraftThenKeep: a draft changes nothing until kept, is stored by
// Keep like a tag, and is refused once another revision is shown.
func TestDraftThenKeep(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	d, err := s.Draft(find(t, s, "super smart"), annotation.KindQuote)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Annotations) != 0 || s.CanUndo() != "" {
		t.Fatal("a draft changed the session")
	}
	kept, err := s.Keep(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if kept.ID != d.ID || kept.Rev == 0 || s.CanUndo() == "" {
		t.Errorf("kept %+v, undo %q", kept, s.CanUndo())
	}
	again, err := l.Open(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Annotations) != 1 || again.Annotations[0].ID != d.ID {
		t.Errorf("reopened: %+v", again.Annotations)
	}

	late, err := s.Draft(find(t, s, "Kherson"), annotation.KindNote)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRevision(ctx, "v2.txt", laterVersion("super smart", "very smart")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Keep(ctx, late); !errors.Is(err, ErrRevisionChanged) {
		t.Errorf("kept on another revision: err = %v", err)
	}
	if _, ok := s.Find(late.ID); ok {
		t.Error("the refused draft is in the session")
	}
}

// TestImportKeepsTextOrder: an import sorts what it adds in among the
// annotations shown once, in text order, ties included (the same words
// tagged twice).
func TestImportKeepsTextOrder(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	for _, words := range []string{"Kherson", "super smart", "super smart", "a bad guy"} {
		if _, err := s.Tag(ctx, find(t, s, words), annotation.KindQuote); err != nil {
			t.Fatal(err)
		}
	}
	data, err := s.ExportJSON()
	if err != nil {
		t.Fatal(err)
	}
	other := openSample(t, l) // a second copy: the import gets fresh ids
	if _, err := other.Tag(ctx, find(t, other, "super smart"), annotation.KindClaim); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Import(ctx, data); err != nil {
		t.Fatal(err)
	}
	if n := len(other.Annotations); n != 5 || !slices.IsSortedFunc(other.Annotations, textOrder) {
		t.Errorf("%d annotations, in text order: %v", n, slices.IsSortedFunc(other.Annotations, textOrder))
	}
	again, err := l.Open(ctx, other.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range again.Annotations {
		if again.Annotations[i].Span != other.Annotations[i].Span {
			t.Errorf("annotation %d: at %v after the import, at %v when reopened", i, other.Annotations[i].Span, again.Annotations[i].Span)
		}
	}
}
