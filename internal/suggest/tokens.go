package suggest

import (
	"strings"
	"unicode"
)

// tokKind classifies a token of the canonical text.
type tokKind uint8

const (
	tWord  tokKind = iota // letters and digits, with inner apostrophes, hyphens and dots
	tPunct                // one punctuation or symbol rune
	tPara                 // a paragraph break ("\n\n" in canonical text)
)

// token is a word, a punctuation rune or a paragraph break, located in code
// points. lower is the lower-cased word, used for every vocabulary lookup.
type token struct {
	start, end int
	kind       tokKind
	text       string
	lower      string
}

// tokenize splits runes into tokens. Words keep inner apostrophes (don’t,
// Putin’s), hyphens (full-scale) and dots
// (U.S, 0.5), so that those marks never look like quotation marks or
// sentence ends to the later passes.
func tokenize(r []rune) []token {
	var toks []token
	for i := 0; i < len(r); {
		c := r[i]
		switch {
		case unicode.IsSpace(c):
			j, newlines := i, 0
			for j < len(r) && unicode.IsSpace(r[j]) {
				if r[j] == '\n' {
					newlines++
				}
				j++
			}
			if newlines >= 2 {
				toks = append(toks, token{start: i, end: j, kind: tPara})
			}
			i = j
		case isWordRune(c):
			j := i + 1
			for j < len(r) {
				if isWordRune(r[j]) || unicode.Is(unicode.Mn, r[j]) {
					j++
					continue
				}
				if isJoiner(r[j]) && j+1 < len(r) && isWordRune(r[j+1]) {
					j += 2
					continue
				}
				break
			}
			s := string(r[i:j])
			toks = append(toks, token{start: i, end: j, kind: tWord, text: s, lower: strings.ToLower(s)})
			i = j
		default:
			s := string(c)
			toks = append(toks, token{start: i, end: i + 1, kind: tPunct, text: s, lower: s})
			i++
		}
	}
	return toks
}

func isWordRune(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// isJoiner reports marks that stay inside a word when a letter or digit
// follows: apostrophes, hyphens and dots.
func isJoiner(c rune) bool {
	switch c {
	case '\'', '’', '-', '‐', '.':
		return true
	}
	return false
}

// isCapitalized reports whether a word starts with an upper-case letter.
func isCapitalized(w string) bool {
	for _, c := range w {
		return unicode.IsUpper(c)
	}
	return false
}
