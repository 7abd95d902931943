package ui

import (
	"fmt"
	"time"
)

// What the "Watch a web page…" page says about a watch, worked out apart
// from the component so it is tested natively.

// ago says how long before now t was, in words ("12 s ago", "3 min ago").
func ago(t, now time.Time) string {
	return duration(now.Sub(t)) + " ago"
}

// until says how long after now t is ("in 28 min"; "now" once due).
func until(t, now time.Time) string {
	if !t.After(now) {
		return "now"
	}
	return "in " + duration(t.Sub(now))
}

func duration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", max(0, int(d/time.Second)))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h", int(d/time.Hour))
	}
	return fmt.Sprintf("%d days", int(d/(24*time.Hour)))
}

// fetchSummary is the line under a watch: its last fetch and what came
// of it, and when the next one is.
func fetchSummary(w watchInfo, now time.Time) string {
	last := "Not fetched yet"
	if !w.LastFetch.IsZero() {
		last = "Last fetched " + ago(w.LastFetch, now) + ": " + resultWords(w.LastResult)
	}
	switch w.State {
	case "paused":
		return last + " · stopped: not fetched until resumed"
	case "ended":
		return last + " · no longer watched"
	}
	return last + " · next fetch " + until(w.Due, now)
}

// resultWords says what a fetch found, for a reader.
func resultWords(result string) string {
	switch result {
	case "changed":
		return "a new revision"
	case "unchanged", "not modified":
		return "no change"
	case "error":
		return "failed"
	case "duplicate":
		return "the same story as another watch"
	}
	return result
}

// stateWords is a watch's state, for a reader.
func stateWords(state string) string {
	switch state {
	case "paused":
		return "Stopped"
	case "ended":
		return "Ended"
	}
	return "Watching"
}
