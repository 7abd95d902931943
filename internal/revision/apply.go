package revision

import (
	"strings"

	"github.com/redline-news/redline/internal/span"
)

// Apply rebuilds the new text from oldText: Equal ops copy oldText (with the
// new spelling of any typographic noise inside them), Insert ops add the
// inserted text, Delete ops drop theirs. Apply(oldText) of a Diff computed
// from oldText returns the new text exactly.
func (d *Diff) Apply(oldText string) string {
	ix := span.NewIndex(oldText)
	var b strings.Builder
	b.Grow(len(d.new.Text()))
	noise := d.noise
	for _, op := range d.Ops {
		switch op.Kind {
		case Equal:
			at := op.Old.Start
			for len(noise) > 0 && noise[0].Old.Start < op.Old.End {
				b.WriteString(ix.Slice(span.Span{Start: at, End: noise[0].Old.Start}))
				b.WriteString(d.new.Slice(noise[0].New))
				at = noise[0].Old.End
				noise = noise[1:]
			}
			b.WriteString(ix.Slice(span.Span{Start: at, End: op.Old.End}))
		case Insert:
			b.WriteString(d.new.Slice(op.New))
		}
	}
	return b.String()
}
