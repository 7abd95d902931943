package suggest

import "unicode"

// sentence is a token range [first, last] that ends at a full stop,
// question or exclamation mark (with any closing marks after it) or at a
// paragraph break.
type sentence struct{ first, last int }

// splitSentences splits tokens into sentences and returns, for each token,
// the index of its sentence (-1 for paragraph breaks).
func splitSentences(toks []token) ([]sentence, []int) {
	var out []sentence
	of := make([]int, len(toks))
	start := -1
	flush := func(last int) {
		if start >= 0 && last >= start {
			for k := start; k <= last; k++ {
				of[k] = len(out)
			}
			out = append(out, sentence{start, last})
		}
		start = -1
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tPara {
			flush(i - 1)
			of[i] = -1
			continue
		}
		if start < 0 {
			start = i
		}
		if t.kind != tPunct || !isTerminal(t.text) {
			continue
		}
		if end, ok := sentenceEnd(toks, i); ok {
			flush(end)
			i = end
		}
	}
	flush(len(toks) - 1)
	return out, of
}

func isTerminal(s string) bool { return s == "." || s == "!" || s == "?" || s == "…" }

// sentenceEnd decides whether the terminal mark at toks[i] ends a sentence,
// and returns the last token of that sentence (closing quotes and brackets
// glued to the mark belong to it).
func sentenceEnd(toks []token, i int) (int, bool) {
	if toks[i].text == "." && i > 0 && toks[i-1].kind == tWord && toks[i-1].end == toks[i].start && isAbbreviation(toks[i-1].text) {
		if i+1 < len(toks) && toks[i+1].kind != tPara {
			return 0, false
		}
	}
	j := i + 1
	for j < len(toks) && toks[j].kind == tPunct && toks[j].start == toks[j-1].end && isCloser(toks[j].text) {
		j++
	}
	if j == len(toks) || toks[j].kind == tPara {
		return j - 1, true
	}
	next := toks[j]
	if next.start == toks[j-1].end {
		return 0, false
	}
	first := []rune(next.text)[0]
	if next.kind == tWord && (unicode.IsUpper(first) || unicode.IsDigit(first)) || next.kind == tPunct && isOpenerText(next.text) {
		return j - 1, true
	}
	return 0, false
}

// isAbbreviation: a known abbreviation, an initial, or a dotted word (U.S).
func isAbbreviation(w string) bool {
	r := []rune(w)
	if len(r) == 1 && unicode.IsUpper(r[0]) {
		return true
	}
	for _, c := range r {
		if c == '.' {
			return true
		}
	}
	return abbreviations[lowerASCII(w)]
}

func isCloser(s string) bool {
	switch s {
	case "”", "\"", "’", "'", "»", "“", ")", "]":
		return true
	}
	return false
}

func isOpenerText(s string) bool {
	switch s {
	case "“", "\"", "‘", "«", "„", "(", "[", "—", "-":
		return true
	}
	return false
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
