package article

import "unicode"

// CountWords counts the words of a text: maximal runs of letters, digits
// and combining marks, where an apostrophe, hyphen, period or comma
// between two such characters joins rather than splits ("don't",
// "US-Russia", "U.S.", "3.5" and "1,000" are one word each). Dashes,
// spaces, other punctuation and emoji separate words; a run of CJK
// characters counts as one word.
func CountWords(text string) int {
	rs := []rune(text)
	words := 0
	inWord := false
	for i, r := range rs {
		switch {
		case isWordRune(r):
			if !inWord {
				words++
			}
			inWord = true
		case inWord && isJoiner(r) && i+1 < len(rs) && isWordRune(rs[i+1]):
			// stays in the word
		default:
			inWord = false
		}
	}
	return words
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '‑', '.', ',':
		return true
	}
	return false
}
