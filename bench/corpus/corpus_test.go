package corpus

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/span"
)

// samples are the texts the pair is built from: the real sample article,
// and prose with emoji, a flag, combining marks and astral-plane letters,
// where code points, bytes and UTF-16 units all differ.
func samples(t testing.TB) map[string]string {
	data, err := os.ReadFile("testdata/putin-prayed-2025-03-23.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(data, article.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"sample article": a.Text,
		"unicode": "Le président 🇫🇷 a salué l’équipe 👍🏽 à Orléans.\n\n" +
			"Cafe\u0301 et the\u0301 pour 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 fans, dit-elle 😀.\n\n" +
			"Le maire a répondu: « nous verrons » 🇫🇷.",
	}
}

func TestGenerate(t *testing.T) {
	for name, sample := range samples(t) {
		t.Run(name, func(t *testing.T) {
			p, err := Generate(sample, 100_000, 1000)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Old) < 100_000 || len(p.Annotations) != 1000 {
				t.Fatalf("%d bytes, %d annotations; want at least 100,000 bytes and 1,000", len(p.Old), len(p.Annotations))
			}
			checkPair(t, p)
			fates := map[Fate]int{}
			for _, a := range p.Annotations {
				fates[a.Fate]++
			}
			for _, f := range []Fate{Kept, Moved, Edited, Deleted} {
				if fates[f] < 10 {
					t.Errorf("only %d annotations %s: %v", fates[f], f, fates)
				}
			}
			again, _ := Generate(sample, 100_000, 1000)
			if !reflect.DeepEqual(p, again) {
				t.Error("two runs generated different data")
			}
		})
	}
}

// checkPair checks every annotation against the texts: its quote and
// context are on the old text at Old, and Truth holds its words in the new
// text, replaced ones aside.
func checkPair(t *testing.T, p Pair) {
	t.Helper()
	oldIdx, newIdx := span.NewIndex(p.Old), span.NewIndex(p.New)
	for _, a := range p.Annotations {
		if got := oldIdx.Slice(a.Old); got != a.Exact || a.Exact == "" {
			t.Fatalf("%s: old text at %v is %q, quote %q", a.ID, a.Old, got, a.Exact)
		}
		if !strings.HasSuffix(oldIdx.Slice(span.Span{Start: 0, End: a.Old.Start}), a.Prefix) ||
			!strings.HasPrefix(oldIdx.Slice(span.Span{Start: a.Old.End, End: oldIdx.Len()}), a.Suffix) {
			t.Fatalf("%s: prefix %q or suffix %q is not around the quote", a.ID, a.Prefix, a.Suffix)
		}
		truth := newIdx.Slice(a.Truth)
		switch a.Fate {
		case Kept, Moved:
			if truth != a.Exact {
				t.Fatalf("%s (%s): new text at %v is %q, want %q", a.ID, a.Fate, a.Truth, truth, a.Exact)
			}
		case Edited:
			if truth == a.Exact || !sharesWord(truth, a.Exact) {
				t.Fatalf("%s (edited): %q became %q", a.ID, a.Exact, truth)
			}
		case Deleted:
			if a.Truth != (span.Span{}) {
				t.Fatalf("%s (deleted) has truth %v", a.ID, a.Truth)
			}
		default:
			t.Fatalf("%s: fate %q", a.ID, a.Fate)
		}
	}
}

func sharesWord(a, b string) bool {
	words := strings.Fields(b)
	for i, w := range strings.Fields(a) {
		if i < len(words) && words[i] == w {
			return true
		}
	}
	return false
}

// TestCollectionImports: the W3C file of the annotations decodes, and
// every annotation anchors on the old text where it was made, as Redline's
// import needs.
func TestCollectionImports(t *testing.T) {
	p, err := Generate(samples(t)["unicode"], 20_000, 200)
	if err != nil {
		t.Fatal(err)
	}
	data, err := p.Collection()
	if err != nil {
		t.Fatal(err)
	}
	if problems := annotation.Validate(data); len(problems) > 0 {
		t.Fatalf("invalid W3C: %v", problems)
	}
	anns, err := annotation.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	text := anchor.NewText(p.Old)
	for i, a := range anns {
		m, ok := anchor.Anchor(text, a.Target.Selector)
		if !ok || m.Span != p.Annotations[i].Old {
			t.Errorf("%s anchors at %v (ok %v), want %v", a.ID, m.Span, ok, p.Annotations[i].Old)
		}
	}
}

func TestGenerateRejects(t *testing.T) {
	for name, sample := range map[string]string{
		"empty":           "",
		"one word":        "again again\n\nagain",
		"empty paragraph": "one two\n\n\n\nthree",
		"double space":    "one  two",
		"leading space":   " one two",
	} {
		if _, err := Generate(sample, 1000, 10); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzGenerate: any canonical sample gives a pair whose annotations hold
// their quotes and truths.
func FuzzGenerate(f *testing.F) {
	for _, s := range samples(f) {
		f.Add(s)
	}
	f.Add("a b")
	f.Fuzz(func(t *testing.T, raw string) {
		var paras []string
		for _, p := range strings.Split(raw, "\n\n") {
			if ws := strings.Fields(p); len(ws) > 0 {
				paras = append(paras, strings.Join(ws, " "))
			}
		}
		p, err := Generate(strings.Join(paras, "\n\n"), 2000, 50)
		if err != nil {
			return // fewer than two different words
		}
		checkPair(t, p)
	})
}

func TestJudge(t *testing.T) {
	at := func(start, end int) span.Span { return span.Span{Start: start, End: end} }
	kept := Annotation{Fate: Edited, Truth: at(10, 20)}
	deleted := Annotation{Fate: Deleted}
	for _, c := range []struct {
		name   string
		a      Annotation
		placed span.Span
		ok     bool
		want   Verdict
	}{
		{"on its words", kept, at(10, 20), true, Right},
		{"a word short", kept, at(10, 16), true, Near},
		{"a word more", kept, at(4, 20), true, Near},
		{"next to its words", kept, at(20, 25), true, Wrong},
		{"far away", kept, at(100, 110), true, Wrong},
		{"orphaned, words still there", kept, span.Span{}, false, Lost},
		{"placed, words deleted", deleted, at(10, 20), true, Wrong},
		{"orphaned, words deleted", deleted, span.Span{}, false, Orphaned},
	} {
		if got := c.a.Judge(c.placed, c.ok); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

func TestTaskHidesTheTruth(t *testing.T) {
	p, err := Generate(samples(t)["unicode"], 5000, 50)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(p.Task())
	if err != nil {
		t.Fatal(err)
	}
	if s := string(data); strings.Contains(s, `"fate"`) || strings.Contains(s, `"truth"`) {
		t.Errorf("the task tells the fates or truths: %.300s", s)
	}
	if p.Annotations[0].Fate == "" {
		t.Error("Task cleared the pair's own annotations")
	}
}
