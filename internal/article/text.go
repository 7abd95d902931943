package article

import (
	"regexp"
	"strings"
)

// parseText reads plain text: metadata header lines, then paragraphs
// separated by blank lines, wrapped lines joined with a space.
func parseText(b *builder, data []byte) error {
	lines := strings.Split(normaliseNewlines(string(data)), "\n")
	lines = b.takeTextHeaders(lines)
	var para []string
	for _, line := range lines {
		if strings.TrimSpace(line) == "" {
			b.add(BlockParagraph, strings.Join(para, "\n"))
			para = para[:0]
			continue
		}
		para = append(para, line)
	}
	b.add(BlockParagraph, strings.Join(para, "\n"))
	return nil
}

func normaliseNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// leadingDate matches the sample article's form: "date 2025-03-23" at the
// very start, with the first paragraph following on the same line.
var leadingDate = regexp.MustCompile(`^\s*(?i:date)\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)`)

// takeTextHeaders consumes the metadata at the top of plain text and
// returns the remaining lines. "key: value" lines count only as a block
// that ends with a blank line (or the end of input), so a first paragraph
// that happens to start with "Title:" stays text.
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
			return lines[end:]
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
