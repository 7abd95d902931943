package article

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The second extraction corpus is trafilatura's own evaluation set, as
// go-trafilatura ships it: about 900 real pages (news, blogs, shops, in
// many languages), each with snippets its text must hold and snippets of
// page furniture it must not. It is read from the module cache, never
// copied here.

// snippetPage is one page of it.
type snippetPage struct {
	file          string
	with, without []string
	heldOut       bool
}

// trafilaturaComparison reads the corpus from the snippet table of
// go-trafilatura's comparison script (a Go map literal, read with
// go/parser), skipping the test (failing it under CI=true) when the module
// is absent. Every 4th page by file name is held out.
func trafilaturaComparison(t *testing.T) (string, []snippetPage) {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/markusmobius/go-trafilatura").Output()
	dir := strings.TrimSpace(string(out))
	if err == nil {
		_, err = os.Stat(filepath.Join(dir, "scripts/comparison/data.go"))
	}
	if err != nil {
		msg := fmt.Sprintf("go-trafilatura's comparison pages are not in the module cache (%v); run go mod download", err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, "scripts/comparison/data.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var pages []snippetPage
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		lit, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			return true
		}
		if _, isURL := kv.Key.(*ast.BasicLit); !isURL {
			return true
		}
		var p snippetPage
		for _, e := range lit.Elts {
			field, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			name := field.Key.(*ast.Ident).Name
			switch v := field.Value.(type) {
			case *ast.BasicLit:
				if name == "File" {
					p.file, _ = strconv.Unquote(v.Value)
				}
			case *ast.CompositeLit:
				var list []string
				for _, s := range v.Elts {
					if b, ok := s.(*ast.BasicLit); ok {
						str, _ := strconv.Unquote(b.Value)
						list = append(list, str)
					}
				}
				switch name {
				case "With":
					p.with = list
				case "Without":
					p.without = list
				}
			}
		}
		if p.file != "" {
			pages = append(pages, p)
		}
		return false
	})
	sort.Slice(pages, func(i, j int) bool { return pages[i].file < pages[j].file })
	for i := range pages {
		pages[i].heldOut = i%4 == 3
	}
	return filepath.Join(dir, "test-files/comparison"), pages
}

// snippetScore counts, over pages, the wanted snippets found (tp) and
// missed (fn) and the unwanted ones found (fp) or not (tn), the measure of
// trafilatura's own evaluation.
type snippetScore struct{ tp, fn, fp, tn, empty, pages int }

func (s *snippetScore) add(text string, p snippetPage) {
	s.pages++
	if CountWords(text) == 0 {
		s.empty++
	}
	for _, w := range p.with {
		if strings.Contains(text, strings.Join(strings.Fields(w), " ")) {
			s.tp++
		} else {
			s.fn++
		}
	}
	for _, w := range p.without {
		if strings.Contains(text, strings.Join(strings.Fields(w), " ")) {
			s.fp++
		} else {
			s.tn++
		}
	}
}

func (s snippetScore) String() string {
	return fmt.Sprintf("F %.4f (precision %.3f, recall %.3f) over %d pages, %d empty",
		2*float64(s.tp)/float64(2*s.tp+s.fp+s.fn), float64(s.tp)/float64(s.tp+s.fp), float64(s.tp)/float64(s.tp+s.fn), s.pages, s.empty)
}

// TestSnippetEval scores Parse on trafilatura's evaluation set. It takes
// a minute or more, so it runs only under make eval (REDLINE_EVAL=1).
func TestSnippetEval(t *testing.T) {
	if os.Getenv("REDLINE_EVAL") == "" {
		t.Skip("runs under make eval (REDLINE_EVAL=1)")
	}
	dir, pages := trafilaturaComparison(t)
	var dev, heldOut snippetScore
	for _, p := range pages {
		data, err := os.ReadFile(filepath.Join(dir, p.file))
		if err != nil {
			continue // the table names a few pages the module does not ship
		}
		s := &dev
		if p.heldOut {
			s = &heldOut
		}
		text := ""
		if a, err := Parse(data, FormatHTML); err == nil {
			text = a.Text
		} else {
			t.Logf("%s: %v", p.file, err)
		}
		s.add(text, p)
	}
	t.Logf("development: %s", dev)
	t.Logf("held out:    %s", heldOut)
}
