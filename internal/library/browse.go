package library

import (
	"cmp"
	"strings"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/sorts"
)

// Browse is how the library lists its stories: the words searched for
// (in titles, the latest text and annotations), the order, and whether
// only stories with changed quotes are shown.
type Browse struct {
	Search      string
	Order       Order
	OnlyChanged bool // only stories whose latest revision changed a quote or claim
}

// Order is an order of the library's list.
type Order string

const (
	ByAdded     Order = "added"     // newest story first (the default)
	ByPublished Order = "published" // latest revision's date, newest first
	ByChanged   Order = "changed"   // last changed first
)

// Orders are the orders the library offers, the default first.
var Orders = []Order{ByAdded, ByPublished, ByChanged}

// List returns the summaries b shows, in its order. list is as Summaries
// returns it (newest first).
func (b Browse) List(list []Summary) []Summary {
	words := strings.Fields(strings.ToLower(b.Search))
	var out []Summary
	for _, s := range list {
		if b.OnlyChanged && s.ChangedQuotes == 0 {
			continue
		}
		if !containsAll(s.words, words) {
			continue
		}
		out = append(out, s)
	}
	switch b.Order {
	case ByPublished:
		// Undated stories last: the day they were added is not when
		// they were published.
		sorts.StableFunc(out, func(x, y Summary) int {
			return cmp.Or(boolOrder(x.Undated, y.Undated), cmp.Compare(y.Date, x.Date))
		})
	case ByChanged:
		sorts.StableFunc(out, func(x, y Summary) int { return y.Changed.Compare(x.Changed) })
	}
	return out
}

func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// annotationWords are the fields of an annotation a search looks in.
func annotationWords(a annotation.Annotation) []string {
	out := []string{a.Speaker, a.Note, string(a.Verdict), a.Before}
	out = append(out, a.Tags...)
	if q := a.Target.Selector.Quote; q != nil {
		out = append(out, q.Exact)
	}
	return out
}

// boolOrder sorts false before true.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
