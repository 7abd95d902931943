package migrate

import (
	"unicode/utf8"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/span"
)

// approximate is the last resort for an edited passage: anchor's
// approximate search for the old quote and context, in a window around
// image (where the old span maps to) and in each inserted region long
// enough to hold the quote with the quarter of errors anchor tolerates. The
// most confident match that allowed accepts wins, if it reaches
// anchor.MinScore, exact or not: the same words with foreign context are
// other words. The window around image
// comes first among equals. Each window is searched once: a long image that
// lies in inserted text is searched as part of its region.
func (m *migration) approximate(quote anchor.TextQuote, image span.Span) (span.Span, bool) {
	n := utf8.RuneCountInString(quote.Exact)
	var best anchor.Match
	found := false
	try := func(t *anchor.Text, offset int, pos *anchor.TextPosition) {
		match, ok := anchor.Anchor(t, anchor.Selector{Quote: &quote, Position: pos})
		match.Span = span.Span{Start: match.Span.Start + offset, End: match.Span.End + offset}
		if ok && match.Score >= anchor.MinScore && (!found || match.Score > best.Score) && m.inserted.allowed(match.Span, image) {
			best, found = match, true
		}
	}

	w := grow(image, anchor.ContextLen+n, m.new.Len())
	searchW := !m.inserted.covers(w) // else the window of its region searches it
	if searchW {
		hint := image.Start - w.Start
		try(anchor.NewText(m.new.Index().Slice(w)), w.Start, &anchor.TextPosition{Start: hint, End: hint + n})
	}
	for i, r := range m.inserted.regions {
		if 4*r.Len() >= 3*n && !(searchW && within(r, w)) {
			t, offset := m.inserted.window(i)
			try(t, offset, nil)
		}
	}
	return best.Span, found
}

// within reports whether s lies inside w (then w's search already saw it).
func within(s, w span.Span) bool { return w.Start <= s.Start && s.End <= w.End }
