package anchor_test

import (
	"fmt"
	"strings"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/span"
)

// A quote described on one revision, anchored on a later one where the
// words before it were edited and the quote itself was reworded.
func Example() {
	before := "Witkoff praised Putin’s willingness to engage, calling him “super smart” and not “a bad guy.”"
	after := "On Friday Witkoff praised Putin’s willingness to engage, calling him “very smart” and not “a bad guy.”"

	old := anchor.NewText(before)
	start := len([]rune(before[:strings.Index(before, "calling")]))
	sel := anchor.Describe(old, span.Span{Start: start, End: start + len([]rune("calling him “super smart”"))})
	fmt.Printf("exact %q, prefix %q\n", sel.Quote.Exact, sel.Quote.Prefix)

	now := anchor.NewText(after)
	m, ok := anchor.Anchor(now, sel)
	fmt.Println(ok, m.Method, now.Index().Slice(m.Span), m.Score >= anchor.MinScore)
	// Output:
	// exact "calling him “super smart”", prefix " Putin’s willingness to engage, "
	// true fuzzy calling him “very smart” true
}
