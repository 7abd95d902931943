package article

import (
	"github.com/redline-news/redline/internal/sentences"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseText reads plain text: metadata header lines, a title line, then
// paragraphs. Paragraphs are separated by blank lines; within one, lines
// are soft wraps joined with a space, unless the text has one paragraph
// per line (see linePerParagraph).
func parseText(b *builder, data []byte) error {
	lines := strings.Split(normaliseNewlines(string(data)), "\n")
	lines = b.takeTextHeaders(lines)
	lines = b.takeTitleLine(lines)
	eachLine := linePerParagraph(lines)
	var para []string
	for _, line := range lines {
		blank := strings.TrimSpace(line) == ""
		if blank || eachLine {
			b.add(BlockParagraph, strings.Join(para, "\n"))
			para = para[:0]
		}
		if !blank {
			para = append(para, line)
		}
	}
	b.add(BlockParagraph, strings.Join(para, "\n"))
	return nil
}

func normaliseNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// Plain text comes in two shapes: hard-wrapped (Project Gutenberg, e-mail,
// text editors: lines broken near a fixed width, mostly in mid-sentence)
// and one paragraph per line (pasted from a web page or a word processor:
// lines end where paragraphs end, at a full stop, and are often longer
// than any wrap width). The lines that decide are those followed by
// another non-blank line, since a blank line ends a paragraph either way.
// The text has a paragraph per line when at least 3 in 5 of them end a
// sentence, or more than half are longer than maxWrapWidth. A hard-wrapped
// line ends a sentence only when the wrap happens to fall there (about one
// line in ten in prose), a pasted paragraph nearly always (a dateline or a
// subheading is the exception), and wraps are at most 80 columns in
// practice.
const (
	maxWrapWidth         = 100 // code points
	sentenceEndsPerLines = 0.6
)

// linePerParagraph reports whether lines hold one paragraph per line.
func linePerParagraph(lines []string) bool {
	inner, ends, long := 0, 0, 0
	for i := 0; i+1 < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "" || strings.TrimSpace(lines[i+1]) == "" {
			continue
		}
		inner++
		line := strings.TrimSpace(lines[i])
		if endsSentence(line) {
			ends++
		}
		if utf8.RuneCountInString(line) > maxWrapWidth {
			long++
		}
	}
	return inner > 0 && (float64(ends) >= sentenceEndsPerLines*float64(inner) || 2*long > inner)
}

// endsSentence reports a line ending in sentence punctuation, possibly
// followed by closing quotes or brackets ("… a bad guy.”").
func endsSentence(line string) bool {
	return strings.ContainsRune(".!?…", lastBeforeClosing(line))
}

// lastBeforeClosing returns the last character of s before any closing
// quotes and brackets.
func lastBeforeClosing(s string) rune {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.Is(unicode.Pf, r) || unicode.Is(unicode.Pe, r) || r == '"' || r == '\''
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// maxTitleLength bounds a title line: headlines run to about 100
// characters.
const maxTitleLength = 120

// takeTitleLine takes the first line as the title when the text names
// none in its headers and the line looks like a headline: alone in its
// paragraph, short, one sentence, and not ending like a sentence or a
// dateline (a full stop, comma, colon, semicolon or dash, before any
// closing quotes). Like a Markdown or HTML headline, it leaves the body,
// so it is not annotated twice over. Text that is only that line keeps it
// as its text.
func (b *builder) takeTitleLine(lines []string) []string {
	if b.title != "" || len(lines) == 0 {
		return lines
	}
	line := strings.TrimSpace(lines[0])
	rest := lines[1:]
	hasRest := strings.TrimSpace(strings.Join(rest, "")) != ""
	alone := len(rest) == 0 || strings.TrimSpace(rest[0]) == "" || linePerParagraph(lines)
	last := lastBeforeClosing(line)
	if !hasRest || !alone || utf8.RuneCountInString(line) > maxTitleLength || CountWords(line) == 0 ||
		strings.ContainsRune(".,:;…", last) || unicode.Is(unicode.Pd, last) || len(sentences.Split(line)) > 1 {
		return lines
	}
	b.title = cleanParagraph(line)
	return rest
}

// leadingDate matches the sample article's form: "date 2025-03-23" at the
// very start, with the first paragraph following on the same line.
var leadingDate = regexp.MustCompile(`^\s*(?i:date)\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)`)

// takeTextHeaders consumes the metadata at the top of plain text and
// returns the remaining lines, from the first non-blank one. "key: value"
// lines count only as a block that ends with a blank line (or the end of
// input), so a first paragraph that happens to start with "Title:" stays
// text.
func (b *builder) takeTextHeaders(lines []string) []string {
	first := 0
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	end := first
	for end < len(lines) && headerLine.MatchString(lines[end]) {
		end++
	}
	if end > first && (end == len(lines) || strings.TrimSpace(lines[end]) == "") {
		var headers metadata
		accepted := true
		for _, line := range lines[first:end] {
			accepted = accepted && headers.setHeader(line)
		}
		if accepted {
			b.metadata = headers
			return skipBlank(lines[end:])
		}
	}
	if first == len(lines) {
		return nil
	}
	if m := leadingDate.FindStringSubmatchIndex(lines[first]); m != nil {
		if date, ok := parseDate(lines[first][m[2]:m[3]]); ok {
			b.date = date
			lines[first] = lines[first][m[1]:]
		}
	}
	return lines[first:]
}

// skipBlank drops the blank lines at the start.
func skipBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	return lines
}
