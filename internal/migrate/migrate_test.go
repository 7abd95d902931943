package migrate

import (
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// want is the expected fate of one annotation: its status and new text,
// found at the nth (from 0) occurrence of after in the new text.
type want struct {
	status annotation.Status
	after  string
	nth    int
}

func orphaned() want { return want{status: annotation.StatusOrphaned} }

const (
	emphasised = "He emphasised the importance of communication in resolving conflicts, including the war in Ukraine."
	intention  = "Russia appears content with its current territorial gains and has no intention of expanding further"
)

var migrateTests = []struct {
	name   string
	old    string // "" for the sample article
	edits  []edit
	quotes []quoteAt
	want   []want
}{
	{
		name:   "untouched quotes stay intact",
		edits:  []edit{replace("future negotiations.", "future negotiations.\n\nThe Kremlin did not respond to a request for comment.")},
		quotes: []quoteAt{{"“super smart”", 0}, {"the elephant in the room", 0}, {"Russian President Vladimir Putin", 0}},
		want: []want{
			{annotation.StatusIntact, "“super smart”", 0},
			{annotation.StatusIntact, "the elephant in the room", 0},
			{annotation.StatusIntact, "Russian President Vladimir Putin", 0},
		},
	},
	{
		name:   "a sentence edited around an untouched quote shifts it",
		edits:  []edit{replace("Witkoff noted that resolving", "Witkoff, speaking on Friday to a packed studio, said that resolving"), replace("Russian President", "Russia’s president,")},
		quotes: []quoteAt{{"the elephant in the room", 0}, {"Vladimir Putin prayed for Donald Trump", 0}},
		want: []want{
			{annotation.StatusIntact, "the elephant in the room", 0},
			{annotation.StatusIntact, "Vladimir Putin prayed for Donald Trump", 0},
		},
	},
	{
		name:   "a moved paragraph is moved",
		edits:  []edit{moveParagraph("He emphasised", "The assassination attempt on Trump")},
		quotes: []quoteAt{{"the importance of communication", 0}, {emphasised, 0}, {"“super smart”", 0}, {"no intention of expanding", 0}},
		want: []want{
			{annotation.StatusMoved, "the importance of communication", 0},
			{annotation.StatusMoved, emphasised, 0},
			{annotation.StatusIntact, "“super smart”", 0},
			{annotation.StatusIntact, "no intention of expanding", 0},
		},
	},
	{
		name:   "a moved paragraph with straightened quotes is moved",
		edits:  []edit{moveParagraph("The revelation comes", "As diplomatic efforts"), replaceAll("“", `"`), replaceAll("”", `"`)},
		quotes: []quoteAt{{"calling him “super smart” and not “a bad guy.”", 0}},
		want:   []want{{annotation.StatusMoved, `calling him "super smart" and not "a bad guy."`, 0}},
	},
	{
		name:   "a reworded quote is changed",
		edits:  []edit{replace("super smart", "very smart")},
		quotes: []quoteAt{{"super smart", 0}, {"“super smart”", 0}, {"calling him “super smart” and not “a bad guy.”", 0}, {"super", 0}},
		want: []want{
			{annotation.StatusChanged, "very smart", 0},
			{annotation.StatusChanged, "“very smart”", 0},
			{annotation.StatusChanged, "calling him “very smart” and not “a bad guy.”", 0},
			orphaned(), // one word replaced by another keeps nothing
		},
	},
	{
		name:   "a quote reworded with a longer word or a reversed meaning is changed",
		edits:  []edit{replace("super smart", "extremely smart"), replace("a bad guy", "a good guy")},
		quotes: []quoteAt{{"super smart", 0}, {"a bad guy", 0}},
		want: []want{
			{annotation.StatusChanged, "extremely smart", 0},
			{annotation.StatusChanged, "a good guy", 0},
		},
	},
	{
		name:   "a cut quote is changed",
		edits:  []edit{replace("“super smart”", "“smart”")},
		quotes: []quoteAt{{"super smart", 0}},
		want:   []want{{annotation.StatusChanged, "smart", 0}},
	},
	{
		name:   "a deleted quote is orphaned",
		edits:  []edit{replace("Read more: After Trump request, Putin says he will let Ukraine troops in Kursk live if they surrender\n\n", "")},
		quotes: []quoteAt{{"Putin says he will let Ukraine troops in Kursk live", 0}, {"Read more", 0}, {"the war in Ukraine", 0}},
		want:   []want{orphaned(), orphaned(), {annotation.StatusIntact, "the war in Ukraine", 0}},
	},
	{
		name: "a deleted short quote is not moved onto the same word written afresh",
		edits: []edit{
			replace("Witkoff noted that resolving the status of these regions is crucial for peace talks, describing it as “the elephant in the room.”\n\n", ""),
			replace("future negotiations.", "future negotiations.\n\nWitkoff declined to comment further."),
		},
		quotes: []quoteAt{{"Witkoff", 5}, {"Witkoff noted", 0}},
		want:   []want{orphaned(), orphaned()},
	},
	{
		name:   "one word edited in a long claim is changed",
		edits:  []edit{replace("no intention of", "no plans of")},
		quotes: []quoteAt{{intention, 0}},
		want:   []want{{annotation.StatusChanged, "Russia appears content with its current territorial gains and has no plans of expanding further", 0}},
	},
	{
		name:   "a rewritten paragraph is orphaned",
		edits:  []edit{replace(emphasised, "Talking, in his view, is how every war ends, and this one too.")},
		quotes: []quoteAt{{emphasised, 0}, {"the importance of communication", 0}},
		want:   []want{orphaned(), orphaned()},
	},
	{
		name:   "a corrected spelling is changed",
		edits:  []edit{replace("Zelenskyy", "Zelensky")},
		quotes: []quoteAt{{"Zelenskyy", 0}, {"President Volodymyr Zelenskyy opposes", 0}},
		want: []want{
			{annotation.StatusChanged, "Zelensky", 0},
			{annotation.StatusChanged, "President Volodymyr Zelensky opposes", 0},
		},
	},
	{
		name:   "a moved and edited paragraph is changed",
		edits:  []edit{moveParagraph("He emphasised", "The assassination attempt on Trump"), replace("resolving conflicts", "ending conflicts")},
		quotes: []quoteAt{{emphasised, 0}},
		want:   []want{{annotation.StatusChanged, "He emphasised the importance of communication in ending conflicts, including the war in Ukraine.", 0}},
	},
	{
		name:   "typographic changes are intact",
		edits:  []edit{replaceAll("“", `"`), replaceAll("”", `"`), replaceAll("’", "'"), replace("Tucker Carlson", "Tucker  Carlson")},
		quotes: []quoteAt{{"“super smart”", 0}, {"Speaking on Tucker Carlson’s podcast", 0}, {"Russia’s claim", 0}},
		want: []want{
			{annotation.StatusIntact, `"super smart"`, 0},
			{annotation.StatusIntact, "Speaking on Tucker  Carlson's podcast", 0},
			{annotation.StatusIntact, "Russia's claim", 0},
		},
	},
	{
		// "Vladimir Putin prayed for" is in the first and the fifth paragraphs.
		name:   "a repeated phrase keeps to its occurrence when the other is edited",
		edits:  []edit{replace("Russian President Vladimir Putin prayed for Donald Trump", "Russian President Vladimir Putin, a churchgoer, prayed for Donald Trump")},
		quotes: []quoteAt{{"Vladimir Putin prayed for", 1}},
		want:   []want{{annotation.StatusIntact, "Vladimir Putin prayed for", 0}},
	},
	{
		name:   "a deleted repeated phrase does not jump to the other occurrence",
		edits:  []edit{replace("Witkoff shared that Vladimir Putin prayed for Trump after the 2024 assassination attempt and this", "Witkoff shared that this")},
		quotes: []quoteAt{{"Vladimir Putin prayed for", 1}, {"Vladimir Putin prayed for", 0}},
		want:   []want{orphaned(), {annotation.StatusIntact, "Vladimir Putin prayed for", 0}},
	},
	{
		name:   "a moved repeated phrase follows its paragraph",
		edits:  []edit{moveParagraph("Witkoff shared", "Russian President")},
		quotes: []quoteAt{{"Vladimir Putin prayed for", 1}, {"Vladimir Putin prayed for", 0}},
		want: []want{
			{annotation.StatusMoved, "Vladimir Putin prayed for", 0},
			{annotation.StatusIntact, "Vladimir Putin prayed for", 1},
		},
	},
	{
		name:   "a phrase repeated in the moved paragraph's new place is told apart by context",
		edits:  []edit{moveParagraph("He emphasised", "The assassination attempt on Trump"), replace("He added that", "He emphasised the importance of communication in trade. He added that")},
		quotes: []quoteAt{{"He emphasised the importance of communication", 0}},
		want:   []want{{annotation.StatusMoved, "He emphasised the importance of communication", 1}},
	},
	{
		name: "offsets are code points around emoji, flags, combining marks and astral letters",
		old:  "Le ministre 🇫🇷 a dit: « Le cafe\u0301 est 𝔘𝔫 délice 👍🏽 ».\n\nIl a ajouté: « Nous verrons 🤷‍♀️ demain ».\n\n🇺🇦 Kyiv répond: « Jamais ».",
		edits: []edit{
			replace("Le ministre 🇫🇷", "Le 👩🏽‍💼 ministre 🇫🇷 français"),
			replace("Nous verrons", "Nous reverrons"),
			replace("\n\n🇺🇦 Kyiv répond: « Jamais ».", ""),
		},
		quotes: []quoteAt{{"cafe\u0301 est 𝔘𝔫 délice 👍🏽", 0}, {"🇫🇷", 0}, {"« Nous verrons 🤷‍♀️ demain »", 0}, {"🇺🇦", 0}},
		want: []want{
			{annotation.StatusIntact, "cafe\u0301 est 𝔘𝔫 délice 👍🏽", 0},
			{annotation.StatusIntact, "🇫🇷", 0},
			{annotation.StatusChanged, "« Nous reverrons 🤷‍♀️ demain »", 0},
			orphaned(),
		},
	},
}

func TestMigrate(t *testing.T) {
	for _, tt := range migrateTests {
		t.Run(tt.name, func(t *testing.T) {
			oldText := tt.old
			if oldText == "" {
				oldText = sampleText(t)
			}
			newText := oldText
			for _, e := range tt.edits {
				newText = e(t, newText)
			}
			anns := annotate(t, oldText, tt.quotes)
			results := Migrate(oldText, newText, nil, anns)
			if len(results) != len(tt.want) {
				t.Fatalf("%d results for %d annotations", len(results), len(tt.want))
			}
			for i, r := range results {
				checkResult(t, newText, anns[i], r, tt.want[i])
			}
		})
	}
}

// checkResult compares one result with what was wanted, and checks that
// it is consistent: offsets, selectors and the migrated annotation.
func checkResult(t *testing.T, newText string, a annotation.Annotation, r Result, w want) {
	t.Helper()
	exact := a.Target.Selector.Quote.Exact
	var wantNew span.Span
	if w.status != annotation.StatusOrphaned {
		var ok bool
		if wantNew, ok = occurrence(newText, w.after, w.nth); !ok {
			t.Fatalf("bad test: %q (occurrence %d) is not in the new text", w.after, w.nth)
		}
	}
	if r.Status != w.status || r.After != w.after || r.New != wantNew {
		t.Errorf("%q: got %s %q at %v, want %s %q at %v", exact, r.Status, r.After, r.New, w.status, w.after, wantNew)
	}
	if r.ID != a.ID || r.Before != exact || r.Old != (span.Span{Start: a.Target.Selector.Position.Start, End: a.Target.Selector.Position.End}) {
		t.Errorf("%q: id %q, before %q, old %v do not describe the annotation", exact, r.ID, r.Before, r.Old)
	}
	m := r.Annotation
	if err := m.Validate(); err != nil {
		t.Errorf("%q: migrated annotation is invalid: %v", exact, err)
	}
	if m.ID != a.ID || m.Status != r.Status || m.Before != exact {
		t.Errorf("%q: migrated annotation has id %q, status %q, before %q", exact, m.ID, m.Status, m.Before)
	}
	sel := m.Target.Selector
	if r.Status == annotation.StatusOrphaned {
		if sel.Position != nil || sel.Quote == nil || *sel.Quote != *a.Target.Selector.Quote {
			t.Errorf("%q: an orphan should keep its old quote selector only, got %+v %+v", exact, sel.Quote, sel.Position)
		}
		return
	}
	if sel.Position == nil || sel.Position.Start != r.New.Start || sel.Position.End != r.New.End || sel.Quote == nil || sel.Quote.Exact != r.After {
		t.Errorf("%q: migrated selectors %+v %+v do not describe %v %q", exact, sel.Quote, sel.Position, r.New, r.After)
	}
}

// TestMigrateReusesDiff: a precomputed diff gives the same results, and a
// diff of other texts is not trusted.
func TestMigrateReusesDiff(t *testing.T) {
	oldText := sampleText(t)
	newText := replace("super smart", "very smart")(t, oldText)
	anns := annotate(t, oldText, []quoteAt{{"super smart", 0}, {"the elephant in the room", 0}})
	want := Migrate(oldText, newText, nil, anns)
	for name, d := range map[string]*revision.Diff{
		"same texts":  revision.Compute(oldText, newText),
		"other texts": revision.Compute("a", "b"),
	} {
		got := Migrate(oldText, newText, d, anns)
		for i := range want {
			if got[i].Status != want[i].Status || got[i].New != want[i].New || got[i].After != want[i].After {
				t.Errorf("%s: annotation %d: got %s %v %q, want %s %v %q", name, i, got[i].Status, got[i].New, got[i].After, want[i].Status, want[i].New, want[i].After)
			}
		}
	}
}

// TestMigrateSelectorsFromOtherTools: a quote without position and a
// position without quote are placed on the old text like Redline's own; a
// quote that is not in the old text is orphaned with its words as Before.
func TestMigrateSelectorsFromOtherTools(t *testing.T) {
	oldText := sampleText(t)
	newText := replace("super smart", "very smart")(t, oldText)
	anns := annotate(t, oldText, []quoteAt{{"super smart", 0}, {"the elephant in the room", 0}, {"a bad guy", 0}})
	anns[0].Target.Selector.Position = nil
	anns[1].Target.Selector.Quote = nil
	anns[2].Target.Selector = anchor.Selector{Quote: &anchor.TextQuote{Exact: "a very bad guy"}}
	got := Migrate(oldText, newText, nil, anns)
	want := []struct {
		status        annotation.Status
		before, after string
	}{
		{annotation.StatusChanged, "super smart", "very smart"},
		{annotation.StatusIntact, "the elephant in the room", "the elephant in the room"},
		{annotation.StatusOrphaned, "a very bad guy", ""},
	}
	for i, w := range want {
		if r := got[i]; r.Status != w.status || r.Before != w.before || r.After != w.after {
			t.Errorf("annotation %d: got %s %q -> %q, want %s %q -> %q", i, r.Status, r.Before, r.After, w.status, w.before, w.after)
		}
		if err := got[i].Annotation.Validate(); err != nil {
			t.Errorf("annotation %d: %v", i, err)
		}
	}
	if orphan := got[2]; orphan.New != (span.Span{}) || orphan.Old != (span.Span{}) || *orphan.Annotation.Target.Selector.Quote != *anns[2].Target.Selector.Quote {
		t.Errorf("an annotation never placed should keep its selector and have no spans, got %+v", orphan)
	}
}
