package article

import (
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/go-shiori/dom"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// extractArticle finds the article body of a page and what the page says
// about it. The body is trafilatura's (the best open extractor on the
// usual benchmarks), with go-readability's result as its fallback
// candidate: trafilatura switches to it when its own extraction is much
// shorter or has no paragraphs. Both ways measured, and the reasons, are
// in docs/decisions.md. doc is left as it was; content is nil when
// neither extractor finds anything.
func extractArticle(doc *html.Node) (content *html.Node, meta metadata) {
	readable := readabilityArticle(doc, &meta)
	candidates := &trafilatura.FallbackCandidates{
		Readability: readable,
		// DOM Distiller never won over readability on the corpora
		// (docs/decisions.md): an empty candidate keeps it from running.
		Distiller: emptyCandidate(),
	}
	if candidates.Readability == nil {
		candidates.Readability = emptyCandidate()
	}
	config := trafilatura.DefaultConfig()
	result, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		Config:             config,
		EnableFallback:     true,
		FallbackCandidates: candidates,
		ExcludeComments:    true,
		HtmlDateMode:       trafilatura.Disabled,
	})
	// Under MinExtractedSize, trafilatura falls back to a crude "baseline"
	// (all the page's text in one paragraph); readability's article, or
	// else the whole body read block by block, is better then.
	if err == nil && result.ContentNode != nil && utf8.RuneCountInString(result.ContentText) >= config.MinExtractedSize {
		if meta.title == "" {
			meta.title = cleanParagraph(result.Metadata.Title)
		}
		if meta.byline == "" {
			meta.byline = cleanParagraph(result.Metadata.Author)
		}
		return result.ContentNode, meta
	}
	return readable, meta
}

// readabilityArticle runs go-readability on a copy of doc (it edits the
// tree it reads) and records the title, byline and date it finds.
func readabilityArticle(doc *html.Node, meta *metadata) *html.Node {
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxExtractorElements
	page, err := parser.ParseAndMutate(dom.Clone(doc, true), nil)
	if err != nil {
		return nil
	}
	meta.byline = cleanParagraph(page.Byline())
	meta.title = headline(cleanParagraph(page.Title()), meta.byline, page.SiteName())
	if t, err := page.PublishedTime(); err == nil {
		meta.date = t.Format(time.DateOnly)
	}
	return page.Node
}

func emptyCandidate() *html.Node {
	return &html.Node{Type: html.ElementNode, Data: "div"}
}
