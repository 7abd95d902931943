package suggest

import "testing"

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
