package migrate

import (
	"sort"
	"strings"
	"unicode"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// insertedText is the text the new revision added: the only place, besides
// the image of its old span, an annotation may land.
type insertedText struct {
	ix *span.Index // of the new text
	// regions are the New spans of Insert ops in order, merged across gaps
	// with no word in them (a space or a full stop the diff happened to
	// match between two inserted runs), so a moved paragraph is one region.
	regions []span.Span
	// windows[i] is regions[i] with ContextLen code points on each side, for
	// approximate search with context; built on first use.
	windows []*anchor.Text
	// foldedText[i] is regions[i]'s text through revision.FoldTypography, for findMoved;
	// built on first use.
	foldedText []string
}

func findInserted(d *revision.Diff, ix *span.Index) insertedText {
	var regions []span.Span
	for _, op := range d.Ops {
		if op.Kind != revision.Insert {
			continue
		}
		if n := len(regions); n > 0 && !revision.HasWord(ix.Slice(span.Span{Start: regions[n-1].End, End: op.New.Start})) {
			regions[n-1].End = op.New.End
			continue
		}
		regions = append(regions, op.New)
	}
	return insertedText{ix: ix, regions: regions, windows: make([]*anchor.Text, len(regions)), foldedText: make([]string, len(regions))}
}

// folded returns region i's text through revision.FoldTypography.
func (in *insertedText) folded(i int) string {
	if in.foldedText[i] == "" {
		in.foldedText[i] = strings.Map(revision.FoldTypography, in.ix.Slice(in.regions[i]))
	}
	return in.foldedText[i]
}

// window returns region i's window and where it starts in the new text.
func (in *insertedText) window(i int) (*anchor.Text, int) {
	w := grow(in.regions[i], anchor.ContextLen, in.ix.Len())
	if in.windows[i] == nil {
		in.windows[i] = anchor.NewText(in.ix.Slice(w))
	}
	return in.windows[i], w.Start
}

// covers reports whether the window of one region holds all of s.
func (in *insertedText) covers(s span.Span) bool {
	k := sort.Search(len(in.regions), func(i int) bool { return in.regions[i].End > s.Start })
	return k < len(in.regions) && within(s, grow(in.regions[k], anchor.ContextLen, in.ix.Len()))
}

// grow widens s by n code points on each side, within a text of length max.
func grow(s span.Span, n, textLen int) span.Span {
	return span.Span{Start: max(0, s.Start-n), End: min(textLen, s.End+n)}
}

// allowed reports whether an annotation whose old words map onto image may
// cover s: every word character of s must lie in image or in inserted text,
// and at least one visible character must, so that neither a word nor an
// emoji that merely survived elsewhere is taken for the annotated one.
func (in *insertedText) allowed(s, image span.Span) bool {
	k := sort.Search(len(in.regions), func(i int) bool { return in.regions[i].End > s.Start })
	p, anchored := s.Start, false
	for _, r := range in.ix.Slice(s) {
		for k < len(in.regions) && in.regions[k].End <= p {
			k++
		}
		ours := image.Start <= p && p < image.End || k < len(in.regions) && in.regions[k].Start <= p
		switch {
		case ours && !unicode.IsSpace(r):
			anchored = true
		case !ours && revision.IsWordRune(r):
			return false
		}
		p++
	}
	return anchored
}

// touches reports whether some word character of s lies in inserted text.
func (in *insertedText) touches(s span.Span) bool {
	k := sort.Search(len(in.regions), func(i int) bool { return in.regions[i].End > s.Start })
	for ; k < len(in.regions) && in.regions[k].Start < s.End; k++ {
		r := span.Span{Start: max(s.Start, in.regions[k].Start), End: min(s.End, in.regions[k].End)}
		if revision.HasWord(in.ix.Slice(r)) {
			return true
		}
	}
	return false
}
