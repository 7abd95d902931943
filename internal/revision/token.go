package revision

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one unit of the word diff: a word, a run of whitespace or one
// punctuation mark or symbol (with whatever combines with it). It holds no
// pointers, so a text's tokens are one flat allocation the garbage
// collector need not scan.
type token struct {
	start, end   int     // code points
	bstart, bend int     // bytes, for slicing
	id           tokenID // equal for tokens whose keys (see tokenKey) are equal
	word         bool    // counts in WordsAdded / WordsRemoved
	space        bool    // a run of whitespace
	paraBreak    bool    // whitespace holding a blank line
	// sentencePunct: the key holds . ! ? or a quote mark or apostrophe,
	// as the last token of a sentence does.
	sentencePunct bool
}

// Keys of whitespace runs: all intra-paragraph whitespace compares equal,
// a blank line (paragraph break) only to another blank line.
const (
	spaceKey     = " "
	paraBreakKey = "\n\n"
)

// tokenize splits text into tokens that cover it exactly, in order, and
// identifies each by its key with c (so tokens of texts tokenised with the
// same coder compare by id).
func tokenize(text string, c *coder) []token {
	// About one token per three bytes in English prose; fewer in scripts
	// of more bytes per letter.
	toks := make([]token, 0, len(text)/3+1)
	cur := cursor{text: text}
	for !cur.done() {
		t := token{start: cur.cp, bstart: cur.b}
		r := cur.peek()
		t.space = unicode.IsSpace(r)
		switch {
		case t.space:
			for !cur.done() && unicode.IsSpace(cur.peek()) {
				cur.advance()
			}
		case isWordRune(r):
			t.word = true
			cur.advance()
			for !cur.done() {
				if r := cur.peek(); isWordRune(r) || isJoiner(r) && isWordRune(cur.peekSecond()) {
					cur.advance()
					continue
				}
				break
			}
		default:
			cur.symbol()
		}
		t.end, t.bend = cur.cp, cur.b
		key := tokenKey(text[t.bstart:t.bend], t.space)
		t.id = c.id(key)
		t.paraBreak = key == paraBreakKey
		t.sentencePunct = strings.ContainsAny(key, `.!?"'`)
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
