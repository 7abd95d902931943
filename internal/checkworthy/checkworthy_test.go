package checkworthy

import (
	"bytes"
	"os"
	"sync"
	"testing"
)

const dataDir = "testdata/claimbuster"

// retrained is one fresh training run, shared by the tests that need it.
var retrained = sync.OnceValues(func() (*Model, []float64) {
	train, _, err := LoadSplit(dataDir)
	if err != nil {
		panic(err)
	}
	return Train(train, DefaultTrainOptions)
})

// TestEmbeddedWeightsAreReproducible retrains on the committed data and
// checks the result is byte for byte the embedded weights.bin: the model
// can be rebuilt by anyone with `go run ./internal/checkworthy/train`.
func TestEmbeddedWeightsAreReproducible(t *testing.T) {
	m, _ := retrained()
	got, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, embeddedWeights) {
		t.Fatal("weights.bin differs from a fresh training run: run go run ./internal/checkworthy/train from the repository root")
	}
}

// TestEvalClaims reports precision, recall and F1 on check-worthy sentences, out
// of fold on the training split and on the held-out debates. The figures
// are measurements; the test fails only if the model is no better than
// calling every sentence check-worthy.
func TestEvalClaims(t *testing.T) {
	train, heldOut, err := LoadSplit(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	m := Default()
	_, oof := retrained()
	t.Logf("model: %d bytes embedded, threshold %.3f\n%s", len(embeddedWeights), m.Threshold, Report(m, train, oof, heldOut))
	all := make([]float64, len(heldOut))
	scores := make([]float64, len(heldOut))
	for i, e := range heldOut {
		scores[i] = m.Score(e.Text)
	}
	floor := Measure(all, heldOut, 0).F1()
	if f := Measure(scores, heldOut, float64(m.Threshold)).F1(); f <= floor {
		t.Errorf("held-out F1 %.2f, no better than calling everything check-worthy (%.2f)", f, floor)
	}
}

func TestScoreRanksClaimsAboveTalk(t *testing.T) {
	m := Default()
	claims := []string{
		"We cut the deficit by 60 percent.",
		"Unemployment rose to 7 percent, higher than in any year since 2010.",
		"The city spent $4 million on the new bridge last year.",
	}
	talk := []string{
		"I think this is a beautiful and wonderful idea for all of us.",
		"Thank you very much tonight, Jim.",
		"We have to stand up for our values.",
	}
	for _, c := range claims {
		if s := m.Score(c); s < float64(m.Threshold) {
			t.Errorf("%q scored %.2f, below the threshold %.2f", c, s, m.Threshold)
		}
		for _, n := range talk {
			if m.Score(c) <= m.Score(n) {
				t.Errorf("%q (%.2f) not above %q (%.2f)", c, m.Score(c), n, m.Score(n))
			}
		}
	}
	for _, n := range talk {
		if s := m.Score(n); s >= float64(m.Threshold) {
			t.Errorf("%q scored %.2f, at or above the threshold %.2f", n, s, m.Threshold)
		}
	}
}

func TestCuesNameWhatTheSentenceHas(t *testing.T) {
	got := Default().Cues("The city spent $4 million, more than in 2019.")
	for _, want := range []string{"number", "money", "comparison"} {
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("cues %v, want %q among them", got, want)
		}
	}
}

func TestUnmarshalRejectsBadModels(t *testing.T) {
	var m Model
	for _, data := range [][]byte{nil, []byte("CWLR2"), []byte("XXXXX\x00\x00\x00\x00\x00\x00\x00\x00"), embeddedWeights[:len(embeddedWeights)-4]} {
		if err := m.UnmarshalBinary(data); err == nil {
			t.Errorf("UnmarshalBinary(%d bytes) accepted a bad model", len(data))
		}
	}
}

func TestLoadSplitRejectsBadLines(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/a.tsv", []byte("1\t2\tsome text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadSplit(dir); err == nil {
		t.Error("a label of 2 was accepted")
	}
}
