//go:build !js

package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/interop"
)

// runImport reads another tool's annotation file (any format
// interop.Read detects; a brat .ann takes the .txt beside it for context)
// and prints its annotations anchored onto ARTICLE, parsed as `redline
// parse` does, as a W3C AnnotationCollection: code points into that text.
// It is all or nothing: if any annotation cannot be placed, nothing is
// printed and each reason goes to stderr. With --partial the ones that
// anchor are printed and the rest listed on stderr, and it still exits 1.
// What the file holds that Redline skips on purpose (a relation between
// annotations) is named on stderr as a note, not an error.
func runImport(e *env, args []string) error {
	fs := newFlags("import")
	partial := fs.Bool("partial", false, "print the annotations that anchor and list the rest on stderr")
	files, err := parseFlags(fs, args, 2)
	if err != nil {
		return err
	}
	if countStdin(files) > 1 {
		return usagef("import: only one of ARTICLE and FILE can be -")
	}
	art, err := loadArticle(e, files[0], "")
	if err != nil {
		return err
	}
	placed, unplaced, err := importOnto(e, art, files[0], files[1])
	if err != nil {
		return err
	}
	if len(unplaced) > 0 && !*partial {
		for _, u := range unplaced {
			fmt.Fprintf(e.stderr, "%s: %s\n", files[1], u)
		}
		return fmt.Errorf("import: %s: %d of %d annotations could not be placed, none imported (--partial keeps those that anchor)",
			files[1], len(unplaced), len(unplaced)+len(placed))
	}
	out, err := annotation.MarshalCollection("Annotations imported onto "+filepath.Base(files[0]), placed)
	if err != nil {
		return err
	}
	if _, err := e.stdout.Write(out); err != nil {
		return err
	}
	if len(unplaced) > 0 {
		for _, u := range unplaced {
			fmt.Fprintf(e.stderr, "%s: not imported: %s\n", files[1], u)
		}
		return fmt.Errorf("import: %s: %d of %d annotations could not be placed", files[1], len(unplaced), len(unplaced)+len(placed))
	}
	return nil
}

// importOnto reads an annotation file and places it on art: the placed
// annotations (about the article, dated by it when it has a date) and one
// reason for each that did not anchor. A file Redline cannot read at all
// is an error listing each of its problems on stderr.
func importOnto(e *env, art *article.Article, articleName, name string) ([]annotation.Annotation, []string, error) {
	data, err := readInput(e, name)
	if err != nil {
		return nil, nil, err
	}
	source := annotation.StorySource(strings.TrimSuffix(filepath.Base(articleName), filepath.Ext(articleName)))
	var file *interop.File
	if txt, ok := bratText(name); ok {
		file, err = interop.ReadBrat(data, txt, source)
	} else {
		file, err = interop.Read(data, source)
	}
	var ie *interop.Error
	if errors.As(err, &ie) {
		for _, p := range ie.Problems {
			fmt.Fprintf(e.stderr, "%s: %s\n", name, p)
		}
		return nil, nil, fmt.Errorf("%s: %d problem%s, nothing imported", name, len(ie.Problems), plural(len(ie.Problems)))
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, n := range file.Notes {
		fmt.Fprintf(e.stderr, "%s: note: %s\n", name, n)
	}
	placements, unplaced := interop.Place(anchor.NewText(art.Text), file.Items)
	placed := make([]annotation.Annotation, len(placements))
	for i, p := range placements {
		placed[i] = p.Annotation
		placed[i].Status, placed[i].Before = annotation.StatusNone, ""
		if art.Date != "" {
			placed[i].Target.SourceDate = art.Date
		}
	}
	return placed, unplaced, nil
}

// bratText is the .txt beside a brat .ann file, when there is one.
func bratText(name string) ([]byte, bool) {
	if filepath.Ext(name) != ".ann" {
		return nil, false
	}
	txt, err := os.ReadFile(strings.TrimSuffix(name, ".ann") + ".txt")
	return txt, err == nil
}
