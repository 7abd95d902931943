package revision

import "unicode/utf8"

// maxCodes is how many token codes there are: every rune value except the
// UTF-16 surrogates, which do not survive go-diff's rune/string round trips.
const maxCodes = utf8.MaxRune + 1 - (0xE000 - 0xD800)

// tokenID identifies a token key. go-diff compares tokens by code, one
// rune per distinct key. Past the coder's limit of distinct keys, every
// further key shares one last code, and overflow tells those keys apart
// (it is 0 for every key with a code of its own).
type tokenID struct {
	code     rune
	overflow int32
}

// coder numbers keys: to each distinct key its own tokenID.
type coder struct {
	codes    map[string]rune
	overflow map[string]int32
	next     rune
	limit    int
	// ascii caches the ids of one-byte keys (the space between words and
	// most punctuation: over half of all tokens), sparing them the map.
	ascii [utf8.RuneSelf]struct {
		id    tokenID
		known bool
	}
}

func newCoder(limit int) *coder {
	return &coder{codes: make(map[string]rune), overflow: make(map[string]int32), limit: limit}
}

// id returns the id of key. The coder keeps no reference to key's bytes.
func (c *coder) id(key []byte) tokenID {
	if len(key) == 1 && key[0] < utf8.RuneSelf {
		e := &c.ascii[key[0]]
		if !e.known {
			e.id, e.known = c.lookup(key), true
		}
		return e.id
	}
	return c.lookup(key)
}

func (c *coder) lookup(key []byte) tokenID {
	if r, ok := c.codes[string(key)]; ok {
		return tokenID{code: r}
	}
	if len(c.codes) >= c.limit-1 {
		// The shared overflow code, never given to one key alone.
		n, ok := c.overflow[string(key)]
		if !ok {
			n = int32(len(c.overflow) + 1)
			c.overflow[string(key)] = n
		}
		return tokenID{c.next, n}
	}
	r := c.next
	c.codes[string(key)] = r
	c.next++
	if c.next == 0xD800 {
		c.next = 0xE000
	}
	return tokenID{code: r}
}

// shared reports whether some keys share the overflow code.
func (c *coder) shared() bool { return len(c.overflow) > 0 }

// codes returns the tokens' codes, for go-diff.
func codes(toks []token) []rune {
	runes := make([]rune, len(toks))
	for i, t := range toks {
		runes[i] = t.id.code
	}
	return runes
}

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
