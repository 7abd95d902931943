package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestCompareChunk: a draw adds the report's rows first, then the diff's
// items, compareChunk in all, building the items only once every row is
// drawn; side by side it never splits a row's two cells, and it says
// whether some are left.
func TestCompareChunk(t *testing.T) {
	for _, tc := range []struct {
		name               string
		drawn, rows, len   int
		sideBySide         bool
		wantRows, wantDiff int
		wantMore           bool
	}{
		{"all fit", compareChunk, 3, 5, false, 3, 5, false},
		{"report first", compareChunk, compareChunk + 1, 5, false, compareChunk, 0, true},
		{"then the diff", compareChunk, 1, 100, false, 1, compareChunk - 1, true},
		{"a row's two cells together", compareChunk, 1, 100, true, 1, compareChunk, true},
		{"the last cell drawn", compareChunk, 1, compareChunk - 1, true, 1, compareChunk - 1, false},
		{"everything, after a jump", int(^uint(0) >> 1), 500, 900, true, 500, 900, false},
	} {
		c := &comparePanel{drawn: tc.drawn, sideBySide: tc.sideBySide}
		built := false
		rows, diff, more := c.chunk(tc.rows, func() []app.UI { built = true; return make([]app.UI, tc.len) })
		if reportLeft := tc.wantRows < tc.rows; built == reportLeft {
			t.Errorf("%s: items built %v with rows of the report left %v", tc.name, built, reportLeft)
		}
		if rows != tc.wantRows || diff != tc.wantDiff || more != tc.wantMore {
			t.Errorf("%s: chunk = %d rows, %d items, more %v; want %d, %d, %v", tc.name, rows, diff, more, tc.wantRows, tc.wantDiff, tc.wantMore)
		}
	}
}
