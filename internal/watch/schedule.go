package watch

import "time"

// Schedule policy defaults.
const (
	DefaultEvery    = 30 * time.Minute
	DefaultDuration = 30 * 24 * time.Hour // how long a story is watched
	// youngFor is how long a story counts as new: until then it is
	// fetched every Every, since new stories are the ones edited most.
	youngFor = 24 * time.Hour
	// maxBackoff bounds how far apart fetches of an unchanging page get,
	// as a multiple of Every, and absolutely.
	maxBackoff    = 8
	maxInterval   = 24 * time.Hour
	maxErrorDelay = 6 * time.Hour
)

// nextInterval is the wait after a fetch: back to every when the page
// changed or the story is young; else doubled, up to maxBackoff×every
// (and a day).
func nextInterval(every, current, age time.Duration, changed bool) time.Duration {
	if changed || age < youngFor || current < every {
		return every
	}
	next := min(current*2, every*maxBackoff, maxInterval)
	return max(next, every)
}

// errorDelay is the wait after failures fetches in a row failed: every,
// doubled per failure, up to maxErrorDelay.
func errorDelay(every time.Duration, failures int) time.Duration {
	d := every
	for i := 1; i < failures && d < maxErrorDelay; i++ {
		d *= 2
	}
	return min(d, max(maxErrorDelay, every))
}
