package checkworthy

import "fmt"

// Report gives precision, recall and F1 on check-worthy sentences at the
// model's threshold: on the training split out of fold (outOfFold, as
// Train returns it: the figure the threshold was tuned on) and on the
// held-out debates.
func Report(m *Model, train []Example, outOfFold []float64, heldOut []Example) string {
	dev := Measure(outOfFold, train, float64(m.Threshold))
	scores := make([]float64, len(heldOut))
	for i, e := range heldOut {
		scores[i] = m.Score(e.Text)
	}
	ho := Measure(scores, heldOut, float64(m.Threshold))
	return fmt.Sprintf("dev (out of fold, %d sentences): %s\nheld-out (%d sentences): %s", len(train), dev, len(heldOut), ho)
}

func (f Figures) String() string {
	return fmt.Sprintf("check-worthy P %.2f R %.2f F1 %.2f (tp %d fp %d fn %d tn %d)", f.Precision(), f.Recall(), f.F1(), f.TP, f.FP, f.FN, f.TN)
}
