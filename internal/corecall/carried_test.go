package corecall_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/redline-news/redline/bench/corpus"
	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/core"
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/revision"
)

// On the bench's test data (1,000 annotations: kept, moved, edited and
// deleted), what crosses the wire rebuilds what the core migrated, and
// almost every annotation crosses as its place alone.
func TestCarriedAnswerOnTheBenchData(t *testing.T) {
	data, err := os.ReadFile("../../testdata/putin-prayed-2025-03-23.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(data, article.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	pair, err := corpus.Generate(a.Text, 100_000, 1000)
	if err != nil {
		t.Fatal(err)
	}
	sent := make([]annotation.Annotation, len(pair.Annotations))
	for i, x := range pair.Annotations {
		sent[i] = x.Model()
	}
	_, want, _ := core.Core{}.Compare(pair.Old, pair.New, sent)
	client, pauses := loopback(core.Core{}), 0
	client.Pause = func() error { pauses++; return nil }
	_, got, err := client.Compare(pair.Old, pair.New, sent)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("through the client the results differ (%v)", err)
	}
	if pauses != len(want) {
		t.Errorf("the client paused %d times rebuilding %d results", pauses, len(want))
	}
	resp := corecall.Serve(core.Core{}, corecall.Request{ID: 1, Compare: &corecall.CompareRequest{Old: pair.Old, New: pair.New, Annotations: sent}})
	told := 0
	for _, r := range resp.Compared.Results {
		if r.Whole != nil || r.Selector != nil || r.Before != nil || r.After != nil {
			told++
		}
	}
	if told > len(sent)/20 {
		t.Errorf("%d of %d annotations cross with more than their place", told, len(sent))
	}
}

// Annotations migration treats unusually (no quote, a quote not in the
// text, a quote that goes) still come back as the core made them.
func TestCarriedAnswerOfUnusualAnnotations(t *testing.T) {
	const text = "Title\n\nThe minister said prices rose. Nobody agreed with her on that."
	const later = "Title\n\nNobody agreed with her on that. The minister said costs fell."
	quote := func(exact string) *anchor.TextQuote { return &anchor.TextQuote{Exact: exact} }
	anns := []annotation.Annotation{
		{ID: "urn:uuid:position-only", Kind: annotation.KindNote, Target: annotation.Target{Selector: anchor.Selector{Position: &anchor.TextPosition{Start: 7, End: 19}}}},
		{ID: "urn:uuid:missing", Kind: annotation.KindQuote, Target: annotation.Target{Selector: anchor.Selector{Quote: quote("not in the text")}}},
		{ID: "urn:uuid:gone", Kind: annotation.KindClaim, Tags: []string{}, Target: annotation.Target{Selector: anchor.Selector{Quote: quote("prices rose")}}},
		{ID: "urn:uuid:moved", Kind: annotation.KindQuote, Tags: []string{"a"}, Target: annotation.Target{Selector: anchor.Selector{Quote: quote("Nobody agreed with her")}}},
		{ID: "urn:uuid:orphaned-before", Kind: annotation.KindQuote, Status: annotation.StatusOrphaned, Before: "x", Target: annotation.Target{Selector: anchor.Selector{Quote: quote("The minister")}}},
	}
	_, want, _ := core.Core{}.Compare(text, later, anns)
	_, got, err := loopback(core.Core{}).Compare(text, later, anns)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s through the client:\n%+v\nwant\n%+v", want[i].ID, got[i], want[i])
		}
	}
}

// oddCore migrates as no guess would: a selector of its own on one
// annotation, a changed note on another, an id never sent on a third.
type oddCore struct{ core.Core }

func (oddCore) Compare(oldText, newText string, anns []annotation.Annotation) (*revision.Diff, []corecall.Carried, error) {
	d, out, err := core.Core{}.Compare(oldText, newText, anns)
	out[0].Annotation.Target.Selector = anchor.Selector{Position: &anchor.TextPosition{Start: 1, End: 2}}
	out[0].Before, out[0].Annotation.Before, out[0].After = "before, told", "before, told", "after, told"
	out[1].Annotation.Note = "changed by the core"
	out[2].ID, out[2].Annotation.ID = "urn:uuid:new", "urn:uuid:new"
	return d, out, err
}

func TestCarriedAnswerTellsWhatCannotBeGuessed(t *testing.T) {
	const text = "Title\n\nOne two three. Four five six. Seven eight nine."
	anns := []annotation.Annotation{
		{ID: "urn:uuid:1", Kind: annotation.KindQuote, Target: annotation.Target{Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: "One two"}}}},
		{ID: "urn:uuid:2", Kind: annotation.KindQuote, Target: annotation.Target{Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: "Four five"}}}},
		{ID: "urn:uuid:3", Kind: annotation.KindQuote, Target: annotation.Target{Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: "Seven eight"}}}},
	}
	later := text + " Ten."
	_, want, _ := oddCore{}.Compare(text, later, anns)
	_, got, err := loopback(oddCore{}).Compare(text, later, anns)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("through the client: %+v %v\nwant %+v", got, err, want)
	}
	resp := corecall.Serve(oddCore{}, corecall.Request{ID: 1, Compare: &corecall.CompareRequest{Old: text, New: later, Annotations: anns}})
	r := resp.Compared.Results
	if r[0].Selector == nil || r[0].Before == nil || r[0].After == nil || r[0].Whole != nil || r[1].Whole == nil || r[2].Whole == nil {
		t.Errorf("what cannot be guessed is not told: %+v", r)
	}
}
