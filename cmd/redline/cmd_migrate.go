//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/migrate"
)

// runMigrate carries the annotations of revision OLD onto revision NEW and
// prints them as an AnnotationCollection: positions are code points into
// NEW's canonical text (as `redline parse NEW` prints it), each annotation
// records its status and the words it had on OLD, and the sourceDate of a
// placed annotation is NEW's date (none when NEW has no date). An orphaned
// annotation is kept, with status orphaned, its date on OLD and its old
// quote only: dropping it would lose the reader's work, and a position
// would point at words it is not about. --report FILE also writes a JSON
// array with the id, status, before and after text of each annotation, in
// input order.
func runMigrate(e *env, args []string) error {
	fs := newFlags("migrate")
	report := fs.String("report", "", "also write a JSON report of what happened to each annotation to this file")
	files, err := parseFlags(fs, args, 3)
	if err != nil {
		return err
	}
	if countStdin(files) > 1 {
		return usagef("migrate: only one of OLD, NEW and ANNOTATIONS can be standard input")
	}
	oldRev, err := parseRevision(e, files[0])
	if err != nil {
		return err
	}
	newRev, err := parseRevision(e, files[1])
	if err != nil {
		return err
	}
	anns, err := readAnnotations(e, files[2])
	if err != nil {
		return err
	}

	results := migrate.Migrate(oldRev.Text, newRev.Text, nil, anns)
	migrated := make([]annotation.Annotation, len(results))
	for i, r := range results {
		migrated[i] = r.Annotation
		if r.Status != annotation.StatusOrphaned {
			migrated[i].Target.SourceDate = newRev.Date
			migrated[i].Revision = "" // it belonged to OLD; NEW's id is not known here
		}
	}
	collection, err := annotation.MarshalCollection("Annotations migrated to "+filepath.Base(files[1]), migrated)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if *report != "" {
		if err := writeReport(*report, results); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	_, err = e.stdout.Write(collection)
	return err
}

func countStdin(files []string) int {
	n := 0
	for _, f := range files {
		if f == "-" {
			n++
		}
	}
	return n
}

// parseRevision reads and parses one revision of the article.
func parseRevision(e *env, name string) (*article.Article, error) {
	data, err := readInput(e, name)
	if err != nil {
		return nil, err
	}
	a, err := article.Parse(data, article.DetectFormat(name, data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}

// readAnnotations decodes an annotation file; a file with problems is
// refused with the first one and a pointer to `redline validate`, which
// lists them all.
func readAnnotations(e *env, name string) ([]annotation.Annotation, error) {
	data, err := readInput(e, name)
	if err != nil {
		return nil, err
	}
	anns, err := annotation.Decode(data)
	var de *annotation.DecodeError
	if errors.As(err, &de) && de.Count() > 1 {
		return nil, fmt.Errorf("migrate: %s: %s (and %d more problems: redline validate %s lists them)", name, de.Problems[0], de.Count()-1, name)
	}
	if err != nil {
		return nil, fmt.Errorf("migrate: %s: %w", name, err)
	}
	return anns, nil
}

// reportLine is what --report says about one annotation.
type reportLine struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Before string `json:"before"`
	After  string `json:"after"`
	Moved  bool   `json:"moved,omitempty"` // changed and moved elsewhere in the text
}

func writeReport(path string, results []migrate.Result) error {
	lines := make([]reportLine, len(results))
	for i, r := range results {
		lines[i] = reportLine{ID: r.ID, Status: string(r.Status), Before: r.Before, After: r.After, Moved: r.Moved}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // quotes are prose: keep "<" and "&" readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(lines); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
