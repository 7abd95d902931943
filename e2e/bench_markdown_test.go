//go:build e2e

package e2e

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/redline-news/redline/bench/corpus"
	"github.com/redline-news/redline/internal/span"
)

// report is everything BenchmarkReport measured, and renders it.
type report struct {
	Date                  time.Time
	Machine               machine
	LoadBefore, LoadAfter string // one-minute load averages around the run
	Pair                  corpus.Pair
	Size                  struct{ Redline, Hello, Core wasmSize } // Core: Redline's worker (core.wasm)
	Start                 struct{ Redline, Hello startTimes }
	Field                 fieldResults
	Tagging               tagTimes
	Shown                 int // annotations on the page while tagging
	Revision              revisionRuns
	Core                  string // `go test -bench` output of the Go core, if make bench saved it
	Scale                 scaleResults
}

// Markdown renders the report.
func (r *report) Markdown() string {
	var w strings.Builder
	m := r.Machine
	fmt.Fprintf(&w, "# Benchmarks\n\n")
	fmt.Fprintf(&w, "Measured by `make bench` on %s: %s, %d cores, %s, Chromium %s (headless), %s; load average %s before the run and %s after it.\n",
		r.Date.Format("2006-01-02 15:04 MST"), m.CPU, m.Cores, m.OS, m.Chromium, m.Go, r.LoadBefore, r.LoadAfter)
	fmt.Fprintf(&w, "Each time is the median of several runs, with the fastest and slowest run in brackets. "+
		"A ratio is Redline's figure divided by its peer's: below 1× Redline is smaller or faster. "+
		"This file is written by `make bench` (e2e/bench_report_test.go): rerun it rather than edit it.\n\n")
	r.writeSize(&w)
	r.writeStart(&w)
	r.writeDiff(&w)
	r.writeAnchor(&w)
	r.writeTagging(&w)
	r.writeRevision(&w)
	r.writeScale(&w)
	r.writeData(&w)
	r.writeCore(&w)
	return w.String()
}

func (r *report) writeSize(w *strings.Builder) {
	red, hello := r.Size.Redline, r.Size.Hello
	w.WriteString("## app.wasm size\n\n")
	w.WriteString("Built with the same toolchain and flags (`-trimpath -gcflags=all=-l -ldflags=\"-s -w\"`, no inlining: smaller compressed; Redline's also names its build with `-X`, a few bytes) and compressed by the same step (cmd/precompress); the server sends brotli or gzip. 1 MB = 10⁶ bytes.\n\n")
	table(w, []string{"app.wasm", "raw", "gzip", "brotli"},
		[]string{"Redline", mb(red.Raw), mb(red.Gzip), mb(red.Brotli)},
		[]string{"go-app hello-world (bench/hello)", mb(hello.Raw), mb(hello.Gzip), mb(hello.Brotli)},
		[]string{"Redline ÷ hello-world", ratio(float64(red.Raw), float64(hello.Raw)), ratio(float64(red.Gzip), float64(hello.Gzip)), ratio(float64(red.Brotli), float64(hello.Brotli))},
		[]string{"Redline's core worker (core.wasm: parsing, diff, migration, suggestions; fetched after the first screen)", mb(r.Size.Core.Raw), mb(r.Size.Core.Gzip), mb(r.Size.Core.Brotli)},
	)
}

func (r *report) writeStart(w *strings.Builder) {
	red, hello := r.Start.Redline, r.Start.Hello
	w.WriteString("## Start-up\n\n")
	fmt.Fprintf(w, "Time from navigation start to the first screen mounted by the wasm client (the library, or the hello-world's heading), %d runs each. "+
		"First visit: a fresh server and browser profile, so the page, scripts and app.wasm are downloaded, compiled and run. "+
		"Offline reload: once the service worker has cached the app, the server is stopped and the page reloaded.\n\n", len(red.First))
	table(w, []string{"", "first visit", "offline reload"},
		[]string{"Redline", spread(red.First), spread(red.Offline)},
		[]string{"go-app hello-world", spread(hello.First), spread(hello.Offline)},
		[]string{"Redline ÷ hello-world", ratio(median(red.First), median(hello.First)), ratio(median(red.Offline), median(hello.Offline))},
	)
}

