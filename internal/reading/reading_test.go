package reading

import (
	"reflect"
	"testing"

	"github.com/redline-news/redline/internal/span"
)

func sp(a, b int) span.Span { return span.Span{Start: a, End: b} }

func TestLayout(t *testing.T) {
	paras := []span.Span{sp(0, 10), sp(12, 20)}
	tests := []struct {
		name  string
		marks []Mark
		want  [][]Segment
	}{
		{"no marks", nil, [][]Segment{
			{{Span: sp(0, 10)}},
			{{Span: sp(12, 20)}},
		}},
		{"one mark inside", []Mark{{"a", sp(2, 5)}}, [][]Segment{
			{{Span: sp(0, 2)}, {Span: sp(2, 5), IDs: []string{"a"}}, {Span: sp(5, 10)}},
			{{Span: sp(12, 20)}},
		}},
		{"overlapping", []Mark{{"b", sp(4, 8)}, {"a", sp(2, 6)}}, [][]Segment{
			{{Span: sp(0, 2)}, {Span: sp(2, 4), IDs: []string{"a"}}, {Span: sp(4, 6), IDs: []string{"a", "b"}}, {Span: sp(6, 8), IDs: []string{"b"}}, {Span: sp(8, 10)}},
			{{Span: sp(12, 20)}},
		}},
		{"nested, outer first", []Mark{{"inner", sp(3, 4)}, {"outer", sp(2, 6)}}, [][]Segment{
			{{Span: sp(0, 2)}, {Span: sp(2, 3), IDs: []string{"outer"}}, {Span: sp(3, 4), IDs: []string{"outer", "inner"}}, {Span: sp(4, 6), IDs: []string{"outer"}}, {Span: sp(6, 10)}},
			{{Span: sp(12, 20)}},
		}},
		{"across paragraphs", []Mark{{"x", sp(8, 14)}}, [][]Segment{
			{{Span: sp(0, 8)}, {Span: sp(8, 10), IDs: []string{"x"}}},
			{{Span: sp(12, 14), IDs: []string{"x"}}, {Span: sp(14, 20)}},
		}},
		{"same span twice", []Mark{{"b", sp(0, 10)}, {"a", sp(0, 10)}}, [][]Segment{
			{{Span: sp(0, 10), IDs: []string{"a", "b"}}},
			{{Span: sp(12, 20)}},
		}},
		{"empty mark ignored", []Mark{{"e", sp(3, 3)}}, [][]Segment{
			{{Span: sp(0, 10)}},
			{{Span: sp(12, 20)}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Layout(paras, tt.marks)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Layout =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

func TestSnapToWords(t *testing.T) {
	const text = "calling him “super smart” and Putin’s well-known e\u0301te\u0301 𝔘𝔫𝔦 😀 end"
	rs := []rune(text)
	find := func(sub string) span.Span {
		r := []rune(sub)
		for i := 0; i+len(r) <= len(rs); i++ {
			if string(rs[i:i+len(r)]) == sub {
				return sp(i, i+len(r))
			}
		}
		t.Fatalf("%q not in text", sub)
		return span.Span{}
	}
	tests := []struct {
		name string
		sel  span.Span
		want string
	}{
		{"partial words widen", shrink(find("super smart"), 1, 1), "super smart"},
		{"whitespace trimmed", find(" and "), "and"},
		{"quote marks kept", find("“super smart”"), "“super smart”"},
		{"apostrophe joins", shrink(find("Putin’s"), 0, 2), "Putin’s"},
		{"hyphen joins", shrink(find("well-known"), 2, 0), "well-known"},
		{"combining marks", shrink(find("e\u0301te\u0301"), 0, 1), "e\u0301te\u0301"},
		{"astral letters", shrink(find("𝔘𝔫𝔦"), 1, 0), "𝔘𝔫𝔦"},
		{"no word", find("😀"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SnapToWords(rs, tt.sel)
			if s := string(rs[got.Start:got.End]); s != tt.want {
				t.Errorf("SnapToWords(%v) = %q, want %q", tt.sel, s, tt.want)
			}
		})
	}
}

func shrink(s span.Span, left, right int) span.Span { return sp(s.Start+left, s.End-right) }

func FuzzLayout(f *testing.F) {
	f.Add(uint8(3), []byte{0, 5, 3, 9, 2, 2})
	f.Fuzz(func(t *testing.T, nParas uint8, raw []byte) {
		var paras []span.Span
		pos := 0
		for i := 0; i < int(nParas%8)+1; i++ {
			paras = append(paras, sp(pos, pos+10))
			pos += 12
		}
		var marks []Mark
		for i := 0; i+1 < len(raw); i += 2 {
			a, b := int(raw[i])%pos, int(raw[i+1])%pos
			marks = append(marks, Mark{ID: string(rune('a' + i/2%26)), Span: sp(min(a, b), max(a, b))})
		}
		for i, segs := range Layout(paras, marks) {
			// Segments tile the paragraph exactly, and each lists exactly
			// the marks that cover it.
			at := paras[i].Start
			for _, s := range segs {
				if s.Start != at || s.Empty() {
					t.Fatalf("paragraph %d: segments do not tile: %v", i, segs)
				}
				at = s.End
				covering := 0
				for _, m := range marks {
					if m.Span.Start <= s.Start && s.End <= m.Span.End && !m.Span.Empty() {
						covering++
					}
				}
				if covering != len(s.IDs) {
					t.Fatalf("segment %v lists %v, want %d covering marks", s.Span, s.IDs, covering)
				}
			}
			if at != paras[i].End {
				t.Fatalf("paragraph %d not covered: ends at %d", i, at)
			}
		}
	})
}

func FuzzSnapToWords(f *testing.F) {
	f.Add("calling him “super smart”", 3, 9)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		rs := []rune(text)
		s := SnapToWords(rs, sp(a, b))
		if !s.Valid(len(rs)) {
			t.Fatalf("invalid span %v for %d runes", s, len(rs))
		}
		if again := SnapToWords(rs, s); !s.Empty() && again != s {
			t.Fatalf("not idempotent: %v then %v", s, again)
		}
	})
}
