package article

import (
	"github.com/redline-news/redline/internal/sentences"
	"strings"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/span"
)

// paragraphSeparator sits between two paragraphs of the canonical text.
const paragraphSeparator = "\n\n"

// builder collects the metadata and blocks a format parser finds and
// assembles the Article, so every format obeys the same text rules.
type builder struct {
	metadata
	sawTitleHeading bool
	blocks          []block
}

// metadata is what an article says about itself besides its text.
type metadata struct {
	title, date, byline string
}

type block struct {
	kind Block
	text string // already clean
}

// add appends one paragraph from raw source text; blank ones vanish.
func (b *builder) add(kind Block, raw string) {
	if text := cleanParagraph(raw); text != "" {
		b.blocks = append(b.blocks, block{kind, text})
	}
}

// heading adds a heading. The first level-1 heading is the headline: it
// becomes the title when none is known and is dropped when it repeats the
// known title, so the headline is not annotated twice over.
func (b *builder) heading(level int, raw string) {
	if level == 1 && !b.sawTitleHeading {
		text := cleanParagraph(raw)
		if text == "" {
			return
		}
		b.sawTitleHeading = true
		if b.title == "" {
			b.title = text
			return
		}
		if text == b.title {
			return
		}
	}
	b.add(BlockHeading, raw)
}

// setDate records a date unless one is already known (the first source,
// the most specific one, wins).
func (b *builder) setDate(value string) {
	if b.date != "" {
		return
	}
	if date, ok := parseDate(value); ok {
		b.date = date
	}
}

// article joins the blocks into the canonical text and computes the
// code-point spans of paragraphs and sentences.
func (b *builder) article(format Format) *Article {
	a := &Article{Format: format, Title: b.title, Date: b.date, Byline: b.byline, Paragraphs: []Paragraph{}}
	var text strings.Builder
	offset := 0 // code points written so far
	for i, blk := range b.blocks {
		if i > 0 {
			text.WriteString(paragraphSeparator)
			offset += len(paragraphSeparator)
		}
		n := utf8.RuneCountInString(blk.text)
		p := Paragraph{Span: span.Span{Start: offset, End: offset + n}, Block: blk.kind}
		for _, s := range sentences.Split(blk.text) {
			p.Sentences = append(p.Sentences, span.Span{Start: offset + s.Start, End: offset + s.End})
		}
		a.Paragraphs = append(a.Paragraphs, p)
		a.Words += CountWords(blk.text)
		text.WriteString(blk.text)
		offset += n
	}
	a.Text = text.String()
	return a
}
