package revision

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one unit of the word diff: a word, a run of whitespace or one
// punctuation mark or symbol (with whatever combines with it).
type token struct {
	start, end   int    // code points
	bstart, bend int    // bytes, for slicing
	key          string // the text compared, with typographic noise removed
	word         bool   // counts in WordsAdded / WordsRemoved
	space        bool   // a run of whitespace
	paraBreak    bool   // whitespace holding a blank line
}

// Keys of whitespace runs: all intra-paragraph whitespace compares equal,
// a blank line (paragraph break) only to another blank line.
const (
	spaceKey     = " "
	paraBreakKey = "\n\n"
)

// tokenize splits text into tokens that cover it exactly, in order.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/4)
	c := cursor{text: text}
	for !c.done() {
		t := token{start: c.cp, bstart: c.b}
		r := c.peek()
		switch {
		case unicode.IsSpace(r):
			for !c.done() && unicode.IsSpace(c.peek()) {
				c.advance()
			}
		case isWordRune(r):
			t.word = true
			c.advance()
			for !c.done() {
				if r := c.peek(); isWordRune(r) || isJoiner(r) && isWordRune(c.peekSecond()) {
					c.advance()
					continue
				}
				break
			}
		default:
			c.symbol()
		}
		t.end, t.bend = c.cp, c.b
		t.space = unicode.IsSpace(r)
		t.key = tokenKey(text[t.bstart:t.bend], t.space)
		t.paraBreak = t.key == paraBreakKey
		toks = append(toks, t)
	}
	return toks
}

// isWordRune: letters, digits and combining marks, so "e\u0301" and
// scripts that write vowels as marks stay inside their word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isJoiner: apostrophes and hyphens that keep "Putin’s" and "well-known"
// one word when a word character follows them.
func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '\u2010', '\u2011':
		return true
	}
	return false
}

// tokenKey is what tokens are compared by. Readers do not care about curly
// versus straight quotes, Unicode versus ASCII hyphens inside words,
// non-breaking versus ordinary spaces, how much whitespace separates two
// words, or NFC versus NFD; dashes are punctuation and stay distinct.
func tokenKey(s string, space bool) string {
	if space {
		if strings.Count(s, "\n") >= 2 {
			return paraBreakKey
		}
		return spaceKey
	}
	if isASCII(s) {
		return s
	}
	return norm.NFC.String(typography.Replace(s))
}

var typography = strings.NewReplacer(
	"‘", "'", "’", "'", "‚", "'", "‛", "'",
	"“", `"`, "”", `"`, "„", `"`, "‟", `"`,
	"\u2010", "-", "\u2011", "-",
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// cursor walks a string keeping byte and code-point offsets in step.
// Invalid UTF-8 bytes count as one code point each, as in span.Index.
type cursor struct {
	text  string
	b, cp int
}

func (c *cursor) done() bool { return c.b >= len(c.text) }

func (c *cursor) peek() rune {
	r, _ := utf8.DecodeRuneInString(c.text[c.b:])
	return r
}

// peekSecond is the rune after the next one, or -1 at the end.
func (c *cursor) peekSecond() rune {
	_, n := utf8.DecodeRuneInString(c.text[c.b:])
	if c.b+n >= len(c.text) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(c.text[c.b+n:])
	return r
}

func (c *cursor) advance() {
	_, n := utf8.DecodeRuneInString(c.text[c.b:])
	c.b += n
	c.cp++
}

// symbol consumes one punctuation mark or symbol with what visually belongs
// to it, so a diff never splits a flag or an emoji sequence: a second
// regional indicator, combining marks and variation selectors, skin-tone
// modifiers, and zero-width-joined continuations.
func (c *cursor) symbol() {
	first := c.peek()
	c.advance()
	if isRegionalIndicator(first) && !c.done() && isRegionalIndicator(c.peek()) {
		c.advance()
	}
	for !c.done() {
		r := c.peek()
		switch {
		case unicode.IsMark(r) || isEmojiModifier(r):
			c.advance()
		case r == '\u200d' && c.peekSecond() > 0 && !unicode.IsSpace(c.peekSecond()):
			c.advance()
			c.advance()
		default:
			return
		}
	}
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

func isEmojiModifier(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }
