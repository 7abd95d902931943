package revision

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"strings"

	"github.com/redline-news/redline/internal/span"
)

// String is the one-line summary renderers print under a diff.
func (s Stats) String() string {
	if s.Changes == 0 {
		return "no changes"
	}
	out := fmt.Sprintf("%s: %s added, %s removed, %s touched",
		plural(s.Changes, "change"), plural(s.WordsAdded, "word"),
		plural(s.WordsRemoved, "word"), plural(s.ParagraphsTouched, "paragraph"))
	return out + s.Moved()
}

// Moved is what a summary says of moves: ", 2 paragraphs moved, 1
// sentence moved", or nothing.
func (s Stats) Moved() string {
	var out string
	if s.ParagraphsMoved > 0 {
		out += ", " + plural(s.ParagraphsMoved, "paragraph") + " moved"
	}
	if s.SentencesMoved > 0 {
		out += ", " + plural(s.SentencesMoved, "sentence") + " moved"
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// WriteText writes the new text with changes marked inline, wdiff style
// ([-removed-]{+added+}), then a blank line and the summary. A moved
// paragraph shows at both ends: {moved to ¶14}[-text-] where it was and
// {moved from ¶3}{~text with its own [-edits-]{+marked+}~} where it went.
func WriteText(w io.Writer, d *Diff) error {
	_, err := io.WriteString(w, inline(d)+"\n\n"+d.Stats.String()+"\n")
	return err
}

func inline(d *Diff) string {
	var b strings.Builder
	for _, p := range d.Pieces() {
		switch {
		case p.Arrival:
			b.WriteString("{" + p.Move.movedFrom() + "}{~")
			for _, op := range p.Move.Ops {
				b.WriteString(inlineOp(d, op))
			}
			b.WriteString("~}")
		case p.Move != nil:
			b.WriteString("{" + p.Move.movedTo() + "}" + inlineOp(d, p.Op))
		default:
			b.WriteString(inlineOp(d, p.Op))
		}
	}
	return b.String()
}

func inlineOp(d *Diff, op Op) string {
	switch op.Kind {
	case Delete:
		return "[-" + d.Text(op) + "-]"
	case Insert:
		return "{+" + d.Text(op) + "+}"
	}
	return d.Text(op)
}

// WriteHTML writes the diff as an HTML fragment: the new text, HTML-escaped,
// with <del> and <ins> around changes, in a <div class="redline-diff">
// (line breaks are kept by the white-space: pre-wrap rule in htmlStyle),
// then the summary in a <p class="redline-stats">.
//
// A moved paragraph shows at both ends, linked: where it was, its text in
// <del class="moved" id="moved-from-3" data-moved-to="14"> after a link
// "moved to ¶14"; where it went, a <span class="moved" id="moved-to-14"
// data-moved-from="3"> holding a link "moved from ¶3" and the paragraph
// with its own edits in <del> and <ins>.
func WriteHTML(w io.Writer, d *Diff) error {
	var b strings.Builder
	b.WriteString(`<div class="redline-diff">`)
	for _, p := range d.Pieces() {
		switch m := p.Move; {
		case p.Arrival:
			fmt.Fprintf(&b, `<span class="moved" id="%s" data-moved-from="%d"><a class="move-link" href="#%s">%s</a> `, m.ToID(), m.OldPara, m.FromID(), m.movedFrom())
			for _, op := range m.Ops {
				b.WriteString(htmlOp(d, op, ""))
			}
			b.WriteString("</span>")
		case m != nil:
			fmt.Fprintf(&b, `<a class="move-link" href="#%s">%s</a> `, m.ToID(), m.movedTo())
			b.WriteString(htmlOp(d, p.Op, fmt.Sprintf(` class="moved" id="%s" data-moved-to="%d"`, m.FromID(), m.NewPara)))
		default:
			b.WriteString(htmlOp(d, p.Op, ""))
		}
	}
	b.WriteString("</div>\n<p class=\"redline-stats\">" + html.EscapeString(d.Stats.String()) + "</p>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// htmlOp is one op as HTML, attrs added to its <del> or <ins>.
func htmlOp(d *Diff, op Op, attrs string) string {
	text := html.EscapeString(d.Text(op))
	switch op.Kind {
	case Delete:
		return "<del" + attrs + ">" + text + "</del>"
	case Insert:
		return "<ins" + attrs + ">" + text + "</ins>"
	}
	return text
}

// htmlStyle is inlined so the document needs nothing from the network.
const htmlStyle = `.redline-diff { white-space: pre-wrap; font: 1rem/1.5 Georgia, serif; max-width: 40em; }
.redline-diff del { background: #fdd; color: #900; }
.redline-diff ins { background: #dfd; color: #060; text-decoration: none; }
.redline-diff .moved { background: #eef; color: inherit; text-decoration: none; }
.redline-diff del.moved { text-decoration: line-through; }
.redline-diff .move-link { font: 0.8rem sans-serif; color: #336; }
.redline-side-by-side { border-collapse: collapse; width: 100%; font: 1rem/1.5 Georgia, serif; }
.redline-side-by-side th { font: bold 0.9rem sans-serif; text-align: left; }
.redline-side-by-side td { width: 50%; vertical-align: top; padding: 0.3rem 0.6rem; border-top: 1px solid #ddd; white-space: pre-wrap; }
.redline-side-by-side del { background: #fdd; color: #900; }
.redline-side-by-side ins { background: #dfd; color: #060; text-decoration: none; }
.redline-side-by-side .moved { background: #eef; color: inherit; text-decoration: none; }
.redline-side-by-side .move-link { font: 0.8rem sans-serif; color: #336; }
.redline-stats { font: 0.9rem sans-serif; color: #555; }`

// WriteHTMLDocument writes a self-contained HTML page around WriteHTML's
// fragment.
func WriteHTMLDocument(w io.Writer, d *Diff, title string) error {
	return writeDocument(w, title, func() error { return WriteHTML(w, d) })
}

// writeDocument writes a self-contained HTML page around what body writes.
func writeDocument(w io.Writer, title string, body func() error) error {
	head := "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
		html.EscapeString(title) + "</title>\n<style>\n" + htmlStyle + "\n</style>\n</head>\n<body>\n"
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	if err := body(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "</body>\n</html>\n")
	return err
}

// jsonOp is an Op with its text, as WriteJSON prints it.
type jsonOp struct {
	Kind      OpKind    `json:"op"`
	Old       span.Span `json:"old"`
	New       span.Span `json:"new"`
	Text      string    `json:"text"`
	MovedTo   int       `json:"movedTo,omitempty"`   // a Delete of a paragraph that moved to this new ¶
	MovedFrom int       `json:"movedFrom,omitempty"` // an Insert of a paragraph that came from this old ¶
}

// jsonMove is a Move as WriteJSON prints it.
type jsonMove struct {
	Old        span.Span `json:"old"`
	New        span.Span `json:"new"`
	From       int       `json:"from"` // old ¶, from 1
	To         int       `json:"to"`   // new ¶, from 1
	Sentence   bool      `json:"sentence,omitempty"`
	FromSent   int       `json:"fromSentence,omitempty"` // a sentence's number in ¶ from, from 1
	ToSent     int       `json:"toSentence,omitempty"`   // and in ¶ to
	Similarity float64   `json:"similarity"`
	Ops        []jsonOp  `json:"ops"` // its own edits
}

// WriteJSON writes {"stats": …, "ops": [{"op", "old", "new", "text"}…],
// "moves": […]} with code-point offsets; text is Diff.Text of the op. The
// Delete and Insert ops of a moved paragraph or sentence carry movedTo and
// movedFrom (paragraph numbers from 1), and each move lists its own edits;
// a sentence's move says so ("sentence": true) with its numbers in the two
// paragraphs.
func WriteJSON(w io.Writer, d *Diff) error {
	jsonOps := func(ops []Op, moved bool) []jsonOp {
		out := make([]jsonOp, len(ops))
		for i, op := range ops {
			out[i] = jsonOp{Kind: op.Kind, Old: op.Old, New: op.New, Text: d.Text(op)}
			if !moved {
				continue
			}
			if m := d.moveAt(op.Old, func(m Move) span.Span { return m.Old }); m != nil && op.Kind == Delete {
				out[i].MovedTo = m.NewPara
			}
			if m := d.moveAt(op.New, func(m Move) span.Span { return m.New }); m != nil && op.Kind == Insert {
				out[i].MovedFrom = m.OldPara
			}
		}
		return out
	}
	moves := make([]jsonMove, len(d.Moves))
	for i, m := range d.Moves {
		moves[i] = jsonMove{m.Old, m.New, m.OldPara, m.NewPara, m.Sentence, m.OldSentence, m.NewSentence, math.Round(m.Similarity*1000) / 1000, jsonOps(m.Ops, false)}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Stats Stats      `json:"stats"`
		Ops   []jsonOp   `json:"ops"`
		Moves []jsonMove `json:"moves"`
	}{d.Stats, jsonOps(d.Ops, true), moves})
}
