package revision

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/redline-news/redline/internal/span"
)

// String is the one-line summary renderers print under a diff.
func (s Stats) String() string {
	if s.Changes == 0 {
		return "no changes"
	}
	return fmt.Sprintf("%s: %s added, %s removed, %s touched",
		plural(s.Changes, "change"), plural(s.WordsAdded, "word"),
		plural(s.WordsRemoved, "word"), plural(s.ParagraphsTouched, "paragraph"))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// WriteText writes the new text with changes marked inline, wdiff style
// ([-removed-]{+added+}), then a blank line and the summary.
func WriteText(w io.Writer, d *Diff) error {
	_, err := io.WriteString(w, inline(d)+"\n\n"+d.Stats.String()+"\n")
	return err
}

func inline(d *Diff) string {
	var b strings.Builder
	for _, op := range d.Ops {
		switch op.Kind {
		case Equal:
			b.WriteString(d.Text(op))
		case Delete:
			b.WriteString("[-" + d.Text(op) + "-]")
		case Insert:
			b.WriteString("{+" + d.Text(op) + "+}")
		}
	}
	return b.String()
}

// WriteHTML writes the diff as an HTML fragment: the new text, HTML-escaped,
// with <del> and <ins> around changes, in a <div class="redline-diff">
// (line breaks are kept by the white-space: pre-wrap rule in htmlStyle),
// then the summary in a <p class="redline-stats">.
func WriteHTML(w io.Writer, d *Diff) error {
	var b strings.Builder
	b.WriteString(`<div class="redline-diff">`)
	for _, op := range d.Ops {
		text := html.EscapeString(d.Text(op))
		switch op.Kind {
		case Equal:
			b.WriteString(text)
		case Delete:
			b.WriteString("<del>" + text + "</del>")
		case Insert:
			b.WriteString("<ins>" + text + "</ins>")
		}
	}
	b.WriteString("</div>\n<p class=\"redline-stats\">" + html.EscapeString(d.Stats.String()) + "</p>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// htmlStyle is inlined so the document needs nothing from the network.
const htmlStyle = `.redline-diff { white-space: pre-wrap; font: 1rem/1.5 Georgia, serif; max-width: 40em; }
.redline-diff del { background: #fdd; color: #900; }
.redline-diff ins { background: #dfd; color: #060; text-decoration: none; }
.redline-stats { font: 0.9rem sans-serif; color: #555; }`

// WriteHTMLDocument writes a self-contained HTML page around WriteHTML's
// fragment.
func WriteHTMLDocument(w io.Writer, d *Diff, title string) error {
	head := "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
		html.EscapeString(title) + "</title>\n<style>\n" + htmlStyle + "\n</style>\n</head>\n<body>\n"
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	if err := WriteHTML(w, d); err != nil {
		return err
	}
	_, err := io.WriteString(w, "</body>\n</html>\n")
	return err
}

// jsonOp is an Op with its text, as WriteJSON prints it.
type jsonOp struct {
	Kind OpKind    `json:"op"`
	Old  span.Span `json:"old"`
	New  span.Span `json:"new"`
	Text string    `json:"text"`
}

// WriteJSON writes {"stats": …, "ops": [{"op", "old", "new", "text"}…]}
// with code-point offsets; text is Diff.Text of the op.
func WriteJSON(w io.Writer, d *Diff) error {
	ops := make([]jsonOp, len(d.Ops))
	for i, op := range d.Ops {
		ops[i] = jsonOp{op.Kind, op.Old, op.New, d.Text(op)}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Stats Stats    `json:"stats"`
		Ops   []jsonOp `json:"ops"`
	}{d.Stats, ops})
}
