package revision

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestRuneClassesMatchUnicode checks the quick rune classes against the
// unicode package's definitions, rune by rune.
func TestRuneClassesMatchUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := IsWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r); got != want {
			t.Fatalf("IsWordRune(%U) = %v", r, got)
		}
		if isSpace(r) != unicode.IsSpace(r) || isMark(r) != unicode.IsMark(r) {
			t.Fatalf("isSpace or isMark wrong for %U", r)
		}
	}
}

// FuzzTokenKey checks tokenKey against its definition: curly quotes and
// Unicode hyphens replaced by ASCII ones, then NFC; any whitespace is one
// space, a blank line among it a paragraph break.
func FuzzTokenKey(f *testing.F) {
	for _, s := range []string{"Putin’s", "“super”", "well\u2010known", "cafe\u0301", "’\u0301", "‚„‛‟", "𝔘🇫🇷", "plain"} {
		f.Add(s)
	}
	plain := strings.NewReplacer(
		"‘", "'", "’", "'", "‚", "'", "‛", "'",
		"“", `"`, "”", `"`, "„", `"`, "‟", `"`,
		"\u2010", "-", "\u2011", "-",
	)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("the canonical texts the diff takes are valid UTF-8")
		}
		if got, want := tokenKey(s, false), norm.NFC.String(plain.Replace(s)); got != want {
			t.Errorf("tokenKey(%q) = %q, want %q", s, got, want)
		}
		want := spaceKey
		if strings.Count(s, "\n") >= 2 {
			want = paraBreakKey
		}
		if got := tokenKey(s, true); got != want {
			t.Errorf("tokenKey(%q, space) = %q, want %q", s, got, want)
		}
	})
}
