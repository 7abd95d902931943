package library

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/core"
	"github.com/redline-news/redline/internal/reading"
	"github.com/redline-news/redline/internal/span"
	"github.com/redline-news/redline/internal/store"
)

// suggestionOn returns the offered suggestion of kind on the first
// occurrence of words, failing the test if there is none.
func suggestionOn(t *testing.T, s *Session, kind annotation.Kind, words string) Suggestion {
	t.Helper()
	sg, ok := findSuggestion(t, s, kind, find(t, s, words))
	if !ok {
		t.Fatalf("no %s suggested on %q", kind, words)
	}
	return sg
}

// findSuggestion returns the offered suggestion of kind on sp.
func findSuggestion(t *testing.T, s *Session, kind annotation.Kind, sp span.Span) (Suggestion, bool) {
	t.Helper()
	offered, err := s.Suggestions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(offered, func(sg Suggestion) bool { return sg.Kind == kind && sg.Span == sp })
	if i < 0 {
		return Suggestion{}, false
	}
	return offered[i], true
}

func keys(t *testing.T, s *Session) []string {
	t.Helper()
	offered, err := s.Suggestions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(offered))
	for i, sg := range offered {
		out[i] = sg.Key
	}
	return out
}

// keyIssue is the sample article's most check-worthy claim: a figure, a
// source and names.
const keyIssue = "The key issue in the Ukraine conflict, according to Witkoff, is Russia’s claim to four eastern regions—Donetsk, Luhansk, Zaporizhzhia, and Kherson."

