package checkworthy

import "testing"

// BenchmarkScore scores one typical 25-word sentence.
func BenchmarkScore(b *testing.B) {
	m := Default()
	s := "And the Congress by overriding the bills that I did veto, the Congress has added some $13 billion to the federal expenditures and to the federal deficit."
	for b.Loop() {
		m.Score(s)
	}
}
