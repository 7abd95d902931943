package ui

import (
	"encoding/json"
	"testing"

	"github.com/redline-news/redline/internal/sync"
)

// A revision's tombstone from the server holds no content: the story it
// was of is the one it had when live, so the open story page hears of
// it (tester run: a revision deleted on one side stayed on the other's
// open page until a reload).
func TestTombstonesKeepTheirStory(t *testing.T) {
	live := sync.Record{Kind: sync.KindRevision, ID: "r-2", Fields: sync.Fields{"storyId": json.RawMessage(`"s1"`)}}
	gone := sync.Record{Kind: sync.KindRevision, ID: "r-2", Deleted: true}
	other := sync.Record{Kind: sync.KindRevision, ID: "r-9", Deleted: true}
	m := storiesOf([]sync.Record{live})
	for _, c := range []struct {
		rec  sync.Record
		want string
	}{{gone, "s1"}, {other, ""}, {live, "s1"}} {
		if got := m.of(c.rec); got != c.want {
			t.Errorf("%s (deleted %v): story %q, want %q", c.rec.ID, c.rec.Deleted, got, c.want)
		}
	}
}
