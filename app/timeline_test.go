package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
	"github.com/redline-news/redline/internal/span"
	"github.com/redline-news/redline/internal/store"
)

// TestTimelinePointsKeptUntilSomethingCounted: the timeline's points are
// the session's Timeline after every change it counts (a revision added,
// an annotation shown changing, a reload), and kept, not computed again,
// while nothing changed.
func TestTimelinePointsKeptUntilSomethingCounted(t *testing.T) {
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
	text := s.Revision().Text
	i := len([]rune(text[:strings.Index(text, "super smart")]))
	if _, err := s.Tag(ctx, span.Span{Start: i, End: i + len("super smart")}, annotation.KindQuote); err != nil {
		t.Fatal(err)
	}
	var memo timelinePoints
	check := func(step string, reloads int) []library.TimelinePoint {
		t.Helper()
		got, complete := memo.of(s, reloads)
		want, _ := s.Timeline()
		if !complete || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: points %+v (complete %v), want %+v", step, got, complete, want)
		}
		return got
	}
	first := check("opened", 0)
	if again := check("nothing changed", 0); &again[0] != &first[0] {
		t.Error("nothing changed, but the points were computed again")
	}
	later := strings.Replace(text, "super smart", "very clever", 1)
	if _, err := s.AddRevision(ctx, "later.txt", []byte(later)); err != nil {
		t.Fatal(err)
	}
	if got := check("a revision added", 0); len(got) != 2 || got[1].Changed != 1 {
		t.Errorf("a revision added: %+v, want two points, the second with its changed quote", got)
	}
	kept := check("the same again", 0)
	if got := check("reloaded", 1); &got[0] == &kept[0] {
		t.Error("reloaded, but the points were kept")
	}
}
