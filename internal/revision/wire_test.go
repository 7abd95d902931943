package revision

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"testing"

	"github.com/redline-news/redline/internal/span"
)

// TestWireRoundTrip: a diff sent as JSON and rebuilt renders exactly as
// the one computed, in every format, with the same hunks and rows.
func TestWireRoundTrip(t *testing.T) {
	sample := [][2]string{
		{readFile(t, "testdata/putin-prayed-2025-03-23.txt"), readFile(t, "testdata/putin-prayed-2025-03-24.txt")},
		{"", ""},
		{"", "Only new text."},
		{"The  café  is open.", "The cafe\u0301 is open, said “Ana”."},
		{"One.\n\nTwo moves here now.\n\nThree.", "One.\n\nThree.\n\nTwo moves here now."},
	}
	for _, pair := range sample {
		d := Compute(pair[0], pair[1])
		data, err := json.Marshal(d.Wire())
		if err != nil {
			t.Fatal(err)
		}
		var w Wire
		if err := json.Unmarshal(data, &w); err != nil {
			t.Fatal(err)
		}
		got, err := FromWire(pair[0], pair[1], w)
		if err != nil {
			t.Fatalf("FromWire(%q): %v", pair[1], err)
		}
		if len(got.Hunks()) != len(d.Hunks()) || len(d.Hunks()) > 0 && !reflect.DeepEqual(got.Hunks(), d.Hunks()) {
			t.Errorf("%q: hunks %v, want %v", pair[1], got.Hunks(), d.Hunks())
		}
		if !reflect.DeepEqual(got.Rows(), d.Rows()) {
			t.Errorf("%q: rows differ", pair[1])
		}
		if got.Apply(pair[0]) != pair[1] {
			t.Errorf("%q: Apply after the round trip = %q", pair[1], got.Apply(pair[0]))
		}
		for _, write := range []func(io.Writer, *Diff) error{WriteText, WriteJSON, WriteHTML, WriteSideBySideHTML} {
			var a, b bytes.Buffer
			if err := write(&a, d); err != nil {
				t.Fatal(err)
			}
			if err := write(&b, got); err != nil {
				t.Fatal(err)
			}
			if a.String() != b.String() {
				t.Errorf("%q: renders differently after the round trip:\n%s\nwant\n%s", pair[1], b.String(), a.String())
			}
		}
	}
}

// TestFromWireRefusesMisfits: data that does not fit the texts is refused,
// never rendered out of bounds.
func TestFromWireRefusesMisfits(t *testing.T) {
	good := Compute("a b c", "a x c").Wire()
	past := func(w Wire) Wire {
		w.Ops = append([]Op(nil), w.Ops...)
		w.Ops[0].New = span.Span{Start: 0, End: 99}
		return w
	}
	for name, w := range map[string]Wire{
		"span past the text": past(good),
		"hunk past the ops":  {Ops: good.Ops, Hunks: [][2]int{{0, len(good.Ops) + 1}}},
		"empty hunk":         {Ops: good.Ops, Hunks: [][2]int{{1, 1}}},
		"reversed span":      {Ops: []Op{{Kind: Equal, Old: span.Span{Start: 3, End: 1}}}},
		"move past the text": {Moves: []Move{{Old: span.Span{Start: 0, End: 50}}}},
	} {
		if _, err := FromWire("a b c", "a x c", w); err == nil {
			t.Errorf("%s: FromWire accepted it", name)
		}
	}
}
