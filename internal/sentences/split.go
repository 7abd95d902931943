// Package sentences splits clean paragraphs into sentences. It is a leaf
// package so that the diff (internal/revision), which the page links, can
// use the same rules as the article parser without linking the parser.
package sentences

import (
	"strings"
	"unicode"

	"github.com/redline-news/redline/internal/span"
)

// Split splits one clean paragraph into sentences, as code-point
// spans relative to the paragraph. A sentence ends at ".", "!", "?" or "…"
// (with any closing quotes and brackets after it) that is followed by
// white space and then something other than a lowercase letter, or at the
// end of the paragraph; CJK full stops need no space after them. A period
// after an abbreviation ("Mr.", "U.S.", an initial like "J.") does not end
// a sentence. The rules lean towards too few splits: a sentence that runs
// on is harmless, a quote cut in two is not.
func Split(paragraph string) []span.Span {
	rs := []rune(paragraph)
	var out []span.Span
	start := 0
	for i := 0; i < len(rs); i++ {
		wide := isWideTerminator(rs[i])
		if !wide && !isTerminator(rs[i]) {
			continue
		}
		at := i
		end := i + 1
		for end < len(rs) && (isTerminator(rs[end]) || isWideTerminator(rs[end])) {
			end++
		}
		singlePeriod := rs[at] == '.' && end == at+1
		for end < len(rs) && isCloser(rs[end]) {
			end++
		}
		next := end
		for next < len(rs) && unicode.IsSpace(rs[next]) {
			next++
		}
		i = end - 1
		switch {
		case next == len(rs):
			continue // the paragraph's end closes the last sentence
		case !wide && next == end:
			continue // "3.5", "example.com", "?!" inside a word
		case unicode.IsLower(rs[next]):
			continue // "e.g. this", "“Why?” he asked"
		case singlePeriod && isAbbreviation(rs[start:at]):
			continue
		}
		out = append(out, span.Span{Start: start, End: end})
		start = next
		i = next - 1
	}
	if start < len(rs) {
		out = append(out, span.Span{Start: start, End: len(rs)})
	}
	return out
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isWideTerminator(r rune) bool { return r == '。' || r == '！' || r == '？' }

// isCloser reports closing quotes and brackets that belong to the sentence
// they follow: “friend.” ends after the ”.
func isCloser(r rune) bool {
	return strings.ContainsRune("\"'”’»›)]}」』", r)
}

// abbreviations end with a period but rarely end a sentence: titles before
// a name, months and "No." before a number. Words like "Inc." or "etc."
// often do end one, so they are not listed; when the next word is in
// lowercase no split happens anyway.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Mx": true, "Dr": true, "Prof": true, "Sr": true, "Jr": true,
	"St": true, "Mt": true, "Ft": true, "Gen": true, "Col": true, "Lt": true, "Maj": true, "Sgt": true,
	"Capt": true, "Cmdr": true, "Adm": true, "Gov": true, "Sen": true, "Rep": true, "Rev": true,
	"Hon": true, "Pres": true, "Supt": true, "Insp": true, "Det": true, "Amb": true, "Atty": true,
	"vs": true, "No": true, "Nos": true, "Fig": true, "approx": true, "Dept": true, "Univ": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
}

// isAbbreviation reports whether the text before a single period ends
// with an abbreviation: a listed word, a single capital (an initial), or
// short parts joined by periods ("U.S", "e.g", "a.m", "Ph.D"; not
// "example.com").
func isAbbreviation(before []rune) bool {
	from := len(before)
	for from > 0 && !unicode.IsSpace(before[from-1]) && !isOpener(before[from-1]) {
		from--
	}
	word := string(before[from:])
	switch {
	case word == "":
		return false
	case abbreviations[word]:
		return true
	case len([]rune(word)) == 1:
		return unicode.IsUpper([]rune(word)[0])
	}
	parts := strings.Split(word, ".")
	for _, p := range parts {
		if p == "" || len([]rune(p)) > 2 {
			return false
		}
	}
	return len(parts) > 1
}

func isOpener(r rune) bool { return strings.ContainsRune("\"'“‘«‹([{「『", r) }
