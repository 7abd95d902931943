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
	start, end   int32   // code points (span.Index holds int32 offsets too)
	bstart, bend int32   // bytes, for slicing
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
	var key []byte // reused: looking a []byte key up in a map allocates nothing
	cur := cursor{text: text}
	for !cur.done() {
		t := token{start: int32(cur.cp), bstart: int32(cur.b)}
		r, n := cur.peek()
		t.space = isSpace(r)
		switch {
		case t.space:
			for !cur.done() && isSpace(cur.rune()) {
				cur.next()
			}
		case IsWordRune(r):
			t.word = true
			cur.skip(n)
			cur.word()
		default:
			cur.symbol()
		}
		t.end, t.bend = int32(cur.cp), int32(cur.b)
		key = appendKey(key[:0], text[t.bstart:t.bend], t.space)
		t.id = c.id(key)
		t.paraBreak = string(key) == paraBreakKey
		t.sentencePunct = hasSentencePunct(key)
		toks = append(toks, t)
	}
	return toks
}

// IsWordRune: letters, digits and combining marks, so "e\u0301" and
// scripts that write vowels as marks stay inside their word. Package
// migrate counts words with it too, so both agree on what a word is.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isWordByte: ASCII letters and digits.
func isWordByte(b byte) bool {
	return 'a' <= b|0x20 && b|0x20 <= 'z' || '0' <= b && b <= '9'
}

// isSpace is unicode.IsSpace.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// isMark is unicode.IsMark, quick for the runes before the first mark.
func isMark(r rune) bool { return r >= 0x300 && unicode.IsMark(r) }

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
func tokenKey(s string, space bool) string { return string(appendKey(nil, s, space)) }

// appendKey appends tokenKey(s, space) to dst.
func appendKey(dst []byte, s string, space bool) []byte {
	if space {
		if strings.Count(s, "\n") >= 2 {
			return append(dst, paraBreakKey...)
		}
		return append(dst, spaceKey...)
	}
	if isASCII(s) {
		return append(dst, s...)
	}
	// Normalising first and replacing after gives the same key as the other
	// way round: no quote mark or hyphen composes with anything or comes
	// out of a canonical decomposition.
	start := len(dst)
	dst = norm.NFC.AppendString(dst, s)
	out := start
	for in := start; in < len(dst); {
		r, n := utf8.DecodeRune(dst[in:])
		if plain, ok := typography[r]; ok {
			dst[out] = plain
			out++
		} else {
			out += copy(dst[out:], dst[in:in+n])
		}
		in += n
	}
	return dst[:out]
}

// FoldTypography maps a curly quote or Unicode hyphen to the ASCII form the
// diff compares it as, and leaves every other rune as it is; migration
// searches moved text with the same folding.
func FoldTypography(r rune) rune {
	if plain, ok := typography[r]; ok {
		return rune(plain)
	}
	return r
}

// typography maps curly quotes and Unicode hyphens to their ASCII forms.
var typography = map[rune]byte{
	'‘': '\'', '’': '\'', '‚': '\'', '‛': '\'',
	'“': '"', '”': '"', '„': '"', '‟': '"',
	'\u2010': '-', '\u2011': '-',
}

// hasSentencePunct reports whether a key holds . ! ? or a quote mark or
// apostrophe.
func hasSentencePunct(key []byte) bool {
	for _, b := range key {
		switch b {
		case '.', '!', '?', '"', '\'':
			return true
		}
	}
	return false
}

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

// peek returns the next rune and its size in bytes.
func (c *cursor) peek() (rune, int) {
	if b := c.text[c.b]; b < utf8.RuneSelf {
		return rune(b), 1
	}
	return utf8.DecodeRuneInString(c.text[c.b:])
}

// rune is the next rune.
func (c *cursor) rune() rune {
	r, _ := c.peek()
	return r
}

// peekSecond is the rune after the next one, or -1 at the end.
func (c *cursor) peekSecond() rune {
	_, n := c.peek()
	if c.b+n >= len(c.text) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(c.text[c.b+n:])
	return r
}

// skip passes a rune of n bytes.
func (c *cursor) skip(n int) {
	c.b += n
	c.cp++
}

// next passes the next rune.
func (c *cursor) next() {
	_, n := c.peek()
	c.skip(n)
}

// word consumes the rest of a word: word runes, and joiners followed by
// one.
func (c *cursor) word() {
	for !c.done() {
		if isWordByte(c.text[c.b]) {
			c.skip(1)
			continue
		}
		r, n := c.peek()
		if !IsWordRune(r) && !(isJoiner(r) && IsWordRune(c.peekSecond())) {
			return
		}
		c.skip(n)
	}
}

// symbol consumes one punctuation mark or symbol with what visually belongs
// to it, so a diff never splits a flag or an emoji sequence: a second
// regional indicator, combining marks and variation selectors, skin-tone
// modifiers, and zero-width-joined continuations.
func (c *cursor) symbol() {
	first, n := c.peek()
	c.skip(n)
	if isRegionalIndicator(first) && !c.done() && isRegionalIndicator(c.rune()) {
		c.next()
	}
	for !c.done() {
		r, n := c.peek()
		switch {
		case isMark(r) || isEmojiModifier(r):
			c.skip(n)
		case r == '\u200d' && c.peekSecond() > 0 && !isSpace(c.peekSecond()):
			c.skip(n)
			c.next()
		default:
			return
		}
	}
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

func isEmojiModifier(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }
