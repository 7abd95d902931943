package article

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// parseMarkdown reads CommonMark: front matter, then the text of every
// block. Headings, paragraphs, list items, block quotes and code blocks
// become paragraphs; emphasis and links are reduced to their text; images
// and raw HTML produce nothing (they are not the article's words).
func parseMarkdown(b *builder, data []byte) error {
	source := []byte(normaliseNewlines(string(data)))
	source = b.takeFrontMatter(source)
	if err := checkMarkdown(source); err != nil {
		return err
	}
	doc := goldmark.DefaultParser().Parse(text.NewReader(source))
	w := &markdownWalker{b: b, source: source}
	w.blocks(doc, BlockParagraph)
	return nil
}

// takeFrontMatter consumes a leading "---" … "---" (or "...") block of
// "key: value" lines and returns the rest of the source. Unknown keys are
// ignored; without a closing fence there is no front matter.
func (b *builder) takeFrontMatter(source []byte) []byte {
	s := string(source)
	if !strings.HasPrefix(s, "---\n") {
		return source
	}
	var meta metadata
	lines := strings.SplitAfter(s, "\n")
	offset := len(lines[0])
	for _, line := range lines[1:] {
		offset += len(line)
		switch strings.TrimSpace(line) {
		case "---", "...":
			b.metadata = meta
			return source[offset:]
		}
		meta.setHeader(line)
	}
	return source // no closing fence: the "---" was a thematic break
}

type markdownWalker struct {
	b         *builder
	source    []byte
	inline    strings.Builder // the current line of inline text
	lines     []string        // the finished lines of the current block
	insideTag string          // an inline raw HTML element whose text is hidden
}

// blocks walks block nodes; kind is what their text becomes (a paragraph
// inside a list item is a list item).
func (w *markdownWalker) blocks(n ast.Node, kind Block) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			w.b.heading(c.Level, strings.Join(w.inlineLines(c), " "))
		case *ast.Paragraph, *ast.TextBlock:
			for _, line := range w.inlineLines(c) {
				w.b.add(kind, line)
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			w.b.add(BlockCode, string(c.Lines().Value(w.source)))
		case *ast.Blockquote:
			w.blocks(c, BlockQuotation)
		case *ast.ListItem:
			w.blocks(c, BlockListItem)
		case *ast.HTMLBlock, *ast.ThematicBreak:
			// raw HTML is dropped; a rule has no text
		default:
			w.blocks(c, kind)
		}
	}
}

// inlineLines returns the text of n's inline children, cut at hard line
// breaks: a deliberate break starts a new paragraph of the same kind.
func (w *markdownWalker) inlineLines(n ast.Node) []string {
	w.lines = w.lines[:0]
	w.insideTag = ""
	w.collect(n)
	w.breakLine()
	return w.lines
}

func (w *markdownWalker) breakLine() {
	w.lines = append(w.lines, w.inline.String())
	w.inline.Reset()
}

func (w *markdownWalker) collect(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if raw, ok := c.(*ast.RawHTML); ok {
			w.rawHTML(raw)
			continue
		}
		if w.insideTag != "" {
			continue // the text of an inline <script>…</script>
		}
		switch c := c.(type) {
		case *ast.Text:
			value := c.Value(w.source)
			if !c.IsRaw() {
				value = unescapeMarkdown(value)
			}
			w.inline.Write(value)
			switch {
			case c.HardLineBreak():
				w.breakLine()
			case c.SoftLineBreak():
				w.inline.WriteByte(' ')
			}
		case *ast.String:
			value := c.Value
			if !c.IsRaw() && !c.IsCode() {
				value = unescapeMarkdown(value)
			}
			w.inline.Write(value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					w.inline.Write(t.Value(w.source))
				}
			}
		case *ast.AutoLink:
			w.inline.Write(c.Label(w.source))
		case *ast.Image:
			// not the article's words
		default:
			w.collect(c)
		}
	}
}

// unescapeMarkdown resolves backslash escapes and character references,
// as goldmark's HTML renderer does for text.
func unescapeMarkdown(b []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b)))
}

// rawTag matches the start of an inline HTML tag: its slash and name.
var rawTag = regexp.MustCompile(`^<(/?)([A-Za-z][A-Za-z0-9-]*)`)

// hiddenInlineTags are HTML elements whose content a browser would not
// show as text; inline raw HTML is dropped, and so is what these enclose.
var hiddenInlineTags = map[string]bool{
	"script": true, "style": true, "iframe": true, "svg": true, "math": true, "template": true,
	"textarea": true, "object": true, "noscript": true, "select": true, "button": true,
	"title": true, "xmp": true, "noembed": true, "noframes": true,
}

// rawHTML tracks inline tags that open or close a hidden element.
func (w *markdownWalker) rawHTML(n *ast.RawHTML) {
	raw := n.Segments.Value(w.source)
	m := rawTag.FindSubmatch(raw)
	if m == nil {
		return
	}
	name, closing := strings.ToLower(string(m[2])), len(m[1]) > 0
	switch {
	case closing && name == w.insideTag:
		w.insideTag = ""
	case !closing && w.insideTag == "" && hiddenInlineTags[name] && !bytes.HasSuffix(raw, []byte("/>")):
		w.insideTag = name
	}
}
