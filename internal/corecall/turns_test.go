package corecall

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// A Compare answer's results cross a line each after its JSON, and
// decoded in turns it is the answer DecodeResponse gives, paused before
// each result; a pause's error ends the decoding with it.
func TestDecodeResponseInTurns(t *testing.T) {
	results := []CarriedWire{
		{ID: "a", Status: annotation.StatusIntact, Old: span.Span{Start: 0, End: 1}, New: span.Span{Start: 0, End: 1}},
		{ID: "b", Status: annotation.StatusOrphaned, Before: new(string)},
		{ID: "c", Status: annotation.StatusMoved, Moved: true},
	}
	for _, r := range []Response{
		{ID: 1, Compared: &Compared{Diff: revision.Compute("a b", "a c").Wire(), Results: results}},
		{ID: 2, Compared: &Compared{Diff: revision.Compute("a b", "a c").Wire(), Results: []CarriedWire{}}},
		{ID: 3, Compared: &Compared{Diff: revision.Compute("a", "b").Wire()}},
		{ID: 4, Parsed: &Parsed{Text: "Body."}},
	} {
		data, err := EncodeResponse(r)
		if err != nil {
			t.Fatal(err)
		}
		if lines := bytes.Count(data, []byte("\n")); lines != len(resultsOf(r)) || bytes.Contains(data, []byte(`"results":[{`)) {
			t.Errorf("%d: the results do not cross a line each after the JSON: %s", r.ID, data)
		}
		want, err := DecodeResponse(data)
		if err != nil {
			t.Fatal(err)
		}
		pauses := 0
		got, err := DecodeResponseInTurns(data, func() error { pauses++; return nil })
		if err != nil || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(got, r) {
			t.Errorf("%d: in turns %+v (%v), want %+v", r.ID, got, err, want)
		}
		if n := len(resultsOf(r)); pauses != n {
			t.Errorf("%d: %d pauses for %d results", r.ID, pauses, n)
		}
	}
	data, _ := EncodeResponse(Response{ID: 1, Compared: &Compared{Results: results}})
	gone := errors.New("the page went away")
	if _, err := DecodeResponseInTurns(data, func() error { return gone }); !errors.Is(err, gone) {
		t.Errorf("a failed pause: err = %v, want %v", err, gone)
	}
}

func resultsOf(r Response) []CarriedWire {
	if r.Compared == nil {
		return nil
	}
	return r.Compared.Results
}
