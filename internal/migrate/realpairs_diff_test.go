package migrate

import (
	"sort"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// TestRealPairsDiffMoves checks the diff's moves (package revision) on the
// real pairs, laid out one sentence a paragraph (paragraph moves) and with
// each story's sentences run together in one paragraph (sentence moves):
// every move it shows must join an old sentence to the new sentence the
// authors' alignment gives it (of two sentences that swapped, either may
// be the one shown moved). It reports the moves shown and the sentences
// the notes call moved.
func TestRealPairsDiffMoves(t *testing.T) {
	for _, layout := range []struct {
		name string
		lay  func(realPair) realPair
	}{{"one sentence a paragraph", func(p realPair) realPair { return p }}, {"sentences run together", runTogether}} {
		t.Run(layout.name, func(t *testing.T) {
			truth, found := 0, 0
			for _, p := range realPairs(t) {
				p = layout.lay(p)
				d := revision.Compute(p.oldText, p.newText)
				for _, m := range d.Moves {
					i, k := lineAt(p.oldLines, m.Old.Start), lineAt(p.newLines, m.New.Start)
					if i < 0 || k < 0 || p.truth[i] != k {
						t.Errorf("%s: the diff moves old sentence %d to new sentence %d, not a move of the alignment: %q -> %q",
							p.name, i, k, sliceOf(p.oldText, m.Old), sliceOf(p.newText, m.New))
						continue
					}
					found++
				}
				for _, moved := range p.moved {
					if moved {
						truth++
					}
				}
			}
			t.Logf("%s: the diff shows %d moves, each on the aligned sentence; the notes call %d sentences moved", layout.name, found, truth)
		})
	}
}

// runTogether lays a pair out with each text's sentences in one paragraph,
// separated by a space.
func runTogether(p realPair) realPair {
	join := func(text string, lines []span.Span) (string, []span.Span) {
		parts := make([]string, len(lines))
		for i, l := range lines {
			parts[i] = sliceOf(text, l)
		}
		var spans []span.Span
		at := 0
		for _, s := range parts {
			n := len([]rune(s))
			spans = append(spans, span.Span{Start: at, End: at + n})
			at += n + 1
		}
		return strings.Join(parts, " "), spans
	}
	p.oldText, p.oldLines = join(p.oldText, p.oldLines)
	p.newText, p.newLines = join(p.newText, p.newLines)
	return p
}

// lineAt is the index of the line holding code point at, or -1.
func lineAt(lines []span.Span, at int) int {
	i := sort.Search(len(lines), func(i int) bool { return lines[i].End > at })
	if i < len(lines) && lines[i].Start <= at {
		return i
	}
	return -1
}

func sliceOf(text string, s span.Span) string {
	rs := []rune(text)
	return string(rs[s.Start:s.End])
}
