//go:build !js

package main

import (
	"bytes"
	"strings"
	"testing"
)

// runCLI runs one command line in-process and returns its exit code and
// output streams.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut})
	return code, out.String(), errOut.String()
}

func TestHelpListsEveryCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, name := range []string{"serve", "admin", "parse", "diff", "migrate", "validate", "suggest", "import", "export", "help"} {
		if !strings.Contains(out, "\n  "+name+" ") {
			t.Errorf("help does not list %q:\n%s", name, out)
		}
	}
}

func TestUsageErrorsExit2WithOneLine(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, "Usage: redline COMMAND"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"bad flag", []string{"serve", "--nope"}, "flag provided but not defined: -nope"},
		{"bad flag value", []string{"serve", "--addr"}, "flag needs an argument"},
		{"extra argument", []string{"serve", "extra"}, "usage: redline serve"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if out != "" && tt.args != nil {
				t.Errorf("stdout = %q, want nothing", out)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr = %q, want it to mention %q", errOut, tt.want)
			}
			if tt.args != nil && strings.Count(errOut, "\n") != 1 {
				t.Errorf("stderr is not one line: %q", errOut)
			}
		})
	}
}

func TestServeWithoutBuiltClientFails(t *testing.T) {
	code, _, errOut := runCLI(t, "", "serve", "--addr", "127.0.0.1:0", "--dir", t.TempDir())
	if code != 1 || !strings.Contains(errOut, "make build") {
		t.Errorf("exit %d, stderr %q: want 1 and a hint to build", code, errOut)
	}
}
