//go:build !js

package main

import (
	"fmt"
	"path/filepath"

	"github.com/redline-news/redline/internal/revision"
)

// runDiff prints the word diff of two revisions, with offsets into their
// canonical texts (as `redline parse` prints them).
func runDiff(e *env, args []string) error {
	fs := newFlags("diff")
	format := fs.String("format", "text", "output format: text, json or html")
	sideBySide := fs.Bool("side-by-side", false, "html only: old and new side by side, one row per paragraph")
	files, err := parseFlags(fs, args, 2)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" && *format != "html" {
		return usagef("diff: unknown --format %q (want text, json or html)", *format)
	}
	if *sideBySide && *format != "html" {
		return usagef("diff: --side-by-side needs --format html")
	}
	if files[0] == "-" && files[1] == "-" {
		return usagef("diff: only one of OLD and NEW can be standard input")
	}
	oldArt, err := loadArticle(e, files[0], "")
	if err != nil {
		return err
	}
	newArt, err := loadArticle(e, files[1], "")
	if err != nil {
		return err
	}
	d := revision.Compute(oldArt.Text, newArt.Text)
	switch *format {
	case "json":
		return revision.WriteJSON(e.stdout, d)
	case "html":
		title := fmt.Sprintf("Changes from %s to %s", filepath.Base(files[0]), filepath.Base(files[1]))
		if *sideBySide {
			return revision.WriteSideBySideHTMLDocument(e.stdout, d, title)
		}
		return revision.WriteHTMLDocument(e.stdout, d, title)
	}
	return revision.WriteText(e.stdout, d)
}
