package reading

import (
	"reflect"
	"testing"

	"github.com/redline-news/redline/internal/span"
)

func TestWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"“Putin’s well-known line,” he said.", []string{"Putin’s", "well-known", "line", "he", "said"}},
		{"  -- 42 ", []string{"42"}},
		{"naïve café 👍🏽 done", []string{"naïve", "café", "done"}},
		{"rock -n- roll's", []string{"rock", "n", "roll's"}},
	}
	for _, tt := range tests {
		text := []rune(tt.text)
		var got []string
		for _, w := range Words(text) {
			got = append(got, string(text[w.Start:w.End]))
			if SnapToWords(text, w) != w {
				t.Errorf("%q: SnapToWords changes the word %q", tt.text, string(text[w.Start:w.End]))
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// cursorText is two paragraphs: "one two three" and "four five".
const cursorText = "one two three\n\nfour five"

func TestCursorMoves(t *testing.T) {
	text := []rune(cursorText)
	words := Words(text)
	paras := []span.Span{sp(0, 13), sp(15, 24)}
	type move struct {
		step   Step
		extend bool
	}
	tests := []struct {
		name  string
		start Cursor
		moves []move
		want  string
		back  bool
	}{
		{"next word", Cursor{0, 0}, []move{{NextWord, false}}, "two", false},
		{"next twice crosses the paragraph", Cursor{1, 1}, []move{{NextWord, false}, {NextWord, false}}, "four", false},
		{"stays at the end", Cursor{4, 4}, []move{{NextWord, false}}, "five", false},
		{"stays at the start", Cursor{0, 0}, []move{{PreviousWord, false}}, "one", false},
		{"extend forward", Cursor{0, 0}, []move{{NextWord, true}, {NextWord, true}}, "one two three", false},
		{"extend then shrink", Cursor{1, 1}, []move{{NextWord, true}, {PreviousWord, true}}, "two", false},
		{"one word less stops at one word", Cursor{1, 1}, []move{{NextWord, true}, {PreviousWord, true}, {PreviousWord, true}}, "two", false},
		{"one word more after a backward selection", Cursor{4, 3}, []move{{NextWord, true}}, "four five", false},
		{"one word less after a backward selection", Cursor{2, 0}, []move{{PreviousWord, true}}, "one two", false},
		{"one word less after the paragraph's start", Cursor{4, 4}, []move{{ParagraphStart, true}, {PreviousWord, true}}, "four", false},
		{"arrow leaves a selection at its end", Cursor{0, 2}, []move{{NextWord, false}}, "four", false},
		{"arrow back leaves it at its start", Cursor{2, 1}, []move{{PreviousWord, false}}, "one", false},
		{"to the paragraph's end", Cursor{0, 0}, []move{{ParagraphEnd, true}}, "one two three", false},
		{"then the next paragraph's end", Cursor{0, 0}, []move{{ParagraphEnd, true}, {ParagraphEnd, true}}, cursorText, false},
		{"to the paragraph's start", Cursor{4, 4}, []move{{ParagraphStart, true}}, "four five", true},
		{"then the previous paragraph's start", Cursor{4, 4}, []move{{ParagraphStart, true}, {ParagraphStart, true}}, cursorText, true},
	}
	for _, tt := range tests {
		c := tt.start
		for _, m := range tt.moves {
			c = c.Move(words, paras, m.step, m.extend)
		}
		s := c.Span(words)
		if got := string(text[s.Start:s.End]); got != tt.want || c.Backward() != tt.back {
			t.Errorf("%s: %q (backward %v), want %q (backward %v)", tt.name, got, c.Backward(), tt.want, tt.back)
		}
	}
}

func TestCursorOnAndFrom(t *testing.T) {
	words := Words([]rune(cursorText))
	tests := []struct {
		name     string
		sel      span.Span
		backward bool
		want     Cursor
		ok       bool
	}{
		{"a word", sp(4, 7), false, Cursor{1, 1}, true},
		{"part of two words", sp(5, 10), false, Cursor{1, 2}, true},
		{"backward", sp(5, 10), true, Cursor{2, 1}, true},
		{"only spaces", sp(13, 15), false, Cursor{}, false},
	}
	for _, tt := range tests {
		c, ok := CursorOn(words, tt.sel, tt.backward)
		if c != tt.want || ok != tt.ok {
			t.Errorf("CursorOn %s = %v %v, want %v %v", tt.name, c, ok, tt.want, tt.ok)
		}
	}
	for at, want := range map[int]int{0: 0, 3: 1, 7: 2, 14: 3, 24: 4} {
		if c, _ := CursorFrom(words, at); c != (Cursor{want, want}) {
			t.Errorf("CursorFrom(%d) = %v, want word %d", at, c, want)
		}
	}
	if _, ok := CursorFrom(nil, 0); ok {
		t.Error("a cursor in a text with no words")
	}
}

// FuzzCursor: any moves over any text select whole words, as SnapToWords
// keeps them, and never leave the text.
func FuzzCursor(f *testing.F) {
	f.Add(cursorText, 3, []byte{0, 1, 2, 3, 4, 5, 6, 7})
	f.Add("日本語 text, l'été", 0, []byte{2, 2, 7})
	f.Fuzz(func(t *testing.T, s string, at int, keys []byte) {
		text := []rune(s)
		words := Words(text)
		c, ok := CursorFrom(words, at)
		if !ok {
			return
		}
		paras := []span.Span{{Start: 0, End: len(text) / 2}, {Start: len(text) / 2, End: len(text)}}
		for _, k := range keys {
			c = c.Move(words, paras, Step(k%4), k&4 != 0)
			sel := c.Span(words)
			if sel.Start < 0 || sel.End > len(text) || sel.Empty() {
				t.Fatalf("%q: cursor %v selects %v", s, c, sel)
			}
			if got := SnapToWords(text, sel); got != sel {
				t.Fatalf("%q: cursor selects %v, which snaps to %v", s, sel, got)
			}
		}
	})
}
