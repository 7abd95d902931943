package revision

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/span"
)

// Sentences from the sample article (testdata/putin-prayed-2025-03-23.txt).
const (
	lede   = "Russian President Vladimir Putin prayed for Donald Trump following an assassination attempt during the 2024 US presidential campaign, according to US special envoy Steve Witkoff."
	praise = "Witkoff praised Putin’s willingness to engage in dialogue, calling him “super smart” and not “a bad guy.”"
	talks  = "He emphasised the importance of communication in resolving conflicts, including the war in Ukraine."
	gains  = "He added that Russia appears content with its current territorial gains and has no intention of expanding further."
	issue  = "The key issue in the Ukraine conflict, according to Witkoff, is Russia’s claim to four eastern regions—Donetsk, Luhansk, Zaporizhzhia, and Kherson."
)

func TestCompute(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string // inline rendering of the diff
		stats    Stats
	}{
		{"identical", lede, lede, lede, Stats{}},
		{"insert word", "Putin prayed for Trump.", "Putin reportedly prayed for Trump.",
			"Putin {+reportedly +}prayed for Trump.", Stats{WordsAdded: 1, ParagraphsTouched: 1, Changes: 1}},
		{"delete words", lede, strings.Replace(lede, " special envoy", "", 1),
			strings.Replace(lede, "special envoy ", "[-special envoy -]", 1), Stats{WordsRemoved: 2, ParagraphsTouched: 1, Changes: 1}},
		{"replace word", praise, strings.Replace(praise, "super", "very", 1),
			strings.Replace(praise, "super", "[-super-]{+very+}", 1), Stats{WordsAdded: 1, WordsRemoved: 1, ParagraphsTouched: 1, Changes: 1}},
		{"replace a phrase as one change, not word salad", "he said a b c today", "he said x y z today",
			"he said [-a b c-]{+x y z+} today", Stats{WordsAdded: 3, WordsRemoved: 3, ParagraphsTouched: 1, Changes: 1}},
		{"two separate edits", "Putin prayed for Trump in a church.", "Putin prayed for Biden in a chapel.",
			"Putin prayed for [-Trump-]{+Biden+} in a [-church-]{+chapel+}.", Stats{WordsAdded: 2, WordsRemoved: 2, ParagraphsTouched: 1, Changes: 2}},
		{"punctuation edit", "calling him “super smart” and not “a bad guy.”", "calling him “super smart,” and not “a bad guy”.",
			"calling him “super smart{+,+}” and not “a bad guy[-.”-]{+”.+}", Stats{ParagraphsTouched: 1, Changes: 2}},
		{"dash is not noise", issue, strings.Replace(issue, "—", " – ", 1),
			strings.Replace(issue, "—", "[-—-]{+ – +}", 1), Stats{ParagraphsTouched: 1, Changes: 1}},
		{"apostrophe inside a word is one word", "Putin’s claim", "Putin claim",
			"[-Putin’s-]{+Putin+} claim", Stats{WordsAdded: 1, WordsRemoved: 1, ParagraphsTouched: 1, Changes: 1}},
		{"hyphenated word is one word", "US-Russia relations", "US–Russia relations",
			"[-US-Russia-]{+US–Russia+} relations", Stats{WordsAdded: 2, WordsRemoved: 1, ParagraphsTouched: 1, Changes: 1}},
		{"curly versus straight quotes", "“super smart” and Putin’s ‘friend’", `"super smart" and Putin's 'friend'`,
			`"super smart" and Putin's 'friend'`, Stats{}},
		{"whitespace only", "super  smart\nand\u00a0not bad", "super smart and not\u2009bad",
			"super smart and not\u2009bad", Stats{}},
		{"NFD versus NFC", "cafe\u0301 au lait", "café au lait", "café au lait", Stats{}},
		{"paragraph break is not noise", "One.\n\nTwo.", "One. Two.",
			"One.[-\n\n-]{+ +}Two.", Stats{ParagraphsTouched: 1, Changes: 1}},
		{"moved paragraph", talks + "\n\n" + gains + "\n\n" + lede, gains + "\n\n" + talks + "\n\n" + lede,
			"{moved to ¶2}[-" + talks + "\n\n-]" + gains + "\n\n{moved from ¶1}{~" + talks + "~}{+\n\n+}" + lede, Stats{WordsAdded: 14, WordsRemoved: 14, ParagraphsTouched: 2, Changes: 2, ParagraphsMoved: 1}},
		{"short paragraph moved across edited ones", "Read more.\n\n" + praise + "\n\n" + issue + "\n\n" + lede,
			strings.Replace(praise, "dialogue", "talks", 1) + "\n\n" + strings.Replace(issue, "four", "five", 1) + "\n\nRead more.\n\n" + lede,
			"{moved to ¶3}[-Read more.\n\n-]" + strings.Replace(praise, "dialogue", "[-dialogue-]{+talks+}", 1) + "\n\n" +
				strings.Replace(issue, "four", "[-four-]{+five+}", 1) + "\n\n{moved from ¶1}{~Read more.~}{+\n\n+}" + lede,
			Stats{WordsAdded: 4, WordsRemoved: 4, ParagraphsTouched: 4, Changes: 4, ParagraphsMoved: 1}},
		{"paragraph moved and edited", talks + "\n\n" + gains + "\n\n" + lede, gains + "\n\n" + strings.Replace(talks, "resolving", "ending", 1) + "\n\n" + lede,
			"{moved to ¶2}[-" + talks + "\n\n-]" + gains + "\n\n{moved from ¶1}{~" + strings.Replace(talks, "resolving", "[-resolving-]{+ending+}", 1) + "~}{+\n\n+}" + lede,
			Stats{WordsAdded: 14, WordsRemoved: 14, ParagraphsTouched: 2, Changes: 2, ParagraphsMoved: 1}},
		{"sentence moved within its paragraph", talks + " " + gains + " " + issue, gains + " " + issue + " " + talks,
			"{moved to ¶1, sentence 3}[-" + talks + " -]" + gains + " " + issue + "{+ +}{moved from ¶1, sentence 1}{~" + talks + "~}",
			Stats{WordsAdded: 14, WordsRemoved: 14, ParagraphsTouched: 1, Changes: 2, SentencesMoved: 1}},
		{"sentence moved and edited shows its edits", talks + " " + gains + " " + issue, gains + " " + issue + " " + strings.Replace(talks, "resolving", "ending", 1),
			"{moved to ¶1, sentence 3}[-" + talks + " -]" + gains + " " + issue + "{+ +}{moved from ¶1, sentence 1}{~" + strings.Replace(talks, "resolving", "[-resolving-]{+ending+}", 1) + "~}",
			Stats{WordsAdded: 14, WordsRemoved: 14, ParagraphsTouched: 1, Changes: 2, SentencesMoved: 1}},
		{"sentence moved to another paragraph", talks + " " + gains + "\n\n" + issue, gains + "\n\n" + issue + " " + talks,
			"{moved to ¶2, sentence 2}[-" + talks + " -]" + gains + "\n\n" + issue + "{+ +}{moved from ¶1, sentence 1}{~" + talks + "~}",
			Stats{WordsAdded: 14, WordsRemoved: 14, ParagraphsTouched: 2, Changes: 2, SentencesMoved: 1}},
		{"sentence rewritten where it stood is an edit, not a move", talks + " " + gains, strings.Replace(talks, "communication", "talking", 1) + " " + gains,
			strings.Replace(talks, "communication", "[-communication-]{+talking+}", 1) + " " + gains,
			Stats{WordsAdded: 1, WordsRemoved: 1, ParagraphsTouched: 1, Changes: 1}},
		{"short sentence is not shown moved", "He declined. " + gains + " " + issue, gains + " He declined. " + issue,
			"[-He declined. -]" + gains + "{+ He declined.+} " + issue,
			Stats{WordsAdded: 2, WordsRemoved: 2, ParagraphsTouched: 1, Changes: 2}},
		{"deleted paragraph", "Alpha one.\n\nBeta two.\n\nGamma three.", "Alpha one.\n\nGamma three.",
			"Alpha one.\n\n[-Beta two.\n\n-]Gamma three.", Stats{WordsRemoved: 2, ParagraphsTouched: 1, Changes: 1}},
		{"added paragraph", "Alpha one.", "Alpha one.\n\nBeta two.",
			"Alpha one.{+\n\nBeta two.+}", Stats{WordsAdded: 2, ParagraphsTouched: 1, Changes: 1}},
		{"edits at a paragraph seam stay apart", "Alpha one.\n\nBeta two.", "Alpha uno.\n\nBeta dos.",
			"Alpha [-one-]{+uno+}.\n\nBeta [-two-]{+dos+}.", Stats{WordsAdded: 2, WordsRemoved: 2, ParagraphsTouched: 2, Changes: 2}},
		{"emoji", "I 😀 it", "I 😍 it", "I [-😀-]{+😍+} it", Stats{ParagraphsTouched: 1, Changes: 1}},
		{"flag is never split", "go 🇫🇷 team", "go 🇫🇮 team", "go [-🇫🇷-]{+🇫🇮+} team", Stats{ParagraphsTouched: 1, Changes: 1}},
		{"combining mark is part of the word", "cafe\u0301 noir", "cafe noir",
			"[-cafe\u0301-]{+cafe+} noir", Stats{WordsAdded: 1, WordsRemoved: 1, ParagraphsTouched: 1, Changes: 1}},
		{"astral letters", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 texts", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 [-text-]{+texts+}",
			Stats{WordsAdded: 1, WordsRemoved: 1, ParagraphsTouched: 1, Changes: 1}},
		{"from empty", "", "Alpha one.", "{+Alpha one.+}", Stats{WordsAdded: 2, ParagraphsTouched: 1, Changes: 1}},
		{"to empty", "Alpha one.", "", "[-Alpha one.-]", Stats{WordsRemoved: 2, ParagraphsTouched: 1, Changes: 1}},
		{"both empty", "", "", "", Stats{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compute(tt.old, tt.new)
			checkDiff(t, d, tt.old, tt.new)
			if got := inline(d); got != tt.want {
				t.Errorf("diff\n got %q\nwant %q", got, tt.want)
			}
			if d.Stats != tt.stats {
				t.Errorf("stats = %+v, want %+v", d.Stats, tt.stats)
			}
		})
	}
}

