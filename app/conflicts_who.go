package ui

import (
	"time"

	"github.com/redline-news/redline/internal/sync"
)

// conflictSide is one value of a conflict as the panel names it: who
// wrote it and when ("alice, 16:02", "you, 16:05").
type conflictSide struct {
	Who  string    // "" when the conflict does not say (found before authors were kept)
	At   time.Time // zero when it does not say
	When string    // At for reading, "" when zero
}

// sideOf names one side of cf (ours: the side of the replica that found
// it) for user reading it on the browser named here. The user's own
// value is "you"; "you, on another browser" when it is known to come
// from elsewhere: ours found on another device, or theirs against ours
// found on this one by the same user.
func sideOf(cf sync.Conflict, ours bool, user, here string, now time.Time) conflictSide {
	a := cf.TheirsBy
	elsewhere := cf.Device == here && cf.OursBy.By == user
	if ours {
		a, elsewhere = cf.OursBy, cf.Device != here
	}
	return named(a, user, elsewhere, now)
}

// named is a as user reads it: "you" for the user's own ("you, on
// another browser" when known to be from elsewhere), else the name.
func named(a sync.Author, user string, elsewhere bool, now time.Time) conflictSide {
	s := conflictSide{Who: a.By, At: a.At, When: whenText(a.At, now)}
	switch {
	case a.By == "" || a.By != user:
	case elsewhere:
		s.Who = "you, on another browser"
	default:
		s.Who = "you"
	}
	return s
}

// label is the side's words: "alice, 16:02", or fallback when the
// conflict names neither author nor time.
func (s conflictSide) label(fallback string) string {
	switch {
	case s.Who != "" && s.When != "":
		return s.Who + ", " + s.When
	case s.Who != "":
		return s.Who
	case s.When != "":
		return fallback + ", " + s.When
	}
	return fallback
}

// at is the side's time for scripts and tests (RFC 3339, UTC), "" when
// it does not say.
func (s conflictSide) at() string {
	if s.At.IsZero() {
		return ""
	}
	return s.At.UTC().Format(time.RFC3339)
}

// whenText is t in local time: the clock alone today, the day too
// before that.
func whenText(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	t, now = t.Local(), now.Local()
	switch {
	case t.YearDay() == now.YearDay() && t.Year() == now.Year():
		return t.Format("15:04")
	case t.Year() == now.Year():
		return t.Format("2 Jan 15:04")
	}
	return t.Format("2 Jan 2006 15:04")
}
