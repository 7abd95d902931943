//go:build !js

package main

import (
	"fmt"

	"github.com/redline-news/redline/internal/annotation"
)

// runValidate checks a W3C Web Annotation file the way Redline will read
// it (annotation.Decode): W3C conformance plus what Redline needs to place
// each annotation in a text. It prints "FILE: valid (N annotations)", or
// each problem on its own line as "FILE: $.path: message" and fails (past
// annotation.MaxProblems, a last line says how many more there are).
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
	anns, err := annotation.Decode(data)
	if de, ok := err.(*annotation.DecodeError); ok {
		for _, p := range de.Problems {
			fmt.Fprintf(e.stdout, "%s: %s\n", name, p)
		}
		n := de.Count() // more than listed when the file has over annotation.MaxProblems
		return fmt.Errorf("validate: %s: %d problem%s", name, n, plural(n))
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%s: valid (%d annotation%s)\n", name, len(anns), plural(len(anns)))
	return err
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