// TestComputeOffsetsAreCodePoints pins the ops of a text where code points,
// bytes and UTF-16 units all differ.
func TestComputeOffsetsAreCodePoints(t *testing.T) {
	old := "𝔘 🇫🇷 e\u0301 😀 x"
	new := "𝔘 🇫🇷 e\u0301 😍 x"
	want := []Op{
		{Equal, span.Span{Start: 0, End: 8}, span.Span{Start: 0, End: 8}},
		{Delete, span.Span{Start: 8, End: 9}, span.Span{Start: 8, End: 8}},
		{Insert, span.Span{Start: 9, End: 9}, span.Span{Start: 8, End: 9}},
		{Equal, span.Span{Start: 9, End: 11}, span.Span{Start: 9, End: 11}},
	}
	d := Compute(old, new)
	if len(d.Ops) != len(want) {
		t.Fatalf("ops = %v, want %v", d.Ops, want)
	}
	for i := range want {
		if d.Ops[i] != want[i] {
			t.Errorf("op %d = %v, want %v", i, d.Ops[i], want[i])
		}
	}
	if got := d.Text(d.Ops[1]); got != "😀" {
		t.Errorf("deleted text = %q", got)
	}
}

// TestComputeTokenCodesRunOut checks that tokens sharing the overflow code
// are still told apart.
func TestComputeTokenCodesRunOut(t *testing.T) {
	old, new := "alpha beta gamma delta", "alpha beta gamma epsilon"
	d := compute(old, new, 3) // two codes of their own, then all share one
	checkDiff(t, d, old, new)
	if got, want := inline(d), "alpha beta gamma [-delta-]{+epsilon+}"; got != want {
		t.Errorf("diff = %q, want %q", got, want)
	}
}

