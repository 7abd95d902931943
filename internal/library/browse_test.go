package library

import (
	"testing"

	"github.com/redline-news/redline/internal/annotation"
)

// TestBrowseSearchesSortsAndFilters: the library's search finds a story by
// a word of its title, of its text or of an annotation; the orders sort
// by date added, published or last changed; "changed quotes" keeps the
// stories whose latest revision changed one.
func TestBrowseSearchesSortsAndFilters(t *testing.T) {
	l := newLibrary(t)
	harbour, err := l.AddStory(ctx, "harbour.md", []byte("# Harbour dredging approved\n\nThe port authority approved the plan."))
	if err != nil {
		t.Fatal(err)
	}
	s := openSample(t, l) // added later: newest
	if _, err := s.Tag(ctx, find(t, s, "super smart"), annotation.KindQuote); err != nil {
		t.Fatal(err)
	}
	q := s.Annotations[0]
	speaker := "Steve Witkoff"
	if _, err := s.Update(ctx, q.ID, Edit{Speaker: &speaker}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Rename(ctx, harbour, "Harbour dredging approved again"); err != nil { // changed last
		t.Fatal(err)
	}
	all, err := l.Summaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	titles := func(list []Summary) []string {
		var out []string
		for _, s := range list {
			out = append(out, s.Story.Title)
		}
		return out
	}
	sample := all[0].Story.Title
	for _, c := range []struct {
		b    Browse
		want []string
	}{
		{Browse{}, []string{sample, "Harbour dredging approved again"}},
		{Browse{Search: "harbour"}, []string{"Harbour dredging approved again"}},
		{Browse{Search: "PORT authority"}, []string{"Harbour dredging approved again"}},
		{Browse{Search: "witkoff"}, []string{sample}},
		{Browse{Search: "nothing-like-this"}, nil},
		// The harbour story has no date: the day it was added is not a
		// publication date, so it sorts after every dated story.
		{Browse{Order: ByPublished}, []string{sample, "Harbour dredging approved again"}},
	} {
		if got := titles(c.b.List(all)); !equalStrings(got, c.want) {
			t.Errorf("%+v lists %q, want %q", c.b, got, c.want)
		}
	}
	if got := titles(Browse{OnlyChanged: true}.List(all)); len(got) != 0 {
		t.Errorf("stories with changed quotes before any revision: %q", got)
	}
	if _, err := s.AddRevision(ctx, "v2.txt", laterVersion("super smart", "very smart")); err != nil {
		t.Fatal(err)
	}
	if all, err = l.Summaries(ctx); err != nil {
		t.Fatal(err)
	}
	if got := titles(Browse{OnlyChanged: true}.List(all)); !equalStrings(got, []string{sample}) {
		t.Errorf("stories with changed quotes: %q", got)
	}
	if got := titles(Browse{Order: ByChanged}.List(all)); !equalStrings(got, []string{sample, "Harbour dredging approved again"}) {
		t.Errorf("by last change: %q", got)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestUndatedStoryIsLabelledSo: a text with no date is stored as undated,
// with the day it was added, and its byline is kept.
func TestUndatedStoryIsLabelledSo(t *testing.T) {
	l := newLibrary(t)
	st, err := l.AddStory(ctx, "harbour.txt", []byte("title: Harbour dredging approved\nbyline: Ann Lee\n\nThe port authority approved the plan."))
	if err != nil {
		t.Fatal(err)
	}
	s, err := l.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	rev := s.Revision()
	if !rev.Undated || rev.DateLabel() != "undated, added 2026-11-25" {
		t.Errorf("an undated text is shown as %q (undated %v)", rev.DateLabel(), rev.Undated)
	}
	if rev.Byline != "Ann Lee" {
		t.Errorf("byline %q, want Ann Lee", rev.Byline)
	}
	sample := openSample(t, l)
	if got := sample.Revision().DateLabel(); got != "2025-03-23" {
		t.Errorf("a dated text is shown as %q", got)
	}
	all, err := l.Summaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range all {
		if sum.Undated != (sum.Story.ID == st.ID) {
			t.Errorf("%s: summary undated %v", sum.Story.Title, sum.Undated)
		}
	}
}
