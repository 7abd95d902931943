package watch

import (
	"testing"
	"time"
)

func TestNextInterval(t *testing.T) {
	const e = 30 * time.Minute
	old := 48 * time.Hour
	for _, c := range []struct {
		current, age time.Duration
		changed      bool
		want         time.Duration
	}{
		{e, time.Hour, false, e},   // a new story: every e
		{e, old, false, 2 * e},     // an old one backs off
		{4 * e, old, false, 8 * e}, // up to 8e
		{8 * e, old, false, 8 * e}, // and no further
		{8 * e, old, true, e},      // a change: back to e
		{0, old, false, e},         // never below e
		{20 * time.Hour, old, false, 8 * e},
	} {
		if got := nextInterval(e, c.current, c.age, c.changed); got != c.want {
			t.Errorf("nextInterval(%v, %v, %v) = %v, want %v", c.current, c.age, c.changed, got, c.want)
		}
	}
	if got := nextInterval(6*time.Hour, 20*time.Hour, old, false); got != 24*time.Hour {
		t.Errorf("long intervals cap at a day, got %v", got)
	}
	if errorDelay(e, 1) != e || errorDelay(e, 3) != 4*e || errorDelay(e, 50) != 6*time.Hour {
		t.Errorf("errorDelay: %v %v %v", errorDelay(e, 1), errorDelay(e, 3), errorDelay(e, 50))
	}
}
