package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/span"
	"github.com/redline-news/redline/internal/store"
)

// openedStory adds a story to a fresh library (in memory, on the native
// core) and opens it: the sample article unless data is given.
func openedStory(t *testing.T, name string, data []byte) *library.Session {
	t.Helper()
	ctx := context.Background()
	lib := &library.Library{Store: store.NewMemory(), Core: newCore()}
	if data == nil {
		name, data = library.SampleName, library.SampleArticle()
	}
	st, err := lib.AddStory(ctx, name, data)
	if err != nil {
		t.Fatal(err)
	}
	s, err := lib.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// wordsAt is the span (in code points) of the first occurrence of words
// in the session's shown text.
func wordsAt(t *testing.T, s *library.Session, words string) span.Span {
	t.Helper()
	text := s.Revision().Text
	i := strings.Index(text, words)
	if i < 0 {
		t.Fatalf("%q is not in the story", words)
	}
	start := len([]rune(text[:i]))
	return span.Span{Start: start, End: start + len([]rune(words))}
}
