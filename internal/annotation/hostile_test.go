package annotation

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// Hostile files: built to exhaust memory, the stack or the reader's
// patience. Each must be refused quickly with a short list of problems
// that say what is wrong. (problemCases covers the small malformed
// values: huge and negative numbers, reversed offsets, duplicate ids.)

// repeatJSON is "[item,item,…]" with n items; "#" in item becomes the
// item's index, to keep ids apart.
func repeatJSON(item string, n int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strings.ReplaceAll(item, "#", strconv.Itoa(i)))
	}
	b.WriteByte(']')
	return b.String()
}

func TestHostileJSONIsRefusedWithAShortList(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	tests := []struct {
		name, json string
		want       string // in the first problem
	}{
		{"50 MB", `{"note": "` + strings.Repeat("x", 50<<20) + `"}`, "file is 52428812 bytes; the limit is 16 MiB"},
		{"10,000 nested arrays", strings.Repeat("[", 10000) + strings.Repeat("]", 10000), "line 1, column 66: nested more than 64 levels deep"},
		{"10,000 nested objects", strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000), "nested more than 64 levels deep"},
		{"100,000 repeated keys", "{" + strings.Repeat(`"k": 1, `, 100_000) + `"k": 1}`, `$: key "k" appears 100001 times`},
		{"a PNG image", png, "line 1, column 1: not valid UTF-8 (JSON must be UTF-8)"},
		{"random bytes", string(random), "not valid UTF-8"},
		{"Latin-1 text", anno(strings.Replace(quoteTarget, "super smart", "caf\xe9", 1)), "not valid UTF-8"},
		{"a NUL byte", "{\"id\": \"urn:x\x00\"}", "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := Validate([]byte(tt.json))
			_, err := Decode([]byte(tt.json))
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode: %v, want a *DecodeError", err)
			}
			for _, ps := range [][]Problem{problems, de.Problems} {
				if len(ps) == 0 || len(ps) > MaxProblems+1 || !strings.Contains(ps[0].String(), tt.want) {
					t.Errorf("%d problems, first %v; want a few, the first saying %q", len(ps), first(ps), tt.want)
				}
			}
		})
	}
}

// TestProblemsAreCountedNotAllListed: a file with millions of problems
// lists MaxProblems of them and a last line counting the rest, and the
// count is exact.
func TestProblemsAreCountedNotAllListed(t *testing.T) {
	tests := []struct{ name, item string }{
		{"empty objects", `{}`},
		{"numbers", `0`},
		{"annotations with no target", `{"type": "Annotation"}`},
		{"objects with a repeated key", `{"a": 1, "a": 2}`},
		{"annotations not in any text", strings.Replace(anno(`{"source": "urn:x", "selector": {"type": "XPathSelector", "value": "/p"}}`), "0f0e7a1c2b01", "#", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(repeatJSON(tt.item, 1)))
			var one *DecodeError
			if !errors.As(err, &one) || one.Omitted != 0 {
				t.Fatalf("one item: %v", err)
			}
			const n = 20_000
			_, err = Decode([]byte(repeatJSON(tt.item, n)))
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode: %v, want a *DecodeError", err)
			}
			want := n * one.Count()
			last := de.Problems[len(de.Problems)-1]
			wantLast := fmt.Sprintf("$: %d more problems not listed (only the first %d are)", want-MaxProblems, MaxProblems)
			if de.Count() != want || len(de.Problems) != MaxProblems+1 || last.String() != wantLast {
				t.Errorf("Count() = %d, %d listed, last %q; want %d, %d listed, last %q", de.Count(), len(de.Problems), last, want, MaxProblems+1, wantLast)
			}
			if got := de.Error(); !strings.HasSuffix(got, fmt.Sprintf("(and %d more problems)", want-1)) {
				t.Errorf("Error() = %q", got)
			}
			if v := Validate([]byte(repeatJSON(tt.item, n))); len(v) > MaxProblems+1 {
				t.Errorf("Validate lists %d problems", len(v))
			}
		})
	}
}

// TestRepeatedKeysAreOneProblemEach: each repeated key of an object is
// reported once, with how often it appears, in the order it first repeats.
func TestRepeatedKeysAreOneProblemEach(t *testing.T) {
	data := anno(quoteTarget, `"b": 1, "a": 1, "b": 2, "a": 2, "b": 3`)
	var got []string
	for _, p := range Validate([]byte(data)) {
		got = append(got, p.String())
	}
	want := []string{`$: key "b" appears 3 times`, `$: key "a" appears twice`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func first(ps []Problem) string {
	if len(ps) == 0 {
		return "none"
	}
	return ps[0].String()
}
