package ui

import (
	"context"
	"fmt"
	"html"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/span"
	"github.com/redline-news/redline/internal/store"
)

// TestArticleViewsRedrawOnlyWhatChanged: drawn again after a change, the
// article is what a fresh layout draws, and the paragraphs the change did
// not touch keep their segments (go-app then skips them).
func TestArticleViewsRedrawOnlyWhatChanged(t *testing.T) {
	ctx := context.Background()
	s := openedStory(t, "", nil)
	at := func(words string) span.Span { return wordsAt(t, s, words) }
	quote, err := s.Tag(ctx, at("super smart"), annotation.KindQuote)
	if err != nil {
		t.Fatal(err)
	}
	var a articleViews
	before, _ := a.draw(s, "", nil, nil, "")

	// A claim across a paragraph break, the quote selected, a suggestion.
	cross := at("Kherson")
	cross.End = cross.Start + 400
	claim, err := s.Tag(ctx, cross, annotation.KindClaim)
	if err != nil {
		t.Fatal(err)
	}
	sugg := []library.Suggestion{{Key: "k1", Kind: annotation.KindQuote, Span: at("a bad guy"), Speaker: "Trump"}}
	saving := map[string]bool{claim.ID: true}
	after, _ := a.draw(s, quote.ID, saving, sugg, "k1")
	var fresh articleViews
	want, _ := fresh.draw(s, quote.ID, saving, sugg, "k1")

	kept := 0
	for i := range after {
		if got, w := after[i].html(), want[i].html(); got != w {
			t.Errorf("paragraph %d drawn again:\n%s\nwant\n%s", i, got, w)
		}
		if before[i].html() == after[i].html() {
			if &before[i].Segments[0] != &after[i].Segments[0] {
				t.Errorf("paragraph %d did not change but was laid out again", i)
			}
			kept++
		}
	}
	if kept == 0 || kept == len(after) {
		t.Errorf("%d of %d paragraphs kept", kept, len(after))
	}
	for _, want := range []string{`data-saving="true"`, `data-suggestion="k1"`, `class="k-quote selected"`} {
		if !strings.Contains(joinHTML(after), want) {
			t.Errorf("no %s in the article", want)
		}
	}

	// An edit stored is drawn: the quote's tooltip names its speaker.
	speaker := "Steve Witkoff"
	if _, err := s.Update(ctx, quote.ID, library.Edit{Speaker: &speaker}); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.draw(s, quote.ID, nil, nil, ""); !strings.Contains(joinHTML(got), `title="quote · Steve Witkoff"`) {
		t.Error("the edited quote's tooltip was not drawn again")
	}
}

// TestArticleViewsLayOutANewRevisionInChunks: a long revision drawn for
// the first time is laid out chunkSize paragraphs per draw, the others
// plain text meanwhile, until it is all drawn as at once.
func TestArticleViewsLayOutANewRevisionInChunks(t *testing.T) {
	ctx := context.Background()
	var text strings.Builder
	text.WriteString("A long story\n\n")
	for i := range 2*chunkSize + 5 {
		fmt.Fprintf(&text, "Paragraph %d says what it says.\n\n", i)
	}
	s := openedStory(t, "long.txt", []byte(text.String()))
	for i := range len(s.Paragraphs) {
		if _, err := s.Tag(ctx, span.Span{Start: s.Paragraphs[i].Start, End: s.Paragraphs[i].Start + 9}, annotation.KindQuote); err != nil {
			t.Fatal(err)
		}
	}
	var a articleViews
	var views []*paragraphView
	draws := 0
	for more := true; more; draws++ {
		views, more = a.draw(s, "", nil, nil, "")
		if marked := strings.Count(joinHTML(views), "<mark"); more && marked >= len(s.Paragraphs) {
			t.Fatalf("draw %d: %d of %d paragraphs marked, but more to draw", draws, marked, len(s.Paragraphs))
		}
	}
	if want := (len(s.Paragraphs) + chunkSize - 1) / chunkSize; draws != want {
		t.Errorf("%d paragraphs drawn in %d draws, want %d", len(s.Paragraphs), draws, want)
	}
	var whole articleViews
	all, _ := whole.draw(s, "", nil, nil, "")
	for more := true; more; {
		all, more = whole.draw(s, "", nil, nil, "")
	}
	if got, want := joinHTML(views), joinHTML(all); got != want || strings.Count(got, "<mark") != len(s.Paragraphs) {
		t.Errorf("drawn in chunks:\n%s\nwant\n%s", got, want)
	}
}

