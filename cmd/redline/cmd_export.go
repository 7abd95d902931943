//go:build !js

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/interop"
)

// runExport writes ANNOTATIONS (any file `redline import` reads), placed
// on ARTICLE, in another tool's format: w3c, csv, claimreview, doccano,
// labelstudio or brat. One file goes to stdout, or into --out DIR; brat
// writes NAME.ann beside NAME.txt, so it needs --out. Annotations that do
// not anchor on ARTICLE stop the export, as in import.
func runExport(e *env, args []string) error {
	fs := newFlags("export")
	to := fs.String("to", "", "the format: w3c, csv, claimreview, doccano, labelstudio or brat")
	out := fs.String("out", "", "write the file(s) into this folder instead of stdout (brat needs it)")
	url := fs.String("url", "", "the article's URL, for ClaimReview's appearance")
	offsets := fs.Bool("offsets", false, "csv: add start and end columns (code points)")
	files, err := parseFlags(fs, args, 2)
	if err != nil {
		return err
	}
	format := interop.Format(*to)
	if format != "csv" && !isExportFormat(format) {
		return usagef("export: --to must be one of w3c, csv, claimreview, doccano, labelstudio, brat")
	}
	if format == interop.Brat && *out == "" {
		return usagef("export: brat writes an .ann and a .txt: give --out DIR")
	}
	if countStdin(files) > 1 {
		return usagef("export: only one of ARTICLE and ANNOTATIONS can be -")
	}
	art, err := loadArticle(e, files[0], "")
	if err != nil {
		return err
	}
	anns, unplaced, err := importOnto(e, art, files[0], files[1])
	if err != nil {
		return err
	}
	if len(unplaced) > 0 {
		for _, u := range unplaced {
			fmt.Fprintf(e.stderr, "%s: %s\n", files[1], u)
		}
		return fmt.Errorf("export: %s: %d annotations could not be placed on %s", files[1], len(unplaced), files[0])
	}
	name := strings.TrimSuffix(filepath.Base(files[0]), filepath.Ext(files[0]))
	if name == "-" || name == "" {
		name = "article"
	}
	var written []interop.OutFile
	if format == "csv" {
		rows := make([]interop.CSVRow, len(anns))
		for i, a := range anns {
			rows[i] = interop.CSVRow{Story: art.Title, RevisionDate: art.Date, Annotation: a}
		}
		data, err := interop.WriteCSV(rows, interop.CSVOptions{Offsets: *offsets})
		if err != nil {
			return err
		}
		written = []interop.OutFile{{Name: name + ".csv", Data: data}}
	} else {
		st := interop.Story{Title: art.Title, URL: *url, Date: art.Date, Text: anchor.NewText(art.Text), Name: name}
		if written, err = interop.Export(format, st, anns); err != nil {
			return err
		}
	}
	if *out == "" {
		_, err := e.stdout.Write(written[0].Data)
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for _, f := range written {
		path := filepath.Join(*out, f.Name)
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, path)
	}
	return nil
}

func isExportFormat(f interop.Format) bool {
	for _, x := range interop.ExportFormats {
		if f == x {
			return true
		}
	}
	return false
}
