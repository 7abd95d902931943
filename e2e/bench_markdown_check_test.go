//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/redline-news/redline/bench/corpus"
	"github.com/redline-news/redline/internal/span"
)

func TestBenchFigures(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{thousands(0), "0"},
		{thousands(999), "999"},
		{thousands(1000), "1,000"},
		{thousands(1234567), "1,234,567"},
		{thousands(-98765), "-98,765"},
		{ms(4.26), "4.3 ms"},
		{ms(1316.6), "1,317 ms"},
		{spread(timings{130, 109, 282}), "130 ms (109–282)"},
		{spread(nil), "not measured"},
		{ratio(3, 2), "1.50×"},
		{ratio(3, 0), "–"},
		{mb(14_120_000), "14.12 MB"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestBenchVerdicts judges placements on a small pair: one right, one on a
// copy of its quote elsewhere, one orphaned although its words survive,
// one rightly orphaned.
func TestBenchVerdicts(t *testing.T) {
	at := func(start, end int) span.Span { return span.Span{Start: start, End: end} }
	p := corpus.Pair{
		Old: "Le maire 🇫🇷 a dit oui. Le maire a dit non.",
		New: "Le maire 🇫🇷 a dit oui. Le maire a dit non.",
		Annotations: []corpus.Annotation{
			{Exact: "Le maire", Fate: corpus.Kept, Old: at(0, 8), Truth: at(0, 8)},
			{Exact: "Le maire", Fate: corpus.Kept, Old: at(23, 31), Truth: at(23, 31)},
			{Exact: "dit oui", Fate: corpus.Edited, Old: at(14, 21), Truth: at(14, 21)},
			{Exact: "dit non", Fate: corpus.Deleted, Old: at(34, 41)},
		},
	}
	placed := []*[2]int{{0, 8}, {0, 8}, nil, nil}
	c := verdicts(p, placed)
	if c.total(corpus.Right) != 1 || c.total(corpus.Wrong) != 1 || c.total(corpus.Lost) != 1 || c.total(corpus.Orphaned) != 1 {
		t.Errorf("verdicts %v", c)
	}
	if got := c.cells(corpus.Kept); got != "1 / 0 / 1 / 0 / 0" {
		t.Errorf("kept cells %q", got)
	}
	if n := onCopies(p, placed); n != 1 {
		t.Errorf("%d placements on a copy of the quote, want 1", n)
	}
	var w strings.Builder
	table(&w, []string{"", "a", "b"}, []string{"x", "1", "2"})
	if want := "|  | a | b |\n|---|--:|--:|\n| x | 1 | 2 |\n\n"; w.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", w.String(), want)
	}
}

// TestBenchScaleSection: the figures at ten times the size are written
// beside the 100 KB ones, and nothing when they were not measured.
func TestBenchScaleSection(t *testing.T) {
	var empty strings.Builder
	(&report{}).writeScale(&empty)
	if empty.Len() != 0 {
		t.Errorf("unmeasured scale section written: %q", empty.String())
	}
	r := report{Tagging: tagTimes{Shown: timings{3}, Stored: timings{50}}}
	r.Scale = scaleResults{Bytes: 1_000_034, Annotations: 10_000, Stories: 500, Open: 7176, WasmMB: 194, HeapMB: 49.4,
		Tag: tagTimes{Shown: timings{4.2}, Stored: timings{211.6}}, LibraryStart: 5932}
	var w strings.Builder
	r.writeScale(&w)
	for _, want := range []string{"## At ten times the size", "| open |  | 7,176 ms |", "| tag: keypress to highlight | 3.0 ms (3.0–3.0) | 4.2 ms (4.2–4.2) |", "start-up, library of 500 stories", "wasm 194 MB, JS heap 49 MB"} {
		if !strings.Contains(w.String(), want) {
			t.Errorf("no %q in\n%s", want, w.String())
		}
	}
}
