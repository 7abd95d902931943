package checkworthy

import (
	"math"
	"testing"
)

func FuzzScore(f *testing.F) {
	for _, s := range []string{"", "We cut taxes by 5%.", "?", "1,000.5 $ € don't well-known ’’", "\xff\xfe"} {
		f.Add(s)
	}
	m := Default()
	f.Fuzz(func(t *testing.T, s string) {
		v := m.Score(s)
		if math.IsNaN(v) || v < 0 || v > 1 {
			t.Fatalf("Score(%q) = %v, want a probability", s, v)
		}
	})
}

func FuzzUnmarshal(f *testing.F) {
	f.Add(embeddedWeights[:64])
	f.Add([]byte("CWLR2\x00\x10\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m Model
		if m.UnmarshalBinary(data) == nil && len(m.Weights) != nFeatures {
			t.Fatalf("accepted a model of %d weights", len(m.Weights))
		}
	})
}
