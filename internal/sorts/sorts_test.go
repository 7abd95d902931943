package sorts

import (
	"cmp"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// item compares by key only, so ties show whether equal elements end up
// where slices' sorts put them.
type item struct{ key, at int }

func byKey(a, b item) int { return cmp.Compare(a.key, b.key) }

func TestSameAsSlices(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 5, 12, 13, 50, 100, 1000, 5000} {
		for _, keys := range []int{1, 3, n + 1} { // all equal, many ties, few ties
			in := make([]item, n)
			for i := range in {
				in[i] = item{r.IntN(keys), i}
			}
			for _, c := range []struct {
				name       string
				ours, want func([]item, func(a, b item) int)
			}{
				{"Func", Func[item], slices.SortFunc[[]item]},
				{"StableFunc", StableFunc[item], slices.SortStableFunc[[]item]},
			} {
				got, want := slices.Clone(in), slices.Clone(in)
				c.ours(got, byKey)
				c.want(want, byKey)
				if !slices.Equal(got, want) {
					t.Errorf("%s, %d items, %d keys: not the order slices gives", c.name, n, keys)
				}
			}
		}
	}
}

func TestCollect(t *testing.T) {
	m := map[string]int{"b": 1, "c": 2, "a": 3}
	got := Collect(maps.Keys(m), cmp.Compare[string])
	if want := []string{"a", "b", "c"}; !slices.Equal(got, want) {
		t.Errorf("Collect = %q, want %q", got, want)
	}
	if got := Collect(maps.Keys(map[string]int{}), cmp.Compare[string]); len(got) != 0 {
		t.Errorf("Collect of nothing = %q", got)
	}
}

func FuzzSameAsSlices(f *testing.F) {
	f.Add([]byte{3, 1, 2, 1, 3, 0})
	f.Fuzz(func(t *testing.T, keys []byte) {
		in := make([]item, len(keys))
		for i, k := range keys {
			in[i] = item{int(k % 8), i}
		}
		got, want := slices.Clone(in), slices.Clone(in)
		Func(got, byKey)
		slices.SortFunc(want, byKey)
		if !slices.Equal(got, want) {
			t.Fatalf("Func: %v, slices.SortFunc: %v", got, want)
		}
	})
}