func (r *report) writeDiff(w *strings.Builder) {
	d := r.Field.Diff
	e := r.Pair.Edits
	w.WriteString("## Word diff of a 100 KB revision\n\n")
	fmt.Fprintf(w, "Both diff the same two strings in the same page (the test data below: %d paragraphs deleted, %d moved, %s words replaced), one warm-up run then %d timed runs each, alternating. "+
		"Redline: `revision.Compute` compiled to wasm (bench/wasm): words, spaces and punctuation as tokens, go-diff, semantic cleanup; the time includes passing the strings into wasm. "+
		"diff-match-patch 1.0.5: `diff_main` then `diff_cleanupSemantic` with the library's defaults (character level, line pre-pass, `Diff_Timeout` %.0f s), as NewsDiffs uses it. "+
		"\"Changes\" counts runs of deleted or inserted text a reader is shown; \"marked\" the characters (code points) they cover.\n\n",
		e.ParagraphsDeleted, e.ParagraphsMoved, thousands(e.WordsReplaced), len(d.Redline.MS), d.TimeoutMS/1000)
	table(w, []string{"", "time", "changes", "characters marked"},
		[]string{"Redline (wasm)", spread(d.Redline.MS), thousands(d.Redline.Result.Changes), thousands(d.Redline.Result.Marked)},
		[]string{"diff-match-patch 1.0.5", spread(d.DMP.MS), thousands(d.DMP.Result.Changes), thousands(d.DMP.Result.Marked)},
		[]string{"Redline ÷ diff-match-patch", ratio(median(d.Redline.MS), median(d.DMP.MS)), ratio(float64(d.Redline.Result.Changes), float64(d.DMP.Result.Changes)), ratio(float64(d.Redline.Result.Marked), float64(d.DMP.Result.Marked))},
	)
	if slices.Max(d.DMP.MS) >= d.TimeoutMS {
		w.WriteString("diff-match-patch reached its timeout in some runs: past it, it returns a coarser diff.\n\n")
	}
}

func (r *report) writeAnchor(w *strings.Builder) {
	a := r.Field.Anchor
	n := len(r.Pair.Annotations)
	red, hyp := verdicts(r.Pair, a.Redline.Result), verdicts(r.Pair, a.Hypothesis.Result)
	fmt.Fprintf(w, "## Carrying %s annotations to the revision\n\n", thousands(n))
	fmt.Fprintf(w, "The same %s annotations (quote, prefix, suffix, old position) carried onto the same revision in the same page, one warm-up run then %d timed runs each, alternating. "+
		"Redline: `migrate.Migrate` compiled to wasm: one word diff of the two texts, then every annotation mapped through it; the time includes the diff and passing the annotations in and the places out as JSON. "+
		"Hypothesis: each annotation on its own, as hypothesis/client anchors it (html.ts, match-quote.ts): its old position if the text there is still the quote, else the exact quote or, failing that, an approximate search with approx-string-match 2.0.0 allowing min(256, length/2) errors, the candidates scored on quote, prefix, suffix and position (bench/web/match-quote.js restates it).\n\n",
		thousands(n), len(a.Redline.MS))
	header := []string{"", "time"}
	for _, v := range corpus.Verdicts {
		header = append(header, verdictNames[v])
	}
	row := func(name string, ms timings, c counts) []string {
		out := []string{name, spread(ms)}
		for _, v := range corpus.Verdicts {
			out = append(out, thousands(c.total(v)))
		}
		return out
	}
	ratios := []string{"Redline ÷ Hypothesis", ratio(median(a.Redline.MS), median(a.Hypothesis.MS))}
	for range corpus.Verdicts {
		ratios = append(ratios, "")
	}
	table(w, header,
		row("Redline (wasm)", a.Redline.MS, red),
		row("Hypothesis's anchoring (JS)", a.Hypothesis.MS, hyp),
		ratios,
	)
	w.WriteString("Each annotation is judged against where its words truly are in the revision (the generator knows): " +
		"*right*: on exactly its words; *near*: overlapping them, edges off; *wrong words*: on other words, or on any words when its own were deleted; " +
		"*lost*: orphaned although its words are still there; *rightly orphaned*: its words were deleted. By what the revision did to the annotated words " +
		"(right / near / wrong words / lost / rightly orphaned):\n\n")
	var rows [][]string
	for _, f := range []corpus.Fate{corpus.Kept, corpus.Moved, corpus.Edited, corpus.Deleted} {
		rows = append(rows, []string{fmt.Sprintf("%s (%s)", fateNames[f], thousands(red.fate(f))), red.cells(f), hyp.cells(f)})
	}
	table(w, []string{"the words were", "Redline", "Hypothesis"}, rows...)
	fmt.Fprintf(w, "Of the wrong words, Redline put %s and Hypothesis %s on a word-for-word copy of the quote elsewhere. "+
		"The article repeats the sample's paragraphs, so %s of the %s quotes occur with their whole recorded context more than once in the old text, "+
		"and a sentence deleted in one copy may stand in another: from the texts alone that looks like a move.\n\n",
		thousands(onCopies(r.Pair, a.Redline.Result)), thousands(onCopies(r.Pair, a.Hypothesis.Result)), thousands(repeatedQuotes(r.Pair)), thousands(n))
}

