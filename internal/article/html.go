package article

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxExtractorElements bounds the pages handed to the extractors, whose
// scoring passes are superlinear; real news pages have a few thousand
// elements. Larger pages use the linear whole-body fallback.
const maxExtractorElements = 100_000

// parseHTML extracts the article body of a saved web page (see
// extractArticle) and turns its blocks into paragraphs. When the
// extractors find nothing, the whole body is used, minus navigation and
// page furniture. Nothing is ever executed or rendered: the page is only
// a tree of nodes whose text is read, and scripts, styles, embedded
// documents, SVG, form controls, hidden elements and javascript: controls
// contribute no text.
func parseHTML(b *builder, data []byte) error {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		// From bytes, the only failure is nesting deeper than 512 elements.
		return fmt.Errorf("%w: the HTML page nests elements too deeply (%v)", ErrTooComplex, err)
	}
	pageDate := firstTimeElement(doc) // before prepareForExtractors unwraps <time>
	prepareForExtractors(doc)
	if countElements(doc) <= maxExtractorElements {
		content, meta := extractArticle(doc)
		b.metadata = meta
		if content != nil {
			newHTMLWalker(b, pageChrome).walk(content)
		}
	}
	b.setDate(pageDate)
	if len(b.blocks) == 0 {
		if body := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }); body != nil {
			newHTMLWalker(b, bodyChrome).walk(body)
		}
	}
	return nil
}

// prepareForExtractors edits a page for the extractors:
//   - what must never become text but that they would keep or turn into
//     text goes: hidden elements, templates (inert markup a browser never
//     shows) and javascript: controls ("Show more", "Print"), which
//     readability unwraps into text; a javascript: link wrapped around
//     paragraphs is a wrapper, not a control, and only its link goes;
//   - what trafilatura removes together with the text that follows it
//     (go-trafilatura v1.12.2 loses the rest of a paragraph after an inline
//     <time>, <button>, <script> or <svg>) is removed here, where the text
//     after it stays, or unwrapped when its content is the article's
//     (time, label, picture).
//     Structured data (JSON-LD scripts) stays: it is the pages' metadata.
func prepareForExtractors(doc *html.Node) {
	var remove, unwrap []*html.Node
	walkTree(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch {
		case n.DataAtom == atom.A && isScriptURL(attr(n, "href")):
			if !hasBlock(n) {
				remove = append(remove, n)
				return false
			}
			n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "href" })
		case isHidden(n) || n.Namespace != "" || inertElements[n.DataAtom] && !isStructuredData(n):
			remove = append(remove, n)
			return false
		case unwrappedElements[n.DataAtom]:
			unwrap = append(unwrap, n)
		}
		return true
	}, func(*html.Node) {})
	for _, n := range remove {
		n.Parent.RemoveChild(n)
	}
	for _, n := range slices.Backward(unwrap) { // innermost first
		for c := n.FirstChild; c != nil; c = n.FirstChild {
			n.RemoveChild(c)
			n.Parent.InsertBefore(c, n)
		}
		n.Parent.RemoveChild(n)
	}
}

// inertElements never give article text (see noText) and are removed
// before extraction. Images stay: the extractors score by them.
var inertElements = atomSet(
	atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Frame, atom.Frameset,
	atom.Object, atom.Embed, atom.Applet, atom.Canvas, atom.Video, atom.Audio, atom.Source, atom.Track,
	atom.Map, atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Datalist,
)

// unwrappedElements are inline elements whose content belongs to the
// article but that trafilatura drops with what follows them.
var unwrappedElements = atomSet(atom.Time, atom.Label, atom.Picture)

// isStructuredData reports a JSON-LD script, the metadata (headline,
// author, date) the extractors read.
func isStructuredData(n *html.Node) bool {
	return n.DataAtom == atom.Script && strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json")
}

// hasBlock reports whether an element holds a block element.
func hasBlock(n *html.Node) bool {
	return findFirst(n, func(c *html.Node) bool { return c != n && blockElements[c.DataAtom] }) != nil
}

// countElements counts the element nodes of a tree.
func countElements(doc *html.Node) int {
	n := 0
	walkTree(doc, func(c *html.Node) bool {
		if c.Type == html.ElementNode {
			n++
		}
		return true
	}, func(*html.Node) {})
	return n
}

// isScriptURL reports javascript: (and vbscript:) URLs the way a browser
// reads them: ASCII white space and control characters are ignored.
func isScriptURL(href string) bool {
	href = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, href)
	href = strings.ToLower(href)
	return strings.HasPrefix(href, "javascript:") || strings.HasPrefix(href, "vbscript:")
}

// firstTimeElement returns the datetime of the page's first <time>
// element that has one, the usual markup for a publication date.
func firstTimeElement(doc *html.Node) string {
	t := findFirst(doc, func(n *html.Node) bool {
		_, ok := parseDate(attr(n, "datetime"))
		return n.DataAtom == atom.Time && ok
	})
	if t == nil {
		return ""
	}
	return attr(t, "datetime")
}

// findFirst returns the first node in document order that matches.
func findFirst(doc *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	walkTree(doc, func(n *html.Node) bool {
		if found == nil && match(n) {
			found = n
		}
		return found == nil
	}, func(*html.Node) {})
	return found
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// walkTree visits root and its descendants in document order without
// recursion, so a hostile page nested a million levels deep cannot
// exhaust the stack. enter returns whether to visit a node's children;
// leave is called after the children of every node that was entered.
func walkTree(root *html.Node, enter func(*html.Node) bool, leave func(*html.Node)) {
	n := root
	for {
		if enter(n) {
			if n.FirstChild != nil {
				n = n.FirstChild
				continue
			}
			leave(n)
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
			leave(n)
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}
