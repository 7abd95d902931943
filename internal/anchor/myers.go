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
	lastRow uint              // index of row m-1 within the last block
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
		lastRow: uint((len(p) - 1) % wordBits),
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
	hinPos   uint64   // 1: horizontal delta +1 entering row 0 (anchored), 0: free
	distance int
}

func (pt *pattern) scanner(anchored bool) *scanner {
	s := &scanner{pt: pt, pv: make([]uint64, pt.blocks), mv: make([]uint64, pt.blocks), distance: pt.m}
	for b := range s.pv {
		s.pv[b] = ^uint64(0) // column 0 is 0, 1, 2, …, m
	}
	if anchored {
		s.hinPos = 1
	}
	return s
}

// step reads code point c and returns the new distance.
func (s *scanner) step(c rune) int {
	eq := s.pt.eq(c)
	hNeg, hPos := uint64(0), s.hinPos
	last := len(s.pv) - 1
	for b := 0; b < last; b++ {
		s.pv[b], s.mv[b], hNeg, hPos = advanceBlock(s.pv[b], s.mv[b], eq[b], hNeg, hPos, wordBits-1)
	}
	s.pv[last], s.mv[last], hNeg, hPos = advanceBlock(s.pv[last], s.mv[last], eq[last], hNeg, hPos, s.pt.lastRow)
	s.distance += int(hPos) - int(hNeg)
	return s.distance
}

// run reads text, storing the distance after each code point in out
// (len(out) >= len(text)). It is step in a loop, with the state of a
// one-block pattern (quotes up to 64 code points) kept in registers: the
// approximate search spends its time here.
func (s *scanner) run(text []rune, out []int32) {
	if len(s.pv) > 1 {
		for i, c := range text {
			out[i] = int32(s.step(c))
		}
		return
	}
	pt := s.pt
	pv, mv, d := s.pv[0], s.mv[0], s.distance
	for i, c := range text {
		var hNeg, hPos uint64
		pv, mv, hNeg, hPos = advanceBlock(pv, mv, pt.eq(c)[0], 0, s.hinPos, pt.lastRow)
		d += int(hPos) - int(hNeg)
		out[i] = int32(d)
	}
	s.pv[0], s.mv[0], s.distance = pv, mv, d
}

// advanceBlock computes one 64-row block of the next column from the
// block's vertical deltas p (+1) and m (-1), its match mask and the
// horizontal delta entering its top row, given as hinNeg/hinPos bits (1
// when it is -1/+1); it returns the block's new vertical deltas and the
// horizontal delta leaving row lastRow as two bits. Bits above the
// pattern's last row hold garbage that never reaches lower rows: carries
// and shifts only move upwards. It has no branches and stays small enough
// for the compiler to inline it into the scan loop.
func advanceBlock(p, m, eq, hinNeg, hinPos uint64, lastRow uint) (pv, mv, houtNeg, houtPos uint64) {
	eq |= hinNeg
	xv := eq | m
	xh := (((eq & p) + p) ^ p) | eq
	ph := m | ^(xh | p)
	mh := p & xh
	houtPos, houtNeg = ph>>lastRow&1, mh>>lastRow&1 // ph and mh never share a bit
	ph = ph<<1 | hinPos
	mh = mh<<1 | hinNeg
	return mh | ^(xv | ph), ph & xv, houtNeg, houtPos
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
