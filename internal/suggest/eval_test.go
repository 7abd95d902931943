package suggest

import (
	"testing"

	"github.com/redline-news/redline/internal/checkworthy"
)

// TestEval reports quote precision, recall and speaker accuracy on the
// labelled articles in testdata/eval. It never fails on the figures (they
// are measurements, not assertions); run it with
// go test -run TestEval -v ./internal/suggest/
func TestEval(t *testing.T) {
	rep, err := Eval("testdata/eval")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) < 6 {
		t.Fatalf("evaluation set has %d articles, want at least 6", len(rep.Articles))
	}
	t.Logf("\n%s", rep)
	for _, a := range rep.Articles {
		for _, e := range a.Errors {
			t.Logf("%s: %s", a.Name, e)
		}
	}
}

// TestEvalClaims runs Suggest on each labelled debate sentence of
// internal/checkworthy's data (ClaimBuster, CC BY 4.0) and reports how
// well a claim suggestion picks the check-worthy ones, on the split the
// model was trained on and on the held-out debates. Measurements only; run
// it with go test -run TestEvalClaims -v ./internal/suggest/
func TestEvalClaims(t *testing.T) {
	train, heldOut, err := checkworthy.LoadSplit("../checkworthy/testdata/claimbuster")
	if err != nil {
		t.Fatal(err)
	}
	for _, split := range []struct {
		name     string
		examples []checkworthy.Example
	}{{"in sample", train}, {"held-out", heldOut}} {
		picked := make([]float64, len(split.examples))
		for i, e := range split.examples {
			if len(ClaimsByScore(Suggest(e.Text))) > 0 {
				picked[i] = 1
			}
		}
		t.Logf("%-10s %4d sentences: %s", split.name, len(split.examples), checkworthy.Measure(picked, split.examples, 1))
	}
}
