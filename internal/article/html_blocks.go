package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// noText lists elements whose content is never article text: code, style,
// embedded documents and media, form controls, and raw-text elements
// whose content is markup.
var noText = atomSet(
	atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Frame, atom.Frameset,
	atom.Object, atom.Embed, atom.Applet, atom.Svg, atom.Math, atom.Canvas, atom.Video, atom.Audio,
	atom.Img, atom.Picture, atom.Map, atom.Button, atom.Input, atom.Select, atom.Textarea,
	atom.Option, atom.Datalist, atom.Head, atom.Title, atom.Meta, atom.Link, atom.Base,
	atom.Xmp, atom.Plaintext, atom.Noembed, atom.Noframes, atom.Dialog,
)

// pageChrome lists the furniture around an article: navigation, asides
// (related links, pull quotes that repeat the text) and footers. It is
// skipped even inside what readability extracted.
var pageChrome = atomSet(atom.Nav, atom.Aside, atom.Footer, atom.Menu)

// bodyChrome adds headers, skipped when the whole body is read because
// readability found no article: a body-level header is the site's
// masthead, whereas an article's own header holds its headline.
var bodyChrome = atomSet(atom.Nav, atom.Aside, atom.Footer, atom.Menu, atom.Header)

// blockElements start and end a paragraph; everything else is inline.
var blockElements = atomSet(
	atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Caption, atom.Center, atom.Dd,
	atom.Details, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
	atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header,
	atom.Hgroup, atom.Hr, atom.Li, atom.Main, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section,
	atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr, atom.Ul,
	atom.Br, atom.Body, atom.Html,
)

var headingLevels = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

func atomSet(atoms ...atom.Atom) map[atom.Atom]bool {
	set := make(map[atom.Atom]bool, len(atoms))
	for _, a := range atoms {
		set[a] = true
	}
	return set
}

// htmlWalker turns an element tree into paragraphs: text accumulates
// until a block element starts or ends, then becomes one paragraph whose
// kind is that of the innermost enclosing heading, list item, block quote
// or pre. A <br> ends a paragraph too (see the package documentation).
type htmlWalker struct {
	b       *builder
	skip    map[atom.Atom]bool // page furniture to leave out, besides noText
	text    strings.Builder
	context []blockContext
}

type blockContext struct {
	kind  Block
	level int // heading level, for BlockHeading
}

func newHTMLWalker(b *builder, skip map[atom.Atom]bool) *htmlWalker {
	return &htmlWalker{b: b, skip: skip, context: []blockContext{{kind: BlockParagraph}}}
}

func (w *htmlWalker) walk(root *html.Node) {
	walkTree(root, w.enter, w.leave)
	w.flush()
}

func (w *htmlWalker) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		w.text.WriteString(n.Data)
		return false
	case html.DocumentNode:
		return true
	case html.ElementNode:
	default:
		return false // comments, doctypes
	}
	if n.Namespace != "" || noText[n.DataAtom] || w.skip[n.DataAtom] {
		return false // SVG and MathML are foreign content, never article text
	}
	if blockElements[n.DataAtom] {
		w.flush()
		w.context = append(w.context, w.blockContext(n))
	}
	return true
}

func (w *htmlWalker) leave(n *html.Node) {
	if n.Type == html.ElementNode && blockElements[n.DataAtom] {
		w.flush()
		w.context = w.context[:len(w.context)-1]
	}
}

// blockContext is the context a block element opens: its own kind if it
// has one, else the enclosing one (a <p> inside a <blockquote> is quoted).
func (w *htmlWalker) blockContext(n *html.Node) blockContext {
	switch n.DataAtom {
	case atom.Li, atom.Dd, atom.Dt:
		return blockContext{kind: BlockListItem}
	case atom.Blockquote:
		return blockContext{kind: BlockQuotation}
	case atom.Pre:
		return blockContext{kind: BlockCode}
	}
	if level, ok := headingLevels[n.DataAtom]; ok {
		return blockContext{kind: BlockHeading, level: level}
	}
	return w.context[len(w.context)-1]
}

func (w *htmlWalker) flush() {
	if w.text.Len() == 0 {
		return
	}
	c := w.context[len(w.context)-1]
	if c.kind == BlockHeading {
		w.b.heading(c.level, w.text.String())
	} else {
		w.b.add(c.kind, w.text.String())
	}
	w.text.Reset()
}

// isHidden reports elements a browser would not show.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			style := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}
