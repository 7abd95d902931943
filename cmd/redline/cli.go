//go:build !js

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// command is one `redline` subcommand. run gets the arguments after the
// subcommand name and returns an error; a usageError exits 2, any other 1.
type command struct {
	name    string
	args    string
	summary string
	run     func(env *env, args []string) error
}

// env is what a subcommand may touch, so tests run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// commands lists the subcommands in the order `redline help` shows them.
var commands = []command{
	{"serve", "[--addr 127.0.0.1:8000] [--db FILE | --postgres URL] [--watch-every 30m] [--watch-allow-private]", "serve the web app, the annotation protocol and the API (default --db redline.db), and fetch watched pages", runServe},
	{"admin", "[--db F | --postgres U] user|token|project|member|watch add …, stories SLUG, warc STORY_ID", "manage users, API tokens, projects, members and watches; list stories; export captures as WARC", runAdmin},
	{"parse", "FILE [--format text|markdown|html]", "print the parsed article as JSON: metadata, canonical text, paragraphs", runParse},
	{"fetch", "URL [--allow-private] [--ignore-robots]", "fetch a live page as the watcher does and print it as parse does", runFetch},
	{"diff", "OLD NEW [--format text|json|html] [--side-by-side]", "show the word-level diff of two revisions", runDiff},
	{"migrate", "OLD NEW ANNOTATIONS.json [--report REPORT.json]", "carry annotations from OLD onto NEW", runMigrate},
	{"validate", "FILE", "check a W3C Web Annotation JSON file and list every problem", runValidate},
	{"suggest", "FILE", "suggest quote and claim annotations for an article", runSuggest},
	{"import", "ARTICLE FILE [--partial]", "anchor another tool's annotations onto ARTICLE; print W3C", runImport},
	{"export", "ARTICLE ANNOTATIONS --to FORMAT [--out DIR]", "write annotations as w3c|csv|claimreview|doccano|labelstudio|brat", runExport},
	{"help", "", "show this help", nil},
}

// errArgCount is returned by parseFlags when a command got the wrong number
// of arguments; run turns it into the command's usage line.
var errArgCount = usageError{"wrong number of arguments"}

// usageError marks mistakes in how redline was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// run executes one command line and returns the process exit code.
func run(args []string, e *env) int {
	if len(args) == 0 {
		printHelp(e.stderr)
		return 2
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		printHelp(e.stdout)
		return 0
	}
	for _, c := range commands {
		if c.name == name && c.run != nil {
			err := c.run(e, args[1:])
			if errors.Is(err, errArgCount) {
				err = usagef("usage: redline %s %s", c.name, c.args)
			}
			return exitCode(e, err)
		}
	}
	fmt.Fprintf(e.stderr, "redline: unknown command %q (run 'redline help')\n", name)
	return 2
}

func exitCode(e *env, err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(e.stderr, "redline: %s\n", oneLine(err.Error()))
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "redline: annotate news articles, diff their revisions, keep annotations on the right words.")
	fmt.Fprintln(w, "\nUsage: redline COMMAND [ARGS]  (FILE may be - for standard input)")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %-48s %s\n", c.name, c.args, c.summary)
	}
}

// newFlags returns a flag set that reports errors instead of exiting, with
// its own usage line, so bad flags become a one-line usage error.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args (flags may come before or after the positional
// arguments) and checks the number of positional arguments (unless
// wantPositional is -1).
func parseFlags(fs *flag.FlagSet, args []string, wantPositional int) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	if wantPositional >= 0 && len(positional) != wantPositional { // -1: the command counts them
		return nil, errArgCount
	}
	return positional, nil
}

// maxInputBytes bounds every file a command reads: articles and annotation
// files are far smaller, and reading a huge file whole would exhaust memory.
const maxInputBytes = 64 << 20

// readInput reads a named file, or standard input for "-", refusing
// anything larger than maxInputBytes.
func readInput(e *env, name string) ([]byte, error) {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxInputBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxInputBytes {
		return nil, fmt.Errorf("%s: file is larger than %d MiB", name, maxInputBytes>>20)
	}
	return data, nil
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
