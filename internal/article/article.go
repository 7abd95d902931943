package article

import (
	"fmt"

	"github.com/redline-news/redline/internal/span"
)

// Article is one parsed revision of a story.
type Article struct {
	Format Format `json:"format"`
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"` // YYYY-MM-DD when known
	Byline string `json:"byline,omitempty"`
	// Text is the canonical text (see the package documentation).
	Text       string      `json:"text"`
	Paragraphs []Paragraph `json:"paragraphs"`
	// Words is the number of words in Text (see CountWords).
	Words int `json:"words"`
}

// Paragraph is one block of the text: its span in Article.Text (code
// points), what kind of block it was, and its sentences.
type Paragraph struct {
	span.Span
	Block     Block       `json:"block"`
	Sentences []span.Span `json:"sentences"`
}

// Block says what a paragraph was in the source, so a reader can show a
// heading as a heading. Plain text has only paragraphs.
type Block string

const (
	BlockParagraph Block = "paragraph"
	BlockHeading   Block = "heading"
	BlockListItem  Block = "list-item"
	BlockQuotation Block = "blockquote"
	BlockCode      Block = "code"
)

// Parse parses data in the given format. Input larger than MaxBytes is
// ErrTooLarge, binary input ErrBinary, undecodable text ErrEncoding,
// structure too deep or convoluted to parse in reasonable time
// ErrTooComplex, and input with no text left after parsing ErrEmpty (all
// wrapped with detail).
func Parse(data []byte, format Format) (*Article, error) {
	parse, ok := parsers[format]
	if !ok {
		return nil, fmt.Errorf("unknown article format %q (want text, markdown or html)", format)
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d MiB", ErrTooLarge, len(data), MaxBytes>>20)
	}
	var err error
	if data, err = decode(data, format); err != nil {
		return nil, err
	}
	b := &builder{}
	if err := parse(b, data); err != nil {
		return nil, err
	}
	a := b.article(format)
	if len(a.Paragraphs) == 0 {
		return nil, fmt.Errorf("%w in the %s input", ErrEmpty, format)
	}
	return a, nil
}

// parsers feed the text of one format, block by block, into a builder.
// Each receives valid UTF-8 that is not binary.
var parsers = map[Format]func(b *builder, data []byte) error{
	FormatText:     parseText,
	FormatMarkdown: parseMarkdown,
	FormatHTML:     parseHTML,
}
