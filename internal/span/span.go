// Package span holds the one offset unit Redline uses everywhere: Unicode
// code points into a revision's canonical text (W3C Web Annotation §4.2.4).
// Go strings index bytes, go-diff reports bytes and the DOM reports UTF-16
// code units; Index converts at those edges so nothing else has to.
package span

import "fmt"

// Span is a half-open range [Start, End) of code points.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of code points the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Valid reports whether the span is well-formed inside a text of n code points.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Overlaps reports whether two spans share at least one code point.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }
