package reading

import "unicode"

// CountWords counts the words of a text, as Redline shows it everywhere
// (the story page, the server's admin commands, an article parsed): maximal runs of letters, digits
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
		case countedRune(r):
			if !inWord {
				words++
			}
			inWord = true
		case inWord && countJoiner(r) && i+1 < len(rs) && countedRune(rs[i+1]):
			// stays in the word
		default:
			inWord = false
		}
	}
	return words
}

// countedRune and countJoiner are a word's characters as counted: unlike
// a selection's snap (snap.go), a period or comma between digits or
// letters joins ("3.5", "U.S."), so a count reads as a reader counts.
func countedRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func countJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '‑', '.', ',':
		return true
	}
	return false
}
