package anchor

// Bit-parallel edit distance (Myers 1999, "A fast bit-vector algorithm for
// approximate string matching based on dynamic programming", with the
// block extension of §4 for patterns longer than 64 code points). One text
// code point costs O(⌈m/64⌉) word operations for a pattern of m code
// points. Every edit (insertion, deletion, substitution) counts 1.

const wordBits = 64

// pattern is a string compiled for bit-parallel matching.
type pattern struct {
	m       int
	blocks  int
	ascii   []uint64          // ascii[c*blocks+b]: rows of block b holding ASCII c
	other   map[rune][]uint64 // the same for every other code point
	none    []uint64          // all zero: a code point absent from the pattern
	lastRow uint64            // bit of row m-1 in the last block
}

// compile prepares p (non-empty) for matching.
func compile(p []rune) *pattern {
	blocks := (len(p) + wordBits - 1) / wordBits
	pt := &pattern{
		m:       len(p),
		blocks:  blocks,
		ascii:   make([]uint64, 128*blocks),
		other:   map[rune][]uint64{},
		none:    make([]uint64, blocks),
		lastRow: 1 << uint((len(p)-1)%wordBits),
	}
	for i, c := range p {
		b, bit := i/wordBits, uint64(1)<<uint(i%wordBits)
		if c >= 0 && c < 128 {
			pt.ascii[int(c)*blocks+b] |= bit
			continue
		}
		eq := pt.other[c]
		if eq == nil {
			eq = make([]uint64, blocks)
			pt.other[c] = eq
		}
		eq[b] |= bit
	}
	return pt
}

// eq is the match mask of code point c: bit i of block b is set when the
// pattern has c at row 64b+i.
func (pt *pattern) eq(c rune) []uint64 {
	if c >= 0 && c < 128 {
		return pt.ascii[int(c)*pt.blocks : (int(c)+1)*pt.blocks]
	}
	if eq, ok := pt.other[c]; ok {
		return eq
	}
	return pt.none
}

// scanner walks a text one code point at a time and keeps the edit
// distance between the whole pattern and the text read so far:
//   - free (anchored=false): to the best substring ending here, i.e. the
//     match may start anywhere (approximate search);
//   - anchored: to the whole text read so far (plain Levenshtein).
type scanner struct {
	pt       *pattern
	pv, mv   []uint64 // vertical +1 / -1 deltas of the current column
	hin      int      // horizontal delta entering row 0: 0 free, +1 anchored
	distance int
}

func (pt *pattern) scanner(anchored bool) *scanner {
	s := &scanner{pt: pt, pv: make([]uint64, pt.blocks), mv: make([]uint64, pt.blocks), distance: pt.m}
	for b := range s.pv {
		s.pv[b] = ^uint64(0) // column 0 is 0, 1, 2, …, m
	}
	if anchored {
		s.hin = 1
	}
	return s
}

// step reads code point c and returns the new distance.
func (s *scanner) step(c rune) int {
	eq := s.pt.eq(c)
	h := s.hin
	last := s.pt.blocks - 1
	for b := 0; b < last; b++ {
		h = advanceBlock(&s.pv[b], &s.mv[b], eq[b], h, 1<<(wordBits-1))
	}
	s.distance += advanceBlock(&s.pv[last], &s.mv[last], eq[last], h, s.pt.lastRow)
	return s.distance
}

// advanceBlock computes one 64-row block of the next column from the
// block's vertical deltas, its match mask and the horizontal delta hin
// entering its top row; it returns the horizontal delta leaving the row
// lastRow. Bits above the pattern's last row hold garbage that never
// reaches lower rows: carries and shifts only move upwards.
func advanceBlock(pv, mv *uint64, eq uint64, hin int, lastRow uint64) int {
	p, m := *pv, *mv
	if hin < 0 {
		eq |= 1
	}
	xv := eq | m
	xh := (((eq & p) + p) ^ p) | eq
	ph := m | ^(xh | p)
	mh := p & xh
	hout := 0
	if ph&lastRow != 0 {
		hout = 1
	} else if mh&lastRow != 0 {
		hout = -1
	}
	ph <<= 1
	mh <<= 1
	if hin < 0 {
		mh |= 1
	} else if hin > 0 {
		ph |= 1
	}
	*pv = mh | ^(xv | ph)
	*mv = ph & xv
	return hout
}

// distance is the Levenshtein distance between the pattern and text.
func (pt *pattern) distance(text []rune) int {
	s := pt.scanner(true)
	for _, c := range text {
		s.step(c)
	}
	return s.distance
}

// endDistance is the smallest edit distance between the pattern and a
// suffix of text (the pattern must end where text ends, but may start
// anywhere). With reverse=true text is read backwards, which measures the
// pattern (given reversed) against a prefix of text.
func (pt *pattern) endDistance(text []rune, reverse bool) int {
	s := pt.scanner(false)
	for i := range text {
		if reverse {
			s.step(text[len(text)-1-i])
		} else {
			s.step(text[i])
		}
	}
	return s.distance
}
