package ui

import (
	"testing"
	"time"
)

func TestFetchSummary(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		w    watchInfo
		want string
	}{
		{watchInfo{State: "watching", Due: now.Add(28 * time.Minute)}, "Not fetched yet · next fetch in 28 min"},
		{watchInfo{State: "watching", LastFetch: now.Add(-12 * time.Second), LastResult: "unchanged", Due: now.Add(-time.Second)},
			"Last fetched 12 s ago: no change · next fetch now"},
		{watchInfo{State: "watching", LastFetch: now.Add(-3 * time.Hour), LastResult: "changed", Due: now.Add(90 * time.Minute)},
			"Last fetched 3 h ago: a new revision · next fetch in 1 h"},
		{watchInfo{State: "paused", LastFetch: now.Add(-72 * time.Hour), LastResult: "error"},
			"Last fetched 3 days ago: failed · stopped: not fetched until resumed"},
		{watchInfo{State: "ended", LastFetch: now.Add(-time.Minute), LastResult: "duplicate"},
			"Last fetched 1 min ago: the same story as another watch · no longer watched"},
	} {
		if got := fetchSummary(c.w, now); got != c.want {
			t.Errorf("fetchSummary(%+v) = %q, want %q", c.w, got, c.want)
		}
	}
}
