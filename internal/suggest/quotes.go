package suggest

import (
	"unicode"

	"github.com/redline-news/redline/internal/span"
)

// family is the kind of mark that opened a quotation; it decides which
// marks close it and which mark repeats at the start of a continued
// paragraph.
type family uint8

const (
	famDouble    family = iota + 1 // “…” or "…" (mixed pairs are common in real copy)
	famGuillemet                   // «…»
	famLow                         // „…“ or „…”
	famSingle                      // ‘…’ (British style); never the straight '
)

// rawQuote is a quotation found by its marks alone: the rune index of the
// opening and closing marks and the trimmed content between them.
type rawQuote struct {
	open, close int
	content     span.Span
}

// findQuotes scans the text once for top-level quotations. Marks of another
// family inside an open quotation are nested quotes and are ignored, so the
// outer quotation is what is returned. A quotation still open at a paragraph
// break continues only when the next paragraph starts with an opening mark
// of the same family (the convention for quotes running over paragraphs);
// otherwise it is dropped as unbalanced.
func findQuotes(r []rune) []rawQuote {
	var out []rawQuote
	open := -1
	var fam family
	for i := 0; i < len(r); i++ {
		c := r[i]
		if open < 0 {
			if f, ok := opener(r, i); ok {
				open, fam = i, f
			}
			continue
		}
		switch {
		case closes(fam, r, i):
			if q, ok := makeQuote(r, open, i); ok {
				out = append(out, q)
			}
			open = -1
		case c == '\n' && paragraphBreakAt(r, i):
			j := i
			for j < len(r) && unicode.IsSpace(r[j]) {
				j++
			}
			if j < len(r) && reopens(fam, r[j]) {
				i = j // the repeated opening mark belongs to the same quotation
				continue
			}
			open = -1
			i = j - 1
		case sameOpener(fam, c):
			open = i // an opener that was never closed: restart at the new one
		}
	}
	return out
}

// opener reports whether r[i] opens a quotation, and of which family.
func opener(r []rune, i int) (family, bool) {
	switch r[i] {
	case '“':
		return famDouble, true
	case '"':
		return famDouble, !inchMark(r, i)
	case '”':
		return famDouble, reversedOpener(r, i)
	case '«':
		return famGuillemet, true
	case '„':
		return famLow, true
	case '‘':
		return famSingle, !leftApostrophe(r, i)
	}
	return 0, false
}

// inchMark recognises a straight " right after a digit (a 12" pipe, 5'10"),
// which measures and never opens a quotation. It may still close one: a
// quotation can end with a figure ("… by 2030").
func inchMark(r []rune, i int) bool {
	return i > 0 && unicode.IsDigit(r[i-1])
}

// reversedOpener recognises a ” typed where “ was meant (”We will win,”
// she said): at the start of a paragraph or after a space or bracket, with
// a word right after it. A real closing mark follows the words it closes.
func reversedOpener(r []rune, i int) bool {
	before := i == 0 || unicode.IsSpace(r[i-1]) || r[i-1] == '(' || r[i-1] == '—'
	return before && i+1 < len(r) && (isWordRune(r[i+1]) || r[i+1] == '…')
}

// reversedCloser recognises a “ typed where ” was meant (“We will win,“
// she said): glued to the words before it and followed by a space,
// punctuation or the end of the text.
func reversedCloser(r []rune, i int) bool {
	if i == 0 || unicode.IsSpace(r[i-1]) {
		return false
	}
	return i+1 == len(r) || unicode.IsSpace(r[i+1]) || unicode.IsPunct(r[i+1])
}

// leftApostrophe recognises a ‘ that is really an elision typed with the
// wrong mark (‘90s, ‘em, ‘til) or that sits inside a word.
func leftApostrophe(r []rune, i int) bool {
	if i > 0 && isWordRune(r[i-1]) {
		return true
	}
	j := i + 1
	for j < len(r) && isWordRune(r[j]) {
		j++
	}
	w := string(r[i+1 : j])
	switch w {
	case "em", "til", "n", "cause", "tis", "twas":
		return true
	}
	return len(w) == 3 && unicode.IsDigit(r[i+1]) && unicode.IsDigit(r[i+2]) && r[i+3] == 's'
}

// closes reports whether r[i] closes a quotation of family f. A ’ with a
// letter on both sides is an apostrophe (don’t), not a closing mark.
func closes(f family, r []rune, i int) bool {
	c := r[i]
	switch f {
	case famDouble:
		return c == '”' || c == '"' || c == '“' && reversedCloser(r, i)
	case famGuillemet:
		return c == '»'
	case famLow:
		return c == '“' || c == '”'
	case famSingle:
		if c != '’' {
			return false
		}
		after := i+1 < len(r) && isWordRune(r[i+1])
		return !after
	}
	return false
}

// reopens reports whether c, at the start of a paragraph, continues an open
// quotation of family f.
func reopens(f family, c rune) bool {
	switch f {
	case famDouble:
		return c == '“' || c == '"'
	case famGuillemet:
		return c == '«'
	case famLow:
		return c == '„'
	case famSingle:
		return c == '‘'
	}
	return false
}

// sameOpener reports an opening mark of the open family that is not also a
// closing one (a straight " always closes).
func sameOpener(f family, c rune) bool {
	return (f == famDouble && c == '“') || (f == famGuillemet && c == '«') || (f == famLow && c == '„')
}

// paragraphBreakAt reports whether the newline at r[i] starts a blank line.
func paragraphBreakAt(r []rune, i int) bool {
	for j := i + 1; j < len(r) && unicode.IsSpace(r[j]); j++ {
		if r[j] == '\n' {
			return true
		}
	}
	return false
}

// makeQuote trims the whitespace inside the marks; empty quotations are not
// quotations.
func makeQuote(r []rune, open, close int) (rawQuote, bool) {
	s, e := open+1, close
	for s < e && unicode.IsSpace(r[s]) {
		s++
	}
	for e > s && unicode.IsSpace(r[e-1]) {
		e--
	}
	return rawQuote{open: open, close: close, content: span.Span{Start: s, End: e}}, e > s
}
