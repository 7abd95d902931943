package ui

import (
	"testing"
	"time"

	"github.com/redline-news/redline/internal/sync"
)

func TestConflictSidesNameWhoAndWhen(t *testing.T) {
	now := time.Date(2026, 12, 1, 16, 30, 0, 0, time.Local)
	at := func(h, m int) time.Time { return time.Date(2026, 12, 1, h, m, 0, 0, time.Local) }
	bobFound := sync.Conflict{Device: "bob-browser",
		TheirsBy: sync.Author{By: "alice", At: at(16, 2)}, OursBy: sync.Author{By: "bob", At: at(16, 5)}}
	selfFound := sync.Conflict{Device: "alice-laptop",
		TheirsBy: sync.Author{By: "alice", At: at(16, 2)}, OursBy: sync.Author{By: "alice", At: at(16, 5)}}
	for _, c := range []struct {
		name       string
		cf         sync.Conflict
		ours       bool
		user, here string
		want       string
	}{
		{"alice reads bob's side", bobFound, true, "alice", "alice-laptop", "bob, 16:05"},
		{"alice reads her own side", bobFound, false, "alice", "alice-laptop", "you, 16:02"},
		{"bob reads his own side, found here", bobFound, true, "bob", "bob-browser", "you, 16:05"},
		{"bob reads alice's side", bobFound, false, "bob", "bob-browser", "alice, 16:02"},
		{"alice on another browser reads the side found there", selfFound, true, "alice", "alice-phone", "you, on another browser, 16:05"},
		{"alice reads her other browser's side against this one's", selfFound, false, "alice", "alice-laptop", "you, on another browser, 16:02"},
		{"yesterday has the day", sync.Conflict{TheirsBy: sync.Author{By: "bob", At: at(16, 2).AddDate(0, 0, -1)}}, false, "alice", "x", "bob, 30 Nov 16:02"},
		{"no author kept", sync.Conflict{}, false, "alice", "x", "One side"},
		{"a time without a name", sync.Conflict{TheirsBy: sync.Author{At: at(9, 7)}}, false, "alice", "x", "One side, 09:07"},
	} {
		if got := sideOf(c.cf, c.ours, c.user, c.here, now).label("One side"); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