func TestSuggestionsOnSample(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	offered, err := s.Suggestions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	smart := suggestionOn(t, s, annotation.KindQuote, "super smart")
	if !strings.Contains(smart.Speaker, "Witkoff") || smart.Score <= 0 || smart.Reason == "" {
		t.Errorf("“super smart”: %+v, want a quote by Witkoff with a score and a reason", smart)
	}
	if want := fmt.Sprintf("quote:%d-%d", smart.Span.Start, smart.Span.End); smart.Key != want {
		t.Errorf("key %q, want %q", smart.Key, want)
	}
	for _, words := range []string{"friend.", "a bad guy.", "the elephant in the room."} {
		suggestionOn(t, s, annotation.KindQuote, words)
	}
	// Claims: the ones internal/suggest's model finds check-worthy, among
	// them the four regions (a figure, a source, names).
	suggestionOn(t, s, annotation.KindClaim, keyIssue)
	seen := map[string]bool{}
	for i, sg := range offered {
		if sg.Kind == annotation.KindClaim && (sg.Score <= 0 || sg.Reason == "") {
			t.Errorf("claim %q: score %.2f, reason %q, want both", s.Slice(sg.Span), sg.Score, sg.Reason)
		}
		if i > 0 && offered[i-1].Span.Start > sg.Span.Start {
			t.Errorf("not in text order: %v before %v", offered[i-1].Span, sg.Span)
		}
		if seen[sg.Key] {
			t.Errorf("key %q twice", sg.Key)
		}
		seen[sg.Key] = true
		// Accepting places the annotation on exactly these words.
		if snapped := reading.SnapToWords(s.runes, sg.Span); snapped != sg.Span {
			t.Errorf("%s: Tag would snap %v to %v", sg.Key, sg.Span, snapped)
		}
	}
	// The same keys every time, in any session.
	again, err := l.Open(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := keys(t, s), keys(t, again); !slices.Equal(a, b) {
		t.Errorf("keys differ between sessions:\n%q\n%q", a, b)
	}
}

func TestAcceptSuggestion(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	smart := suggestionOn(t, s, annotation.KindQuote, "super smart")
	p, err := s.AcceptSuggestion(ctx, smart.Key)
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != annotation.KindQuote || p.Speaker != smart.Speaker || p.Span != smart.Span || p.Exact() != "super smart" || p.Suggested {
		t.Errorf("accepted: %+v", p)
	}
	if got, ok := s.Find(p.ID); !ok || got.Speaker != smart.Speaker {
		t.Errorf("not in the session as accepted: %+v", got)
	}
	if slices.Contains(keys(t, s), smart.Key) {
		t.Error("still suggested after accepting")
	}
	if _, err := s.AcceptSuggestion(ctx, smart.Key); !errors.Is(err, ErrNoSuggestion) {
		t.Errorf("accepting twice: %v, want ErrNoSuggestion", err)
	}
	// Another session sees an annotation, not a suggestion.
	other, err := l.Open(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(other.Annotations) != 1 || other.Annotations[0].Speaker != smart.Speaker || slices.Contains(keys(t, other), smart.Key) {
		t.Errorf("another session: %d annotations, keys %q", len(other.Annotations), keys(t, other))
	}
	// It is an annotation like any other: editable.
	note := "praise"
	if _, err := s.Update(ctx, p.ID, Edit{Note: &note}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	// One undo takes the whole acceptance back.
	if what := s.CanUndo(); what != "accept suggestion" {
		t.Fatalf("CanUndo = %q", what)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if s.CanUndo() != "" || len(s.Annotations) != 0 {
		t.Errorf("after undo: history %q, %d annotations", s.CanUndo(), len(s.Annotations))
	}
	if stored, _ := l.Store.Annotations(ctx, s.Story.ID); len(stored) != 0 {
		t.Errorf("store still has %d annotations", len(stored))
	}
	if !slices.Contains(keys(t, s), smart.Key) {
		t.Error("not suggested again after undoing the acceptance")
	}
}

func TestAcceptClaimSuggestion(t *testing.T) {
	s := openSample(t, newLibrary(t))
	claim := suggestionOn(t, s, annotation.KindClaim, keyIssue)
	p, err := s.AcceptSuggestion(ctx, claim.Key)
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != annotation.KindClaim || p.Verdict != annotation.VerdictUnverified || p.Speaker != "" || p.Span != claim.Span {
		t.Errorf("accepted claim: %+v", p)
	}
	if what, err := s.Undo(ctx); err != nil || what != "accept suggestion" || len(s.Annotations) != 0 {
		t.Errorf("undo: %q, %v, %d annotations", what, err, len(s.Annotations))
	}
	if _, err := s.AcceptSuggestion(ctx, "quote:0-1"); !errors.Is(err, ErrNoSuggestion) {
		t.Errorf("accepting an unknown key: %v, want ErrNoSuggestion", err)
	}
}

func TestRejectSuggestion(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	smart := suggestionOn(t, s, annotation.KindQuote, "super smart")
	before := keys(t, s)
	if err := s.RejectSuggestion(ctx, smart.Key); err != nil {
		t.Fatal(err)
	}
	want := slices.DeleteFunc(slices.Clone(before), func(k string) bool { return k == smart.Key })
	if got := keys(t, s); !slices.Equal(got, want) {
		t.Errorf("after rejecting: %q, want %q", got, want)
	}
	if err := s.RejectSuggestion(ctx, smart.Key); !errors.Is(err, ErrNoSuggestion) {
		t.Errorf("rejecting twice: %v, want ErrNoSuggestion", err)
	}
	if _, err := s.AcceptSuggestion(ctx, smart.Key); !errors.Is(err, ErrNoSuggestion) {
		t.Errorf("accepting a rejected suggestion: %v, want ErrNoSuggestion", err)
	}
	// A reload (another tab, the next visit) does not bring it back.
	reopened, err := l.Open(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := keys(t, reopened); !slices.Equal(got, want) {
		t.Errorf("reopened: %q, want %q", got, want)
	}
	if what, err := s.Undo(ctx); err != nil || what != "reject suggestion" {
		t.Fatalf("undo: %q, %v", what, err)
	}
	if got := keys(t, reopened); !slices.Equal(got, before) {
		t.Errorf("after undoing the rejection: %q, want %q", got, before)
	}
}

func TestRejectionsBelongToTheirRevision(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	first := suggestionOn(t, s, annotation.KindQuote, "super smart")
	// A later revision edited only after the quote: the same words have
	// the same key there.
	if _, err := s.AddRevision(ctx, "v2.txt", laterVersion("may play a role", "will play a role")); err != nil {
		t.Fatal(err)
	}
	second := suggestionOn(t, s, annotation.KindQuote, "super smart")
	if second.Key != first.Key {
		t.Fatalf("keys %q and %q for the same words", first.Key, second.Key)
	}
	if err := s.Show(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.RejectSuggestion(ctx, first.Key); err != nil {
		t.Fatal(err)
	}
	if err := s.Show(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(keys(t, s), second.Key) {
		t.Error("rejecting on the first revision hid the suggestion on the second")
	}
	if err := s.Show(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(keys(t, s), first.Key) {
		t.Error("rejected suggestion back on its revision")
	}
}

func TestAnnotatedWordsAreNotSuggested(t *testing.T) {
	s := openSample(t, newLibrary(t))
	smart := suggestionOn(t, s, annotation.KindQuote, "super smart")
	bad := suggestionOn(t, s, annotation.KindQuote, "a bad guy.")
	claim := suggestionOn(t, s, annotation.KindClaim, keyIssue)
	// The reader tagged “super smart” with its marks, "a bad guy" without
	// its full stop, and the claim's sentence as a quote.
	for _, tag := range []struct {
		words string
		kind  annotation.Kind
	}{{"“super smart”", annotation.KindQuote}, {"a bad guy", annotation.KindQuote}, {s.Slice(claim.Span), annotation.KindQuote}} {
		if _, err := s.Tag(ctx, find(t, s, tag.words), tag.kind); err != nil {
			t.Fatal(err)
		}
	}
	got := keys(t, s)
	for _, k := range []string{smart.Key, bad.Key} {
		if slices.Contains(got, k) {
			t.Errorf("%s suggested though annotated", k)
		}
	}
	if !slices.Contains(got, claim.Key) {
		t.Errorf("claim %s hidden by an annotation of another kind", claim.Key)
	}
}

func TestSameWords(t *testing.T) {
	s := openSample(t, newLibrary(t))
	smart := find(t, s, "super smart")
	for _, c := range []struct {
		a, b span.Span
		want bool
	}{
		{smart, smart, true},
		{smart, find(t, s, "“super smart”"), true},
		{find(t, s, "a bad guy"), find(t, s, "a bad guy.”"), true},
		{smart, find(t, s, "super"), false},
		{smart, find(t, s, "him “super smart”"), false},
		{smart, find(t, s, "a bad guy"), false},
		{find(t, s, "“"), find(t, s, "“"), true}, // no words: the spans themselves
	} {
		if got := s.sameWords(c.a, c.b); got != c.want {
			t.Errorf("sameWords(%q, %q) = %v, want %v", s.Slice(c.a), s.Slice(c.b), got, c.want)
		}
	}
}

func TestDeleteRestoreKeepsRejections(t *testing.T) {
	l := newLibrary(t)
	s := openSample(t, l)
	smart := suggestionOn(t, s, annotation.KindQuote, "super smart")
	if err := s.RejectSuggestion(ctx, smart.Key); err != nil {
		t.Fatal(err)
	}
	d, err := l.Delete(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Store.Rejections(ctx, s.Revision().ID); err == nil {
		t.Error("rejections still stored after deleting the story")
	}
	if err := l.Restore(ctx, d); err != nil {
		t.Fatal(err)
	}
	back, err := l.Open(ctx, s.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(keys(t, back), smart.Key) {
		t.Error("rejected suggestion offered again after restoring the story")
	}
}

// unicodeArticle has an emoji, a flag, a combining mark (n\u0308 has no
// precomposed form, so it survives the parser's NFC) and astral-plane
// letters inside and before its quotation and claim.
const unicodeArticle = "Zoë 🇫🇷 met the 𝔘nion 🙏 delegates in Paris on Monday.\n\n" +
	"“The Spin\u0308al 🇫🇷 café is closed and the 𝔘nion owes 45 million euros,” said Jean Dupont, the mayor.\n\n" +
	"According to the ministry, 𝔘nion revenue fell 12% in 2024, more than in any year since 1990."

func TestSuggestionsOnUnicodeText(t *testing.T) {
	l := newLibrary(t)
	st, err := l.AddStory(ctx, "unicode.txt", []byte(unicodeArticle))
	if err != nil {
		t.Fatal(err)
	}
	s, err := l.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	quote := suggestionOn(t, s, annotation.KindQuote, "The Spin\u0308al 🇫🇷 café is closed and the 𝔘nion owes 45 million euros,")
	if quote.Speaker != "Jean Dupont" {
		t.Errorf("speaker %q", quote.Speaker)
	}
	claim := suggestionOn(t, s, annotation.KindClaim, "According to the ministry, 𝔘nion revenue fell 12% in 2024, more than in any year since 1990.")
	for _, sg := range []Suggestion{quote, claim} {
		p, err := s.AcceptSuggestion(ctx, sg.Key)
		if err != nil {
			t.Fatal(err)
		}
		want := s.withoutTrailingComma(sg.Span) // the quote's closing comma is not quoted
		if p.Span != want || p.Exact() != s.Slice(want) {
			t.Errorf("%s accepted on %v %q, want %v %q", sg.Key, p.Span, p.Exact(), want, s.Slice(want))
		}
	}
	if got := keys(t, s); slices.Contains(got, quote.Key) || slices.Contains(got, claim.Key) {
		t.Errorf("accepted suggestions still offered: %q", got)
	}
}

// FuzzAcceptAllSuggestions: on any article, every suggestion is accepted
// onto exactly its words (a trailing comma aside), none is offered once all are accepted, and
// undoing every acceptance offers them all again.
func FuzzAcceptAllSuggestions(f *testing.F) {
	f.Add(string(SampleArticle()))
	f.Add(unicodeArticle)
	f.Add("He said: “n\u0308 🇫🇷”. She said “𝔘 🙏 𝔘,” adding “friend.”")
	f.Add("0 B desCriBed“!”") // a quotation without a word
	f.Add("„Ja”, sagte er. «Oui», dit-elle. ‘Quite so,’ she said.")
	f.Fuzz(func(t *testing.T, text string) {
		l := newLibrary(t)
		st, err := l.AddStory(ctx, "fuzz.txt", []byte(text))
		if err != nil {
			return // not an article
		}
		s, err := l.Open(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		offered, err := s.Suggestions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		accepted := 0
		for _, sg := range offered {
			p, err := s.AcceptSuggestion(ctx, sg.Key)
			if errors.Is(err, ErrNoSuggestion) {
				continue // covered by an earlier one on nearly the same words
			}
			if err != nil {
				t.Fatalf("accepting %s (%q): %v", sg.Key, s.Slice(sg.Span), err)
			}
			if p.Span != s.withoutTrailingComma(sg.Span) || p.Kind != sg.Kind || p.Speaker != sg.Speaker {
				t.Fatalf("accepting %s (%q): got %v %s %q", sg.Key, s.Slice(sg.Span), p.Span, p.Kind, p.Speaker)
			}
			accepted++
		}
		if left := keys(t, s); len(left) != 0 {
			t.Fatalf("offered after accepting everything: %q", left)
		}
		for range accepted {
			if what, err := s.Undo(ctx); err != nil || what != "accept suggestion" {
				t.Fatalf("undo: %q, %v", what, err)
			}
		}
		want := make([]string, len(offered))
		for i, sg := range offered {
			want[i] = sg.Key
		}
		if got := keys(t, s); !slices.Equal(got, want) {
			t.Fatalf("after undoing: %q, want %q", got, want)
		}
	})
}

// BenchmarkSuggestions measures listing the sample article's suggestions
// with 20 annotations placed (Suggest itself is cached after the first
// call).
func BenchmarkSuggestions(b *testing.B) {
	l := &Library{Store: store.NewMemory(), Core: core.Core{}}
	st, err := l.AddStory(ctx, SampleName, SampleArticle())
	if err != nil {
		b.Fatal(err)
	}
	s, err := l.Open(ctx, st.ID)
	if err != nil {
		b.Fatal(err)
	}
	for i := range 20 {
		sp := span.Span{Start: i * 40, End: i*40 + 20}
		if _, err := s.Tag(ctx, sp, annotation.KindNote); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := s.Suggestions(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAcceptedQuoteLeavesItsTrailingCommaOut is tester 2's L3: a quote
// suggested as “…hurting the whales,” is accepted without the comma.
func TestAcceptedQuoteLeavesItsTrailingCommaOut(t *testing.T) {
	l := newLibrary(t)
	st, err := l.AddStory(ctx, "whales.txt", []byte("Whales are stranding more often.\n\n“Man’s greed in the ocean is hurting the whales,” Hori Parata said on Tuesday.\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := l.Open(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	offered, err := s.Suggestions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(offered, func(sg Suggestion) bool { return sg.Kind == annotation.KindQuote })
	if i < 0 {
		t.Fatal("no quote suggested")
	}
	p, err := s.AcceptSuggestion(ctx, offered[i].Key)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Slice(p.Span); got != "Man’s greed in the ocean is hurting the whales" {
		t.Errorf("the accepted quote is %q", got)
	}
}
