package library

import (
	"slices"
	"strings"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sorts"
)

// Filter narrows the sidebar's list. Zero fields match everything.
type Filter struct {
	Kind    annotation.Kind
	Tag     string
	Speaker string
	Verdict annotation.Verdict
	Search  string // words that must all appear in the quote, note, speaker or tags
}

// Match reports whether a placed annotation passes the filter.
func (f Filter) Match(p Placed) bool {
	switch {
	case f.Kind != "" && p.Kind != f.Kind:
		return false
	case f.Tag != "" && !containsFold(p.Tags, f.Tag):
		return false
	case f.Speaker != "" && !strings.EqualFold(p.Speaker, f.Speaker):
		return false
	case f.Verdict != "" && p.Verdict != f.Verdict:
		return false
	}
	if f.Search == "" {
		return true
	}
	haystack := strings.ToLower(strings.Join(append([]string{p.Exact(), p.Note, p.Speaker, string(p.Kind), string(p.Verdict)}, p.Tags...), "\n"))
	for _, w := range strings.Fields(strings.ToLower(f.Search)) {
		if !strings.Contains(haystack, w) {
			return false
		}
	}
	return true
}

// Filtered returns the shown revision's annotations that pass f, in text
// order.
func (s *Session) Filtered(f Filter) []Placed {
	var out []Placed
	for _, a := range s.Annotations {
		if f.Match(a) {
			out = append(out, a)
		}
	}
	return out
}

// Tags lists the tags used on the shown revision, sorted, letter case
// aside (each spelt as first written, in text order).
func (s *Session) Tags() []string {
	var tags []string
	for _, a := range s.Annotations {
		for _, t := range a.Tags {
			if !containsFold(tags, t) {
				tags = append(tags, t)
			}
		}
	}
	sorts.Func(tags, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return tags
}

// containsFold reports whether list holds s, letter case aside.
func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(t string) bool { return strings.EqualFold(t, s) })
}
