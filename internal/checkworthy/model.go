package checkworthy

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
)

// Model is a trained logistic regression: one weight per feature and the
// score from which a sentence counts as check-worthy.
type Model struct {
	Weights   []float32 // len nFeatures: bias, cues, hashed buckets
	Threshold float32   // chosen by cross-validation on the training split
}

// Score is the probability, in [0, 1], that the sentence is a check-worthy
// factual claim.
func (m *Model) Score(text string) float64 {
	s := tokenise(text)
	return m.score(features(&s))
}

func (m *Model) score(active []feature) float64 {
	z := 0.0
	for _, f := range active {
		z += float64(m.Weights[f.index]) * f.value
	}
	return 1 / (1 + math.Exp(-z))
}

// Cues names the cues the sentence has whose weight favours a claim, in
// the order of the cue list: the reasons a reader can check at a glance.
func (m *Model) Cues(text string) []string {
	s := tokenise(text)
	var out []string
	for i, c := range cues {
		if m.Weights[1+i] > 0 && c.has(&s) {
			out = append(out, c.name)
		}
	}
	return out
}

// weightsMagic starts an encoded model; the version changes with the
// feature layout.
const weightsMagic = "CWLR2"

// MarshalBinary encodes the model: magic, feature count, threshold, then
// the weights, little-endian float32.
func (m *Model) MarshalBinary() ([]byte, error) {
	out := []byte(weightsMagic)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(m.Weights)))
	out = binary.LittleEndian.AppendUint32(out, math.Float32bits(m.Threshold))
	for _, w := range m.Weights {
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(w))
	}
	return out, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote, for this feature
// layout only.
func (m *Model) UnmarshalBinary(data []byte) error {
	head := len(weightsMagic) + 8
	if len(data) < head || string(data[:len(weightsMagic)]) != weightsMagic {
		return errors.New("checkworthy: not a model file")
	}
	n := int(binary.LittleEndian.Uint32(data[len(weightsMagic):]))
	if n != nFeatures || len(data) != head+4*n {
		return fmt.Errorf("checkworthy: model has %d features in %d bytes, want %d features", n, len(data), nFeatures)
	}
	m.Threshold = math.Float32frombits(binary.LittleEndian.Uint32(data[len(weightsMagic)+4:]))
	m.Weights = make([]float32, n)
	for i := range m.Weights {
		m.Weights[i] = math.Float32frombits(binary.LittleEndian.Uint32(data[head+4*i:]))
	}
	return nil
}

//go:embed weights.bin
var embeddedWeights []byte

// Default is the embedded model, decoded once.
var Default = sync.OnceValue(func() *Model {
	var m Model
	if err := m.UnmarshalBinary(embeddedWeights); err != nil {
		panic(err) // weights.bin is built by ./train and checked by the tests
	}
	return &m
})
