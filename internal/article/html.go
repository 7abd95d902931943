package article

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxReadabilityElements bounds the pages handed to readability, whose
// scoring passes are superlinear; real news pages have a few thousand
// elements. Larger pages use the linear whole-body fallback.
const maxReadabilityElements = 100_000

// parseHTML extracts the article body of a saved web page with
// readability (the algorithm of Firefox's Reader View) and turns its
// blocks into paragraphs. When readability finds nothing, the whole body
// is used, minus navigation and page furniture. Nothing is ever executed
// or rendered: the page is only a tree of nodes whose text is read, and
// scripts, styles, embedded documents, SVG, form controls, hidden
// elements and javascript: links contribute no text.
func parseHTML(b *builder, data []byte) error {
	doc, err := parsePage(data)
	if err != nil {
		return err
	}
	pageDate := firstTimeElement(doc) // before readability edits the tree
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxReadabilityElements
	if page, err := parser.ParseAndMutate(doc, nil); err == nil {
		b.title = cleanParagraph(page.Title())
		b.byline = cleanParagraph(page.Byline())
		if t, err := page.PublishedTime(); err == nil {
			b.date = t.Format(time.DateOnly)
		}
		if page.Node != nil {
			newHTMLWalker(b, pageChrome).walk(page.Node)
		}
	}
	b.setDate(pageDate)
	if len(b.blocks) == 0 {
		doc, _ = parsePage(data) // readability changed the first tree
		if body := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }); body != nil {
			newHTMLWalker(b, bodyChrome).walk(body)
		}
	}
	return nil
}

// parsePage parses an HTML page and removes what must never become text
// but that readability would keep or turn into text: javascript: links
// (readability unwraps them), hidden elements and advertising slots
// (readability strips the class names that identify them).
func parsePage(data []byte) (*html.Node, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		// From bytes, the only failure is nesting deeper than 512 elements.
		return nil, fmt.Errorf("%w: the HTML page nests elements too deeply (%v)", ErrTooComplex, err)
	}
	var remove []*html.Node
	walkTree(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode && (n.DataAtom == atom.A && isScriptURL(attr(n, "href")) || isHidden(n) || isAdvert(n)) {
			remove = append(remove, n)
			return false
		}
		return true
	}, func(*html.Node) {})
	for _, n := range remove {
		n.Parent.RemoveChild(n)
	}
	return doc, nil
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
