// Package sorts sorts slices like slices.SortFunc and slices.SortStableFunc,
// with the same results, through package sort's one compiled copy of the
// algorithms. slices' generic sorts are compiled again for every element
// type (pdqsort, about 20 KB of wasm each): a dozen types cost app.wasm
// over 200 KB of code. Here each type adds only a closure; swaps go
// through reflection, so keep slices' own for sorts that are hot.
package sorts

import (
	"iter"
	"sort"
)

// Func sorts xs in ascending order as determined by cmp, exactly as
// slices.SortFunc does: sort.Slice runs the same pdqsort, so even elements
// that compare equal end up in the same order.
func Func[T any](xs []T, cmp func(a, b T) int) {
	sort.Slice(xs, func(i, j int) bool { return cmp(xs[i], xs[j]) < 0 })
}

// StableFunc sorts xs as slices.SortStableFunc does, keeping the order of
// equal elements.
func StableFunc[T any](xs []T, cmp func(a, b T) int) {
	sort.SliceStable(xs, func(i, j int) bool { return cmp(xs[i], xs[j]) < 0 })
}

// Collect returns the values of seq sorted by cmp, as slices.SortedFunc.
func Collect[T any](seq iter.Seq[T], cmp func(a, b T) int) []T {
	var xs []T
	for x := range seq {
		xs = append(xs, x)
	}
	Func(xs, cmp)
	return xs
}