// onCopies counts the annotations placed on other words that read exactly
// as the quote.
func onCopies(p corpus.Pair, placed []*[2]int) int {
	idx := span.NewIndex(p.New)
	n := 0
	for i, a := range p.Annotations {
		if at := placed[i]; at != nil {
			s := span.Span{Start: at[0], End: at[1]}
			if a.Judge(s, true) == corpus.Wrong && idx.Slice(s) == a.Exact {
				n++
			}
		}
	}
	return n
}

// repeatedQuotes counts the annotations whose prefix, quote and suffix
// together occur more than once in the old text.
func repeatedQuotes(p corpus.Pair) int {
	n := 0
	for _, a := range p.Annotations {
		if strings.Count(p.Old, a.Prefix+a.Exact+a.Suffix) > 1 {
			n++
		}
	}
	return n
}

func (r *report) writeTagging(w *strings.Builder) {
	w.WriteString("## Tagging latency\n\n")
	fmt.Fprintf(w, "In the real app: the 100 KB old text added as a story, its %s annotations imported through the Import… dialog (pasted JSON), then three words selected and q pressed, one warm-up run then %d timed runs, each in another paragraph. "+
		"*Keypress to highlight* is the time from the keydown event to the new annotation's `<mark>` in the DOM (a MutationObserver in the page): the app draws it in the keydown's own dispatch, saying it is being saved (`data-saving`), with a copy in localStorage until its IndexedDB write commits. "+
		"*To stored* is the time to its mark drawn without `data-saving`: the IndexedDB write committed and the paragraph drawn again.\n\n",
		thousands(r.Shown), len(r.Tagging.Shown))
	table(w, []string{"", "keypress to highlight", "to stored"},
		[]string{fmt.Sprintf("Redline, %s annotations on the page", thousands(r.Shown)), spread(r.Tagging.Shown), spread(r.Tagging.Stored)},
	)
	w.WriteString("There is no peer in this row: no other annotator runs on this page, so its figure stands alone.\n\n")
}

func (r *report) writeRevision(w *strings.Builder) {
	w.WriteString("## Adding a revision in the app\n\n")
	fmt.Fprintf(w, "In the real app: the old text added as a story with its %s annotations imported, then the revision given to the story view's file input, %d runs (each on a fresh story). "+
		"*Diff on screen* is the time from the input's change event to `#diff` in the DOM: the app parses the file, diffs it against the latest revision and carries every annotation over, shows the diff, then stores the revision with the carried annotations in one IndexedDB transaction and shows them. "+
		"*Longest block* is the longest task from the change event until the revision is stored and every mark on it drawn (the status says it was added and no mark is still being saved), plus 300 ms (PerformanceObserver `longtask`): how long the page could not answer input at a stretch. "+
		"The parse, diff and carry run in the core's worker; the page decodes the answer, stores it and draws, yielding to the browser between chunks.\n\n",
		thousands(r.Shown), len(r.Revision.Shown))
	table(w, []string{"", "diff on screen", "longest block", "annotations on the new revision"},
		[]string{"Redline", spread(r.Revision.Shown), spread(r.Revision.Longest), thousands(r.Revision.Carried)},
	)
}

func (r *report) writeData(w *strings.Builder) {
	p := r.Pair
	e := p.Edits
	fmt.Fprintf(w, "## Test data\n\n")
	fmt.Fprintf(w, "Generated by bench/corpus from a fixed seed: the sample article's paragraphs (testdata/putin-prayed-2025-03-23.txt) repeated until the text holds %s bytes (%s code points), "+
		"every round after the first shuffled and with a fifth of its words replaced, so the copies differ but share many phrases (the text reads garbled from the second round on; what matters here is that it is prose-like and seldom repeats a quote with its context). "+
		"The revision deletes %d paragraphs, moves %d elsewhere and replaces %s words (%s bytes). "+
		"The %s annotations are 2 to 12 words long (%s kept, %s in moved paragraphs, %s edited, %s deleted), each with a 32-character prefix and suffix and its position, as Redline records them. "+
		"Both sides get the same JSON; the truth stays in Go.\n\n",
		thousands(len(p.Old)), thousands(span.NewIndex(p.Old).Len()), e.ParagraphsDeleted, e.ParagraphsMoved, thousands(e.WordsReplaced), thousands(len(p.New)),
		thousands(len(p.Annotations)), thousands(countFate(p, corpus.Kept)), thousands(countFate(p, corpus.Moved)), thousands(countFate(p, corpus.Edited)), thousands(countFate(p, corpus.Deleted)))
}

func (r *report) writeCore(w *strings.Builder) {
	if r.Core == "" {
		return
	}
	w.WriteString("## Go core, native\n\n`go test -run '^$' -bench . -benchmem ./internal/...` on the same machine, just before.\n\n```\n")
	for line := range strings.Lines(r.Core) {
		if strings.HasPrefix(line, "Benchmark") || strings.HasPrefix(line, "pkg:") {
			w.WriteString(line)
		}
	}
	w.WriteString("```\n")
}

// counts is how many annotations got each verdict, by what happened to
// their words.
type counts map[corpus.Fate]map[corpus.Verdict]int

// verdicts judges a tool's placements (code points; nil: orphaned).
func verdicts(p corpus.Pair, placed []*[2]int) counts {
	c := counts{}
	for i, a := range p.Annotations {
		var v corpus.Verdict
		if at := placed[i]; at != nil {
			v = a.Judge(span.Span{Start: at[0], End: at[1]}, true)
		} else {
			v = a.Judge(span.Span{}, false)
		}
		if c[a.Fate] == nil {
			c[a.Fate] = map[corpus.Verdict]int{}
		}
		c[a.Fate][v]++
	}
	return c
}

func (c counts) total(v corpus.Verdict) int {
	n := 0
	for _, byVerdict := range c {
		n += byVerdict[v]
	}
	return n
}

func (c counts) fate(f corpus.Fate) int {
	n := 0
	for _, k := range c[f] {
		n += k
	}
	return n
}

// cells is one fate's verdicts as "right / near / wrong / lost / orphaned".
func (c counts) cells(f corpus.Fate) string {
	var parts []string
	for _, v := range corpus.Verdicts {
		parts = append(parts, thousands(c[f][v]))
	}
	return strings.Join(parts, " / ")
}

func countFate(p corpus.Pair, f corpus.Fate) int {
	n := 0
	for _, a := range p.Annotations {
		if a.Fate == f {
			n++
		}
	}
	return n
}

var verdictNames = map[corpus.Verdict]string{
	corpus.Right: "right", corpus.Near: "near", corpus.Wrong: "wrong words",
	corpus.Lost: "lost", corpus.Orphaned: "rightly orphaned",
}

var fateNames = map[corpus.Fate]string{
	corpus.Kept: "kept", corpus.Moved: "moved with their paragraph",
	corpus.Edited: "partly replaced", corpus.Deleted: "deleted",
}

// table writes a Markdown table; columns after the first are right-aligned.
func table(w *strings.Builder, header []string, rows ...[]string) {
	w.WriteString("| " + strings.Join(header, " | ") + " |\n|---")
	for range header[1:] {
		w.WriteString("|--:")
	}
	w.WriteString("|\n")
	for _, r := range rows {
		w.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	w.WriteString("\n")
}

// spread is a median time with the fastest and slowest runs.
func spread(t timings) string {
	if len(t) == 0 {
		return "not measured"
	}
	return fmt.Sprintf("%s (%s–%s)", ms(median(t)), msBare(slices.Min(t)), msBare(slices.Max(t)))
}

func ms(x float64) string { return msBare(x) + " ms" }

func msBare(x float64) string {
	if x < 10 {
		return fmt.Sprintf("%.1f", x)
	}
	return thousands(int(x + 0.5))
}

func mb(n int64) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }

func ratio(a, b float64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

// thousands writes n with comma separators, as the rest of the docs do.
func thousands(n int) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
