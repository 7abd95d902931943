package annotation

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// samples returns the W3C suite's sample files in one folder, in natural
// order (anno2 before anno10).
func samples(t *testing.T, dir string) []string {
	t.Helper()
	requireSuite(t)
	files, err := filepath.Glob(filepath.Join(suiteDir, "tools", "samples", dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples in %s: %v", dir, err)
	}
	num := func(f string) int {
		digits := strings.TrimFunc(strings.SplitN(filepath.Base(f), "-", 2)[0], func(r rune) bool { return r < '0' || r > '9' })
		n, _ := strconv.Atoi(digits)
		return n
	}
	sort.Slice(files, func(i, j int) bool {
		if ni, nj := num(files[i]), num(files[j]); ni != nj {
			return ni < nj
		}
		return files[i] < files[j]
	})
	return files
}

func TestValidateAcceptsCorrectSamples(t *testing.T) {
	for _, f := range samples(t, "correct") {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if problems := Validate(data); problems != nil {
			t.Errorf("%s: want valid, got %v", filepath.Base(f), problems)
		}
	}
}

// TestValidateRejectsIncorrectSamples checks every incorrect sample is
// rejected, and keeps every message in a golden file for review.
func TestValidateRejectsIncorrectSamples(t *testing.T) {
	var report strings.Builder
	for _, f := range samples(t, "incorrect") {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		problems := Validate(data)
		if len(problems) == 0 {
			t.Errorf("%s: accepted, want at least one problem", filepath.Base(f))
		}
		fmt.Fprintf(&report, "%s\n", filepath.Base(f))
		for _, p := range problems {
			fmt.Fprintf(&report, "\t%s\n", p)
		}
	}
	golden(t, "validate/incorrect-samples.txt", []byte(report.String()))
}