func TestHunks(t *testing.T) {
	d := Compute("Putin prayed for Trump in a church.", "Putin prayed for Biden in a chapel.")
	hunks := d.Hunks()
	want := []struct{ old, new string }{{"Trump", "Biden"}, {"church", "chapel"}}
	if len(hunks) != len(want) {
		t.Fatalf("%d hunks, want %d", len(hunks), len(want))
	}
	for i, h := range hunks {
		if got := d.old.Slice(h.Old); got != want[i].old {
			t.Errorf("hunk %d old = %q, want %q", i, got, want[i].old)
		}
		if got := d.new.Slice(h.New); got != want[i].new {
			t.Errorf("hunk %d new = %q, want %q", i, got, want[i].new)
		}
		if len(h.Ops) != 2 || h.Ops[0].Kind != Delete || h.Ops[1].Kind != Insert {
			t.Errorf("hunk %d ops = %v, want delete then insert", i, h.Ops)
		}
	}
}

// checkDiff checks every invariant of a diff of a against b: ops cover
// both texts contiguously, Equal ops join texts that are equal up to
// typographic noise, hunks are the non-equal runs, Apply round-trips and
// MapPos is monotonic and in bounds.
func checkDiff(t *testing.T, d *Diff, a, b string) {
	t.Helper()
	oldIx, newIx := span.NewIndex(a), span.NewIndex(b)
	o, n, hunks := 0, 0, 0
	for i, op := range d.Ops {
		if op.Old.Start != o || op.New.Start != n || op.Old.Len() < 0 || op.New.Len() < 0 {
			t.Fatalf("op %d %v does not continue at old %d, new %d", i, op, o, n)
		}
		switch op.Kind {
		case Equal:
			if normalised(oldIx.Slice(op.Old)) != normalised(newIx.Slice(op.New)) {
				t.Errorf("equal op %d joins %q and %q", i, oldIx.Slice(op.Old), newIx.Slice(op.New))
			}
		case Insert:
			if !op.Old.Empty() || op.New.Empty() {
				t.Errorf("insert op %d has spans %v %v", i, op.Old, op.New)
			}
		case Delete:
			if op.Old.Empty() || !op.New.Empty() {
				t.Errorf("delete op %d has spans %v %v", i, op.Old, op.New)
			}
		}
		if op.Kind != Equal && (i == 0 || d.Ops[i-1].Kind == Equal) {
			hunks++
		}
		o, n = op.Old.End, op.New.End
	}
	if o != oldIx.Len() || n != newIx.Len() {
		t.Fatalf("ops end at %d, %d; texts have %d, %d code points", o, n, oldIx.Len(), newIx.Len())
	}
	if hunks != len(d.Hunks()) || hunks != d.Stats.Changes {
		t.Errorf("%d non-equal runs, %d hunks, Stats.Changes %d", hunks, len(d.Hunks()), d.Stats.Changes)
	}
	if got := d.Apply(a); got != b {
		t.Fatalf("Apply = %q, want %q", got, b)
	}
	for _, bias := range []Bias{BiasBefore, BiasAfter} {
		prev := 0
		for p := 0; p <= oldIx.Len(); p++ {
			q := d.MapPos(p, bias)
			if q < prev || q > newIx.Len() {
				t.Fatalf("MapPos(%d, %d) = %d after %d (new text has %d)", p, bias, q, prev, newIx.Len())
			}
			prev = q
		}
	}
	checkMovesAndRows(t, d, oldIx, newIx)
}

