package revision

import "unicode/utf8"

// maxCodes is how many token codes there are: every rune value except the
// UTF-16 surrogates, which do not survive go-diff's rune/string round trips.
const maxCodes = utf8.MaxRune + 1 - (0xE000 - 0xD800)

// coder gives each distinct token key its own rune so go-diff can compare
// tokens as characters. Past limit distinct keys, every further key shares
// one last code; decode then tells those tokens apart by their keys.
type coder struct {
	codes map[string]rune
	next  rune
	limit int
	// shared is set once a key got the overflow code (then c.next).
	shared bool
}

func newCoder(limit int) *coder {
	return &coder{codes: make(map[string]rune), limit: limit}
}

func (c *coder) encode(toks []token) []rune {
	runes := make([]rune, len(toks))
	for i, t := range toks {
		runes[i] = c.code(t.key)
	}
	return runes
}

func (c *coder) code(key string) rune {
	if r, ok := c.codes[key]; ok {
		return r
	}
	r := c.next
	if len(c.codes) >= c.limit-1 {
		c.shared = true
		return r // the shared overflow code, never given to one key alone
	}
	c.codes[key] = r
	c.next++
	if c.next == 0xD800 {
		c.next = 0xE000
	}
	return r
}

// isShared reports whether code r may stand for more than one key.
func (c *coder) isShared(r rune) bool { return c.shared && r == c.next }

// chunk is a run of tokens, old[o0:o1] and new[n0:n1]: equal ones, or a
// change (deleted old tokens replaced by inserted new ones, either may be
// empty).
type chunk struct {
	equal          bool
	o0, o1, n0, n1 int
}

// chunkBuilder appends token runs, merging neighbours of the same kind so
// equal and change chunks alternate.
type chunkBuilder struct {
	chunks []chunk
	o, n   int
}

func (cb *chunkBuilder) add(equal bool, do, dn int) {
	if k := len(cb.chunks) - 1; k >= 0 && cb.chunks[k].equal == equal {
		cb.chunks[k].o1 += do
		cb.chunks[k].n1 += dn
	} else {
		cb.chunks = append(cb.chunks, chunk{equal, cb.o, cb.o + do, cb.n, cb.n + dn})
	}
	cb.o += do
	cb.n += dn
}
