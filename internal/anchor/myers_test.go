package anchor

import (
	"math/rand/v2"
	"testing"
)

// naiveDistances is the textbook O(m·n) dynamic programme: for every
// prefix text[:j], the distance between the pattern and (free) the best
// suffix of it or (anchored) all of it.
func naiveDistances(p, text []rune, anchored bool) []int {
	col := make([]int, len(p)+1)
	for i := range col {
		col[i] = i
	}
	out := make([]int, len(text))
	for j, c := range text {
		diag := col[0]
		if anchored {
			col[0] = j + 1
		}
		for i := 1; i <= len(p); i++ {
			cost := 1
			if p[i-1] == c {
				cost = 0
			}
			next := min(diag+cost, col[i]+1, col[i-1]+1)
			diag, col[i] = col[i], next
		}
		out[j] = col[len(p)]
	}
	return out
}

// TestScannerMatchesNaiveDP checks the bit-parallel scanner against the
// plain DP on random strings over small alphabets (many near matches),
// with patterns on both sides of the 64-row block boundary.
func TestScannerMatchesNaiveDP(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabets := [][]rune{[]rune("ab"), []rune("abc é"), []rune("a🇫🇷𝔘\u0301x")}
	lengths := []int{1, 2, 5, 63, 64, 65, 127, 128, 129, 200}
	for _, alpha := range alphabets {
		for _, m := range lengths {
			p := randomRunes(rng, alpha, m)
			text := randomRunes(rng, alpha, 300)
			pt := compile(p)
			for _, anchored := range []bool{false, true} {
				want := naiveDistances(p, text, anchored)
				s := pt.scanner(anchored)
				for j, c := range text[:100] {
					if got := s.step(c); got != want[j] {
						t.Fatalf("alphabet %q m=%d anchored=%v: step: distance after %d = %d, want %d", string(alpha), m, anchored, j+1, got, want[j])
					}
				}
				got := make([]int32, len(text)-100)
				s.run(text[100:], got) // carries on from step's state
				for j, d := range got {
					if int(d) != want[100+j] {
						t.Fatalf("alphabet %q m=%d anchored=%v: run: distance after %d = %d, want %d", string(alpha), m, anchored, 101+j, d, want[100+j])
					}
				}
			}
		}
	}
}

func randomRunes(rng *rand.Rand, alpha []rune, n int) []rune {
	out := make([]rune, n)
	for i := range out {
		out[i] = alpha[rng.IntN(len(alpha))]
	}
	return out
}
