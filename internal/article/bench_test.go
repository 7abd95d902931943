package article

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// BenchmarkParse parses a ~100 KB article, built by repeating the sample
// article's paragraphs with numbered variations, as text and as an HTML
// page wrapped in navigation, scripts and adverts.
func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("testdata/putin-prayed-2025-03-23.txt")
	if err != nil {
		b.Fatal(err)
	}
	paragraphs := strings.Split(strings.TrimPrefix(string(data), " date 2025-03-23 "), "\n\n")
	var text, page strings.Builder
	page.WriteString(`<!doctype html><html><head><title>Long read</title><script>var x = 1;</script></head><body>` +
		`<nav><a href="/">Home</a><a href="/world">World</a></nav><article><h1>Long read</h1>`)
	for i := 0; text.Len() < 100_000; i++ {
		p := fmt.Sprintf("%s (Update %d: 🇫🇷 e\u0301 𝔘.)", paragraphs[i%len(paragraphs)], i)
		fmt.Fprintf(&text, "%s\n\n", p)
		fmt.Fprintf(&page, "<p>%s</p>\n", p)
		if i%10 == 9 {
			page.WriteString(`<div class="ad-slot"><script>ads.push({})</script>Advertisement</div>`)
		}
	}
	page.WriteString(`</article><footer>© 2025</footer></body></html>`)
	for _, input := range []struct {
		format Format
		data   []byte
	}{{FormatText, []byte(text.String())}, {FormatHTML, []byte(page.String())}} {
		b.Run(string(input.format), func(b *testing.B) {
			b.SetBytes(int64(len(input.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(input.data, input.format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
