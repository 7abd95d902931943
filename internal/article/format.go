package article

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// Format is the syntax of an input file.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
)

// ParseFormat checks a format name given by a user (e.g. a --format flag).
func ParseFormat(name string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(name)))
	if _, ok := parsers[f]; !ok {
		return "", fmt.Errorf("unknown format %q (want text, markdown or html)", name)
	}
	return f, nil
}

// DetectFormat picks a format from a file name (.txt, .md/.markdown,
// .html/.htm/.xhtml) and, when the name says nothing (no name, "-", or
// another extension), from the content: HTML if its first markup looks
// like an HTML document, otherwise plain text. Markdown is never guessed
// from content, because plain prose is valid Markdown and parsing it as
// such would silently drop text like "<b>" or "*".
func DetectFormat(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return FormatText
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	}
	if looksLikeHTML(data) {
		return FormatHTML
	}
	return FormatText
}

// htmlSniffPrefixes are the tags that start an HTML page in practice; the
// check is on the first non-blank bytes, as in the WHATWG MIME sniffing
// algorithm, so prose that merely mentions "<p" later is still text.
var htmlSniffPrefixes = []string{
	"<!doctype html", "<html", "<head", "<body", "<p", "<div", "<article",
	"<meta", "<title", "<!--", "<h1", "<script", "<style", "<table", "<br", "<pre",
}

func looksLikeHTML(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n\f")
	head := strings.ToLower(string(data[:min(len(data), 32)]))
	if strings.HasPrefix(head, "<?xml") {
		return strings.Contains(strings.ToLower(string(data[:min(len(data), 1024)])), "<html")
	}
	for _, p := range htmlSniffPrefixes {
		if strings.HasPrefix(head, p) {
			rest := head[len(p):]
			// The prefix must be the whole tag name: "<pizza" is not HTML.
			if p == "<!--" || rest == "" || strings.ContainsAny(rest[:1], " >\t\n\r/") {
				return true
			}
		}
	}
	return false
}
