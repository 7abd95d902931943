package article

import (
	"regexp"
	"strings"
	"time"
)

// isoDate matches a date at the start of a value such as "2025-03-23" or
// "2025-03-23T09:30:00+03:00".
var isoDate = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(?:$|[T\s])`)

// parseDate returns the YYYY-MM-DD date a value starts with, if it is a
// real calendar date. The publisher's own day is kept: no time-zone
// conversion, so a story dated 23 March stays 23 March.
func parseDate(value string) (string, bool) {
	m := isoDate.FindStringSubmatch(strings.TrimSpace(value))
	if m == nil {
		return "", false
	}
	if _, err := time.Parse(time.DateOnly, m[1]); err != nil {
		return "", false
	}
	return m[1], true
}

// headerLine matches "key: value" metadata lines of plain text and
// Markdown front matter.
var headerLine = regexp.MustCompile(`^\s*(?i:(title|date|author|byline))\s*:\s*(.*?)\s*$`)

// setHeader records one "key: value" line in m. It reports false when the
// line is not a metadata line (unknown key, empty value, or a date that is
// not YYYY-MM-DD).
func (m *metadata) setHeader(line string) bool {
	match := headerLine.FindStringSubmatch(line)
	if match == nil {
		return false
	}
	key, value := strings.ToLower(match[1]), unquote(match[2])
	if value == "" {
		return false
	}
	switch key {
	case "title":
		m.title = cleanParagraph(value)
	case "date":
		date, ok := parseDate(value)
		if !ok {
			return false
		}
		m.date = date
	case "author", "byline":
		m.byline = cleanParagraph(value)
	}
	return true
}

// unquote strips one pair of matching YAML-style quotes.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
