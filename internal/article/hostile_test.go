package article

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Hostile articles: inputs that no article is and that would make a
// parser take minutes (goldmark is quadratic in several) or exhaust the
// stack. Each is refused quickly with an error that says why. The small
// malformed inputs (binary, bad encodings, too large) are in
// TestParseRejects.

// fill repeats unit up to about n bytes.
func fill(unit string, n int) string {
	return strings.Repeat(unit, n/len(unit))
}

// nestedList is a list nested depth deep, each level indented two more
// columns, repeated up to about n bytes.
func nestedList(depth, n int) string {
	var b strings.Builder
	for b.Len() < n {
		for i := range depth {
			b.WriteString(strings.Repeat("  ", i) + "- item 🇫🇷\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestHostileMarkdownIsRefused(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		message  string
	}{
		{"5 MB of block quote markers", fill(">", MaxBytes-10) + " x", ErrTooLarge, "5242872 bytes of Markdown, the limit is 1 MiB"},
		{"1 MB of block quote markers", fill(">", 1<<20-10) + " x", ErrTooComplex, "line 1 nests block quotes or list items 1048566 deep (the limit is 32)"},
		{"block quotes 40 deep", strings.Repeat("> ", 40) + "x", ErrTooComplex, "line 1 nests block quotes or list items 40 deep"},
		{"a list 40 deep", nestedList(40, 1), ErrTooComplex, "line 33 nests block quotes or list items 33 deep"},
		{"list markers on one line", fill("- ", 100_000) + "x", ErrTooComplex, "nests block quotes or list items 50000 deep"},
		{"unfinished links", fill("[a](", 1<<20-10), ErrTooComplex, `line 1 has too many unfinished links ("](" with no end)`},
		{"unfinished images", fill("![a](", 1<<20-10), ErrTooComplex, "unfinished links"},
		{"unfinished angle links", fill("[a](<b ", 1<<20-10), ErrTooComplex, "unfinished links"},
		{"a 100 KiB paragraph", fill("*a_b*c_d**e_f*g**h*i_j** ", 100<<10), ErrTooComplex, "the paragraph starting on line 1 is over 16 KiB"},
		{"backticks on every line", "Intro.\n\n" + fill("\\``\n", 1<<20-100), ErrTooComplex, "the paragraph starting on line 3 is over 16 KiB"},
		{"2 MB of Markdown", fill("A paragraph of words, 𝔘 e\u0301.\n\n", 2<<20), ErrTooLarge, "bytes of Markdown, the limit is 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), FormatMarkdown)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.message) {
				t.Errorf("err = %v, want %v saying %q", err, tt.want, tt.message)
			}
		})
	}
}

// TestMarkdownWithinTheLimitsIsRead: what real articles do near the
// limits still parses: nested lists and quotes a few levels deep,
// decorative rules, many links in a paragraph, a link with a long URL, a
// long list with no blank lines.
func TestMarkdownWithinTheLimitsIsRead(t *testing.T) {
	var links, list strings.Builder
	for i := range 40 {
		fmt.Fprintf(&links, "[source %d](https://example.org/a/%d?utm=x) and ", i, i)
		fmt.Fprintf(&list, "- Point %d of the council's plan, said the mayor: 🇫🇷 e\u0301 𝔘.\n", i)
	}
	tests := []struct{ name, in, wantFirst string }{
		{"nested lists and quotes", nestedList(6, 1) + "> > > Quoted thrice.\n", "item 🇫🇷"},
		{"a decorative rule", "* * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *\n\nAfter the rule.", "After the rule."},
		{"many links in a paragraph", links.String() + "more.", "source 0 and source 1"},
		{"a long link", "Before [the report](https://example.org/r?" + fill("utm=x&", 8<<10) + ") after.", "Before the report after."},
		{"a long list", list.String() + list.String() + list.String(), "Point 0 of the council's plan"},
		{"numbers and dashes are not markers", "-5 degrees and 1.5 metres.\n\n" + fill("-5 ", 1000), "-5 degrees and 1.5 metres."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse([]byte(tt.in), FormatMarkdown)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, tt.wantFirst) {
				t.Errorf("text starts %q, want it to hold %q", a.Text[:min(len(a.Text), 80)], tt.wantFirst)
			}
			checkArticle(t, a)
		})
	}
}

// BenchmarkParseMarkdownWorst parses, at the Markdown size limit, the
// inputs goldmark is slowest on that the limits still let through, next
// to a real article's Markdown of the same size.
func BenchmarkParseMarkdownWorst(b *testing.B) {
	paragraph := func(unit string) string { return fill(unit, maxMarkdownParagraph-64) + "\n\n" }
	inputs := []struct{ name, data string }{
		{"prose", fill("The council met on *Monday* and [voted](https://example.org/v) to close the pool, said the mayor.\n\n", maxMarkdownBytes)},
		{"backticks", fill(paragraph("\\``"), maxMarkdownBytes)},
		{"brackets", fill(paragraph("["), maxMarkdownBytes)},
		{"emphasis", fill(paragraph("*a_b*c_d**e_f*g**h*i_j**"), maxMarkdownBytes)},
		{"lists 32 deep", nestedList(30, maxMarkdownBytes-64<<10)},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			data := []byte(in.data)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse(data, FormatMarkdown); err != nil && !errors.Is(err, ErrEmpty) {
					b.Fatal(err)
				}
			}
		})
	}
}
