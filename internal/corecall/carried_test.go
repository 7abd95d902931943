package corecall_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/redline-news/redline/bench/corpus"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/core"
	"github.com/redline-news/redline/internal/corecall"
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
	_, got, err := loopback(core.Core{}).Compare(pair.Old, pair.New, sent)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("through the client the results differ (%v)", err)
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
