//go:build !js

package main

import (
	"fmt"

	"github.com/redline-news/redline/internal/annotation"
)

// runValidate checks a file against the W3C Web Annotation model, and only
// that (annotation.ValidateReport). A valid file prints "FILE: valid (N
// annotations)" and exits 0; each valid annotation Redline could not place
// in a text (a target that is a whole resource, a selector Redline does not
// read) gets a "FILE: note: $.path: …" line first, which is not an error.
// An invalid file prints each problem as "FILE: $.path: message" (then the
// notes) and fails (past annotation.MaxProblems, a last line says how many
// more there are).
func runValidate(e *env, args []string) error {
	files, err := parseFlags(newFlags("validate"), args, 1)
	if err != nil {
		return err
	}
	name := files[0]
	data, err := readInput(e, name)
	if err != nil {
		return err
	}
	r := annotation.ValidateReport(data)
	for _, p := range r.Problems {
		fmt.Fprintf(e.stdout, "%s: %s\n", name, p)
	}
	for _, p := range r.Notes {
		fmt.Fprintf(e.stdout, "%s: note: %s\n", name, p)
	}
	if n := r.Count; n > 0 { // more than listed when the file has over annotation.MaxProblems
		return fmt.Errorf("validate: %s: %d problem%s", name, n, plural(n))
	}
	_, err = fmt.Fprintf(e.stdout, "%s: valid (%d annotation%s)\n", name, r.Valid, plural(r.Valid))
	return err
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