func joinHTML(views []*paragraphView) string {
	var b strings.Builder
	for _, v := range views {
		b.WriteString(v.html())
	}
	return b.String()
}

// TestArticleViewsPendingChunks: before any draw lays it out, every chunk
// is there as plain text, chunkSize paragraphs each, the same string at
// every draw until its own, and together they are the whole text.
func TestArticleViewsPendingChunks(t *testing.T) {
	ctx := context.Background()
	lib := &library.Library{Store: store.NewMemory(), Core: newCore()}
	var text strings.Builder
	text.WriteString("A long story\n\n")
	for i := range 3*chunkSize + 7 {
		fmt.Fprintf(&text, "Paragraph %d says <what> it & says.\n\n", i)
	}
	st, err := lib.AddStory(ctx, "long.txt", []byte(text.String()))
	if err != nil {
		t.Fatal(err)
	}
	s, err := lib.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	var a articleViews
	a.draw(s, "", nil, nil, "")
	chunks := (len(s.Paragraphs) + chunkSize - 1) / chunkSize
	first := make([]string, chunks)
	var all strings.Builder
	for c := range chunks {
		first[c] = a.pendingHTML(s, c)
		if n := strings.Count(first[c], "<p>"); n != min(chunkSize, len(s.Paragraphs)-c*chunkSize) {
			t.Errorf("chunk %d holds %d paragraphs", c, n)
		}
		all.WriteString(first[c])
	}
	for _, p := range s.Paragraphs {
		if want := (&paragraphView{Segments: []segmentView{{Start: p.Start, Text: s.Slice(p)}}}).html(); !strings.Contains(all.String(), want) {
			t.Errorf("the plain text lacks %s", want)
		}
	}
	a.draw(s, "", nil, nil, "")
	for c := 2; c < chunks; c++ {
		if again := a.pendingHTML(s, c); again != first[c] || unsafe.StringData(again) != unsafe.StringData(first[c]) {
			t.Errorf("chunk %d built again", c)
		}
	}
}

// TestWriteSegmentEscapesAsTheHTMLPackage: the segment's text is escaped
// as html.EscapeString escapes it.
func TestWriteSegmentEscapesAsTheHTMLPackage(t *testing.T) {
	for _, text := range []string{"", "plain", `<b>"it's" & more</b>`, "ünïcödé <", "&&&", "'"} {
		var b strings.Builder
		writeSegment(&b, 42, text)
		if want := `<span data-s="42">` + html.EscapeString(text) + `</span>`; b.String() != want {
			t.Errorf("writeSegment(%q) = %s, want %s", text, b.String(), want)
		}
	}
}

func FuzzWriteSegment(f *testing.F) {
	f.Add(7, `a <b> & "c" 'd'`)
	f.Fuzz(func(t *testing.T, start int, text string) {
		var b strings.Builder
		writeSegment(&b, start, text)
		if want := `<span data-s="` + strconv.Itoa(start) + `">` + html.EscapeString(text) + `</span>`; b.String() != want {
			t.Errorf("writeSegment(%d, %q) = %s, want %s", start, text, b.String(), want)
		}
	})
}

// TestArticleViewsPrepare: prepared before the first draw, with a check
// called before each chunk, the article draws as without it.
func TestArticleViewsPrepare(t *testing.T) {
	ctx := context.Background()
	lib := &library.Library{Store: store.NewMemory(), Core: newCore()}
	st, err := lib.AddStory(ctx, library.SampleName, library.SampleArticle())
	if err != nil {
		t.Fatal(err)
	}
	s, err := lib.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	var prepared, plain articleViews
	checks := 0
	if err := prepared.prepare(s, func() error { checks++; return nil }); err != nil {
		t.Fatal(err)
	}
	if want := (len(s.Paragraphs) + chunkSize - 1) / chunkSize; checks != want {
		t.Errorf("%d checks for %d chunks", checks, want)
	}
	got, _ := prepared.draw(s, "", nil, nil, "")
	want, _ := plain.draw(s, "", nil, nil, "")
	if joinHTML(got) != joinHTML(want) {
		t.Error("prepared, the article draws otherwise")
	}
	for c := range plain.pending {
		if prepared.pending[c] != plain.pendingHTML(s, c) {
			t.Errorf("chunk %d prepared otherwise", c)
		}
	}
}
