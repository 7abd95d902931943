package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
)

// TestTimelinePointsKeptUntilSomethingCounted: the timeline's points are
// stale after every change they count (a revision added, a reload, diffs
// fetched), fresh while nothing changed, and once computed the session's
// Timeline.
func TestTimelinePointsKeptUntilSomethingCounted(t *testing.T) {
	ctx := context.Background()
	s := openedStory(t, "", nil)
	text := s.Revision().Text
	if _, err := s.Tag(ctx, wordsAt(t, s, "super smart"), annotation.KindQuote); err != nil {
		t.Fatal(err)
	}
	var memo timelinePoints
	// check computes the points when they are stale, as the panel does a
	// task later, and says whether it had to.
	check := func(step string, reloads int, wantStale bool) []library.TimelinePoint {
		t.Helper()
		if _, _, fresh := memo.peek(s, reloads); fresh == wantStale {
			t.Errorf("%s: fresh %v, want %v", step, fresh, !wantStale)
		}
		memo.compute(s, reloads)
		got, complete, fresh := memo.peek(s, reloads)
		want, _ := s.Timeline()
		if !fresh || !complete || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: points %+v (complete %v, fresh %v), want %+v", step, got, complete, fresh, want)
		}
		return got
	}
	check("opened", 0, true)
	check("nothing changed", 0, false)
	later := strings.Replace(text, "super smart", "very clever", 1)
	if _, err := s.AddRevision(ctx, "later.txt", []byte(later)); err != nil {
		t.Fatal(err)
	}
	if got := check("a revision added", 0, true); len(got) != 2 || got[1].Changed != 1 {
		t.Errorf("a revision added: %+v, want two points, the second with its changed quote", got)
	}
	check("the same again", 0, false)
	check("reloaded", 1, true)
	memo.stale()
	check("diffs fetched", 1, true)
}
