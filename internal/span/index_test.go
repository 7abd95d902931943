package span

import (
	"testing"
	"unicode/utf16"
)

func TestIndexConversions(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"ascii", "super smart"},
		{"emoji", "I 😀 it"},
		{"flag", "go 🇫🇷 team"},
		{"combining", "cafe\u0301 au lait"},
		{"astral letter", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text"},
		{"empty", ""},
		{"invalid utf8", "a\xffb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(tt.text)
			runes := []rune(tt.text)
			if ix.Len() != len(runes) {
				t.Fatalf("Len = %d, want %d", ix.Len(), len(runes))
			}
			for cp := 0; cp <= len(runes); cp++ {
				wantBytes := len(string(runes[:cp]))
				if tt.name == "invalid utf8" && cp >= 2 {
					wantBytes = cp // the bad byte is one byte, not three
				}
				if got := ix.Byte(cp); got != wantBytes {
					t.Errorf("Byte(%d) = %d, want %d", cp, got, wantBytes)
				}
				if got := ix.FromByte(wantBytes); got != cp {
					t.Errorf("FromByte(%d) = %d, want %d", wantBytes, got, cp)
				}
				wantU := len(utf16.Encode(runes[:cp]))
				if got := ix.UTF16(cp); got != wantU {
					t.Errorf("UTF16(%d) = %d, want %d", cp, got, wantU)
				}
				if got := ix.FromUTF16(wantU); got != cp {
					t.Errorf("FromUTF16(%d) = %d, want %d", wantU, got, cp)
				}
			}
		})
	}
}

func TestIndexSliceClamps(t *testing.T) {
	ix := NewIndex("a😀b")
	tests := []struct {
		s    Span
		want string
	}{
		{Span{0, 3}, "a😀b"},
		{Span{1, 2}, "😀"},
		{Span{-5, 1}, "a"},
		{Span{2, 99}, "b"},
		{Span{2, 1}, ""},
	}
	for _, tt := range tests {
		if got := ix.Slice(tt.s); got != tt.want {
			t.Errorf("Slice(%v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestSpanPredicates(t *testing.T) {
	if !(Span{1, 3}).Overlaps(Span{2, 5}) || (Span{1, 2}).Overlaps(Span{2, 3}) {
		t.Error("Overlaps wrong at the boundary")
	}
	if (Span{3, 2}).Valid(5) || !(Span{0, 5}).Valid(5) || (Span{0, 6}).Valid(5) {
		t.Error("Valid wrong")
	}
}
