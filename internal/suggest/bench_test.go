package suggest

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkSuggest100KB runs Suggest on about 100 KB of real news copy (the
// evaluation articles repeated).
func BenchmarkSuggest100KB(b *testing.B) {
	var one strings.Builder
	files, _ := os.ReadDir("testdata/eval")
	for _, f := range files {
		if strings.HasSuffix(f.Name(), ".txt") {
			data, err := os.ReadFile("testdata/eval/" + f.Name())
			if err != nil {
				b.Fatal(err)
			}
			one.WriteString(strings.TrimRight(string(data), "\n") + "\n\n")
		}
	}
	text := strings.Repeat(one.String(), 100_000/one.Len()+1)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Suggest(text)
	}
}
