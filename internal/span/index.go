package span

import (
	"sort"
	"unicode/utf8"
)

// Index converts between code-point, byte and UTF-16 offsets of one string.
// Building it is O(n); code point to byte or UTF-16 is O(1), the reverse
// O(log n). Invalid UTF-8 bytes count as one code point each (U+FFFD), as
// Go's range loop does.
type Index struct {
	text   string
	bytes  []int32 // bytes[i]: byte offset of code point i; bytes[n] = len(text)
	utf16s []int32 // utf16s[i]: UTF-16 offset of code point i
}

// NewIndex indexes text.
func NewIndex(text string) *Index {
	n := utf8.RuneCountInString(text)
	ix := &Index{text: text, bytes: make([]int32, 0, n+1), utf16s: make([]int32, 0, n+1)}
	u := int32(0)
	for b, r := range text {
		ix.bytes = append(ix.bytes, int32(b))
		ix.utf16s = append(ix.utf16s, u)
		u++
		if r >= 0x10000 {
			u++ // a surrogate pair in UTF-16
		}
	}
	ix.bytes = append(ix.bytes, int32(len(text)))
	ix.utf16s = append(ix.utf16s, u)
	return ix
}

// Text is the indexed string.
func (ix *Index) Text() string { return ix.text }

// Len is the number of code points.
func (ix *Index) Len() int { return len(ix.bytes) - 1 }

// Byte returns the byte offset of code point cp, clamped to [0, Len()].
func (ix *Index) Byte(cp int) int { return int(ix.bytes[ix.clamp(cp)]) }

// UTF16 returns the UTF-16 offset of code point cp, clamped to [0, Len()].
func (ix *Index) UTF16(cp int) int { return int(ix.utf16s[ix.clamp(cp)]) }

// FromByte returns the code point that starts at or contains byte offset b.
func (ix *Index) FromByte(b int) int { return search(ix.bytes, b) }

// FromUTF16 returns the code point at or containing UTF-16 offset u (an
// offset inside a surrogate pair maps to the pair's code point).
func (ix *Index) FromUTF16(u int) int { return search(ix.utf16s, u) }

// Slice returns the text of a span given in code points (clamped).
func (ix *Index) Slice(s Span) string {
	start, end := ix.Byte(s.Start), ix.Byte(s.End)
	if end < start {
		return ""
	}
	return ix.text[start:end]
}

// BytesToSpan converts a byte range to code points.
func (ix *Index) BytesToSpan(start, end int) Span {
	return Span{ix.FromByte(start), ix.FromByte(end)}
}

func (ix *Index) clamp(cp int) int {
	return max(0, min(cp, ix.Len()))
}

// search finds the largest i with offsets[i] <= x, clamped to the table.
func search(offsets []int32, x int) int {
	i := sort.Search(len(offsets), func(i int) bool { return int(offsets[i]) > x })
	return max(0, i-1)
}
