package library

import (
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/span"
)

func TestAlreadyFindsTheSameKindOnTheSameWords(t *testing.T) {
	s := openSample(t, newLibrary(t))
	words := find(t, s, "super smart")
	note, err := s.Tag(ctx, words, annotation.KindNote)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		sel  span.Span
		kind annotation.Kind
		want bool
	}{
		{"same kind, same words", words, annotation.KindNote, true},
		{"same words snapped from a sloppy selection", span.Span{Start: words.Start + 1, End: words.End - 1}, annotation.KindNote, true},
		{"another kind", words, annotation.KindClaim, false},
		{"fewer words", span.Span{Start: words.Start, End: words.Start + 5}, annotation.KindNote, false},
	}
	for _, tt := range tests {
		d, err := s.Draft(tt.sel, tt.kind)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := s.Already(d)
		if ok != tt.want || ok && got.ID != note.ID {
			t.Errorf("%s: Already = %v, %v", tt.name, got.ID, ok)
		}
	}
}
