//go:build !js

package main

import (
	"encoding/json"
	"fmt"

	"github.com/redline-news/redline/internal/article"
)

// runParse prints the parsed article as indented JSON: metadata, the
// canonical text every annotation refers to, and paragraphs and sentences
// with code-point offsets into it.
func runParse(e *env, args []string) error {
	fs := newFlags("parse")
	formatName := fs.String("format", "", "input format: text, markdown or html (default: from the file name, else sniffed)")
	files, err := parseFlags(fs, args, 1)
	if err != nil {
		return err
	}
	var format article.Format
	if *formatName != "" {
		if format, err = article.ParseFormat(*formatName); err != nil {
			return usagef("parse: --format: %v", err)
		}
	}
	a, err := loadArticle(e, files[0], format)
	if err != nil {
		return err
	}
	return printArticle(e, a)
}

// printArticle writes a parsed article as parse prints it.
func printArticle(e *env, a *article.Article) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // article text is data, not HTML: keep "AT&T" readable
	return enc.Encode(a)
}

// loadArticle reads and parses one article file ("-" for standard input)
// in the given format, or the one its name or content suggests when the
// format is empty.
func loadArticle(e *env, name string, format article.Format) (*article.Article, error) {
	data, err := readInput(e, name)
	if err != nil {
		return nil, err
	}
	if format == "" {
		format = article.DetectFormat(name, data)
	}
	a, err := article.Parse(data, format)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}
