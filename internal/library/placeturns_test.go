package library

import (
	"reflect"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
)

// A revision committed in turns pauses between the annotations it places,
// shows the revision before, whole, at every pause, and ends showing what
// opening the story afresh shows.
func TestCommitRevisionInTurnsShowsTheOldRevisionUntilDone(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	for _, words := range []string{"super smart", "commissioned a portrait of Trump", "Butler, Pennsylvania", "Kherson"} {
		if _, err := s.Tag(ctx, find(t, s, words), annotation.KindQuote); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.PrepareRevision("v2.txt", laterVersion("super smart", "very smart", " during a campaign rally in Butler, Pennsylvania", ""))
	if err != nil {
		t.Fatal(err)
	}
	oldID, oldText, oldAnns := s.Revision().ID, s.Text.String(), len(s.Annotations)
	pauses := 0
	err = s.CommitRevisionInTurns(ctx, c, func() error {
		pauses++
		if len(s.Revisions) != 1 || s.Revision().ID != oldID || s.Text.String() != oldText || len(s.Annotations) != oldAnns || s.Annotations[0].Revision != oldID {
			t.Errorf("pause %d: the session shows revision %d of %d, %d annotations", pauses, s.Current, len(s.Revisions), len(s.Annotations))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pauses < len(c.Results) {
		t.Errorf("%d pauses for %d annotations placed", pauses, len(c.Results))
	}
	fresh, err := l.Open(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Current != 1 || !reflect.DeepEqual(s.Annotations, fresh.Annotations) || !reflect.DeepEqual(s.Paragraphs, fresh.Paragraphs) || s.Text.String() != fresh.Text.String() {
		t.Errorf("after the commit the session shows revision %d, %d annotations; opened afresh %d, %d", s.Current, len(s.Annotations), fresh.Current, len(fresh.Annotations))
	}
}
