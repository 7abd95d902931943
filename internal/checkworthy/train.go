package checkworthy

import (
	"math"
	"slices"
	"sync"
)

// TrainOptions are the training settings; DefaultTrainOptions are the ones
// the embedded model was built with.
type TrainOptions struct {
	Epochs int     // passes of full-batch gradient descent
	Rate   float64 // step size
	L2     float64 // weight decay on everything but the bias
	Folds  int     // cross-validation folds for the threshold
}

// DefaultTrainOptions were chosen by cross-validation on the training split.
var DefaultTrainOptions = TrainOptions{Epochs: 500, Rate: 10, L2: 3e-5, Folds: 5}

// Train fits the weights on examples, then sets the threshold that
// maximises F1 over out-of-fold scores (each example scored by a model
// that did not see it), which it returns too. It is deterministic.
func Train(examples []Example, o TrainOptions) (m *Model, outOfFold []float64) {
	m = &Model{}
	var wg sync.WaitGroup
	wg.Go(func() { m.Weights = fit(featuresOf(examples), examples, o) })
	outOfFold = OutOfFold(examples, o)
	wg.Wait()
	m.Threshold = float32(BestThreshold(outOfFold, examples))
	return m, outOfFold
}

// OutOfFold scores each example with a model trained on the other folds
// (example i is in fold i mod Folds). The folds train concurrently; each
// is deterministic and writes only its own examples' scores.
func OutOfFold(examples []Example, o TrainOptions) []float64 {
	feats := featuresOf(examples)
	scores := make([]float64, len(examples))
	var wg sync.WaitGroup
	for k := range o.Folds {
		wg.Go(func() {
			var trF [][]feature
			var trE []Example
			for i := range examples {
				if i%o.Folds != k {
					trF, trE = append(trF, feats[i]), append(trE, examples[i])
				}
			}
			m := &Model{Weights: fit(trF, trE, o)}
			for i := range examples {
				if i%o.Folds == k {
					scores[i] = m.score(feats[i])
				}
			}
		})
	}
	wg.Wait()
	return scores
}

func featuresOf(examples []Example) [][]feature {
	out := make([][]feature, len(examples))
	for i, e := range examples {
		s := tokenise(e.Text)
		out[i] = features(&s)
	}
	return out
}

// fit runs full-batch gradient descent on the log loss with L2 decay.
func fit(feats [][]feature, examples []Example, o TrainOptions) []float32 {
	w := make([]float64, nFeatures)
	grad := make([]float64, nFeatures)
	n := float64(len(examples))
	for range o.Epochs {
		clear(grad)
		for i, f := range feats {
			z := 0.0
			for _, j := range f {
				z += w[j.index] * j.value
			}
			y := 0.0
			if examples[i].CheckWorthy() {
				y = 1
			}
			g := 1/(1+math.Exp(-z)) - y
			for _, j := range f {
				grad[j.index] += g * j.value
			}
		}
		for j := range w {
			d := grad[j] / n
			if j > 0 {
				d += o.L2 * w[j]
			}
			w[j] -= o.Rate * d
		}
	}
	out := make([]float32, nFeatures)
	for j, v := range w {
		out[j] = float32(v)
	}
	return out
}

// BestThreshold is the score cut that maximises F1 on check-worthy
// examples; ties go to the higher cut.
func BestThreshold(scores []float64, examples []Example) float64 {
	cuts := slices.Clone(scores)
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	best, bestF := 0.5, -1.0
	for _, c := range cuts {
		if f := Measure(scores, examples, c).F1(); f >= bestF {
			best, bestF = c, f
		}
	}
	return best
}

// Figures count a cut's decisions against the labels.
type Figures struct{ TP, FP, FN, TN int }

// Measure compares "score ≥ cut" with the check-worthy labels.
func Measure(scores []float64, examples []Example, cut float64) Figures {
	var f Figures
	for i, e := range examples {
		switch pred := scores[i] >= cut; {
		case pred && e.CheckWorthy():
			f.TP++
		case pred:
			f.FP++
		case e.CheckWorthy():
			f.FN++
		default:
			f.TN++
		}
	}
	return f
}

// Precision, Recall and F1 of the check-worthy class.
func (f Figures) Precision() float64 { return ratio(f.TP, f.TP+f.FP) }
func (f Figures) Recall() float64    { return ratio(f.TP, f.TP+f.FN) }
func (f Figures) F1() float64 {
	p, r := f.Precision(), f.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
