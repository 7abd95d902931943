package article

import (
	"errors"
	"os"
	"testing"
)

// FuzzParse checks, for every format, that Parse never panics and that
// whatever it returns keeps the article invariants (checkArticle).
func FuzzParse(f *testing.F) {
	for _, path := range []string{"testdata/putin-prayed-2025-03-23.txt", "testdata/putin-prayed.md", "testdata/putin-prayed.html", "testdata/unicode.txt"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		for format := range fuzzFormats {
			f.Add(data, uint8(format))
		}
	}
	for _, seed := range []string{
		" date 2025-03-23 Lede.", "title: T\n\nx", "---\ntitle: a\n---\n# H\n\n- a\n- b  \nc",
		"<p>a<br>b</p><script>x</script><a href='javascript:x'>y</a>", "Cafe\u0301 🇫🇷 𝔘 \u00a0 \u2028 x",
		"Mr. A. “Hi.” he said. Ok?! (Yes.)", "\r\n\r\n", "<svg><p>x</p></svg>", "`code` <b>x</b> &amp;",
		"\xff\xfe\x00", "\ufeff<!doctype html><title>x</title>",
	} {
		for format := range fuzzFormats {
			f.Add([]byte(seed), uint8(format))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		a, err := Parse(data, fuzzFormats[int(format)%len(fuzzFormats)])
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrEncoding) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrTooComplex) {
				t.Fatalf("unexpected error for %s: %v", fuzzFormats[int(format)%len(fuzzFormats)], err)
			}
			return
		}
		checkArticle(t, a)
	})
}

var fuzzFormats = []Format{FormatText, FormatMarkdown, FormatHTML}