// checkMovesAndRows checks that every move joins distinct passages whose
// own edits rebuild the new one from the old, and that the side-by-side
// rows cover every paragraph of both texts once, in order.
func checkMovesAndRows(t *testing.T, d *Diff, oldIx, newIx *span.Index) {
	t.Helper()
	if d.Stats.ParagraphsMoved+d.Stats.SentencesMoved != len(d.Moves) {
		t.Errorf("Stats.ParagraphsMoved %d + SentencesMoved %d, %d moves", d.Stats.ParagraphsMoved, d.Stats.SentencesMoved, len(d.Moves))
	}
	seenOld, seenNew := map[span.Span]bool{}, map[span.Span]bool{}
	for _, m := range d.Moves {
		if seenOld[m.Old] || seenNew[m.New] || m.Similarity < MinMoveSimilarity {
			t.Errorf("move %+v reuses a paragraph or is too dissimilar", m)
		}
		seenOld[m.Old], seenNew[m.New] = true, true
		var b strings.Builder
		for _, op := range m.Ops {
			if op.Kind != Delete {
				b.WriteString(newIx.Slice(op.New))
			}
		}
		if b.String() != newIx.Slice(m.New) {
			t.Errorf("move %v→%v: its ops give %q, not %q", m.Old, m.New, b.String(), newIx.Slice(m.New))
		}
	}
	oldNext, newNext := 0, 0
	for _, r := range d.Rows() {
		if r.OldParas[0] != oldNext || r.NewParas[0] != newNext || r.OldParas == [2]int{oldNext, oldNext} && r.NewParas == [2]int{newNext, newNext} {
			t.Fatalf("row %+v does not continue at old ¶%d, new ¶%d", r, oldNext, newNext)
		}
		oldNext, newNext = r.OldParas[1], r.NewParas[1]
	}
	if oldNext != len(d.Paragraphs(true)) || newNext != len(d.Paragraphs(false)) {
		t.Errorf("rows end at ¶%d, ¶%d of %d, %d", oldNext, newNext, len(d.Paragraphs(true)), len(d.Paragraphs(false)))
	}
	var buf strings.Builder
	if err := WriteSideBySideHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(&buf, d); err != nil {
		t.Fatal(err)
	}
}

// normalised is a text as the diff compares it.
func normalised(s string) string {
	var b strings.Builder
	for _, t := range tokenize(s, newCoder(maxCodes)) {
		b.WriteString(tokenKey(s[t.bstart:t.bend], t.space))
	}
	return b.String()
}

// spanOf is the code-point span of the first occurrence of sub in s.
func spanOf(t *testing.T, s, sub string) span.Span {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, s)
	}
	start := utf8.RuneCountInString(s[:i])
	return span.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
}
