package ui

import "testing"

// The sign-out question agrees with its count (tester 4: "1 edit …
// discards them").
func TestUnsentWarningAgreesWithItsCount(t *testing.T) {
	for n, want := range map[int]string{
		1: "1 edit has not reached the server yet. Signing out discards it from this browser.",
		3: "3 edits have not reached the server yet. Signing out discards them from this browser.",
	} {
		if got := unsentWarning(n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

func TestPersonalWarningCountsStories(t *testing.T) {
	for n, want := range map[int]string{
		1: "Your personal library (1 story) stays in this browser: whoever uses the browser next sees it.",
		2: "Your personal library (2 stories) stays in this browser: whoever uses the browser next sees it.",
	} {
		if got := personalWarning(n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}
