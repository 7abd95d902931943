package library

import (
	"context"
	"errors"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
)

// TestOpenInTurns: opening calls Library.Turns' check between the
// annotations it places, places as without it, and a failing check
// (the page gone) fails the open and leaves a reloaded session as it was.
func TestOpenInTurns(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	for _, words := range []string{"super smart", "a bad guy", "Kherson"} {
		if _, err := s.Tag(ctx, find(t, s, words), annotation.KindQuote); err != nil {
			t.Fatal(err)
		}
	}
	plain, err := l.Open(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	checks := 0
	l.Turns = func(context.Context) func() error { return func() error { checks++; return nil } }
	turned, err := l.Open(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if checks < len(plain.Annotations) {
		t.Errorf("%d checks placing %d annotations", checks, len(plain.Annotations))
	}
	if len(turned.Annotations) != len(plain.Annotations) || len(turned.Paragraphs) != len(plain.Paragraphs) {
		t.Fatalf("placed in turns: %d annotations, %d paragraphs; want %d, %d", len(turned.Annotations), len(turned.Paragraphs), len(plain.Annotations), len(plain.Paragraphs))
	}
	for i, a := range turned.Annotations {
		if a.ID != plain.Annotations[i].ID || a.Span != plain.Annotations[i].Span {
			t.Errorf("annotation %d placed at %v (%s), want %v (%s)", i, a.Span, a.ID, plain.Annotations[i].Span, plain.Annotations[i].ID)
		}
	}

	gone := errors.New("the page went away")
	l.Turns = func(context.Context) func() error { return func() error { return gone } }
	if _, err := l.Open(ctx, s.Story.ID); !errors.Is(err, gone) {
		t.Errorf("open with a failing check: %v", err)
	}
	before := len(turned.Annotations)
	if err := turned.Reload(ctx); !errors.Is(err, gone) {
		t.Errorf("reload with a failing check: %v", err)
	}
	if len(turned.Annotations) != before || turned.Text == nil {
		t.Errorf("a failed reload changed the session: %d annotations, want %d", len(turned.Annotations), before)
	}
}
