package ui

import (
	"context"
	"strings"
	"testing"

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
	lib := &library.Library{Store: store.NewMemory()}
	st, err := lib.AddStory(ctx, library.SampleName, library.SampleArticle())
	if err != nil {
		t.Fatal(err)
	}
	s, err := lib.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	at := func(words string) span.Span {
		text := s.Revision().Text
		i := strings.Index(text, words)
		if i < 0 {
			t.Fatalf("%q is not in the sample", words)
		}
		start := len([]rune(text[:i]))
		return span.Span{Start: start, End: start + len([]rune(words))}
	}
	quote, err := s.Tag(ctx, at("super smart"), annotation.KindQuote)
	if err != nil {
		t.Fatal(err)
	}
	var a articleViews
	before := a.draw(s, "", nil, nil, "")

	// A claim across a paragraph break, the quote selected, a suggestion.
	cross := at("Kherson")
	cross.End = cross.Start + 400
	claim, err := s.Tag(ctx, cross, annotation.KindClaim)
	if err != nil {
		t.Fatal(err)
	}
	sugg := []library.Suggestion{{Key: "k1", Kind: annotation.KindQuote, Span: at("a bad guy"), Speaker: "Trump"}}
	saving := map[string]bool{claim.ID: true}
	after := a.draw(s, quote.ID, saving, sugg, "k1")
	var fresh articleViews
	want := fresh.draw(s, quote.ID, saving, sugg, "k1")

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
	if got := joinHTML(a.draw(s, quote.ID, nil, nil, "")); !strings.Contains(got, `title="quote · Steve Witkoff"`) {
		t.Error("the edited quote's tooltip was not drawn again")
	}
}

func joinHTML(views []*paragraphView) string {
	var b strings.Builder
	for _, v := range views {
		b.WriteString(v.html())
	}
	return b.String()
}
