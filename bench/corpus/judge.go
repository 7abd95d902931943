package corpus

import "github.com/redline-news/redline/internal/span"

// Verdict is how a tool carried one annotation over, judged against the
// truth.
type Verdict string

const (
	Right    Verdict = "right"    // on exactly its words
	Near     Verdict = "near"     // on part of its words, or on them and a little more
	Wrong    Verdict = "wrong"    // on other words, or on any words when its own were deleted
	Lost     Verdict = "lost"     // orphaned although its words are still there
	Orphaned Verdict = "orphaned" // orphaned, rightly: its words were deleted
)

// Verdicts in the order reports list them.
var Verdicts = []Verdict{Right, Near, Wrong, Lost, Orphaned}

// Judge says how a tool did that placed the annotation at placed in the
// new text (ok false: it orphaned it).
func (a Annotation) Judge(placed span.Span, ok bool) Verdict {
	switch {
	case a.Fate == Deleted && ok:
		return Wrong
	case a.Fate == Deleted:
		return Orphaned
	case !ok:
		return Lost
	case placed == a.Truth:
		return Right
	case placed.Overlaps(a.Truth):
		return Near
	}
	return Wrong
}
