//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/redline-news/redline/internal/annotation"
)

// Hostile input: every command that reads a file refuses what is not an
// article or not annotation JSON with exit 1, nothing on stdout (or, for
// validate, a bounded list of problems), one line on stderr saying what is
// wrong, and writes no file. Script payloads in an article come out as
// data, never as markup a browser would run.

// hostileDir is a fresh directory with the files of the tests below.
type hostileDir struct {
	t   *testing.T
	dir string
}

func newHostileDir(t *testing.T) hostileDir {
	return hostileDir{t, t.TempDir()}
}

// write creates a file in the directory and returns its path.
func (d hostileDir) write(name string, data []byte) string {
	d.t.Helper()
	path := filepath.Join(d.dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		d.t.Fatal(err)
	}
	return path
}

// state describes every file in the directory (name, size, modification
// time), to check a failed command wrote, changed or removed none.
func (d hostileDir) state() string {
	d.t.Helper()
	entries, err := os.ReadDir(d.dir)
	if err != nil {
		d.t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			d.t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %d %s\n", e.Name(), info.Size(), info.ModTime().Format(time.RFC3339Nano))
	}
	return b.String()
}

// fifty is 50 MB, well over every limit.
const fifty = 50_000_000

// bigArticle is about 50 MB of real-looking paragraphs.
func bigArticle() []byte {
	para := []byte("The council met on Monday and voted to close the pool, said the mayor. 🇫🇷 e\u0301 𝔘\n\n")
	return bytes.Repeat(para, fifty/len(para)+1)
}

func randomBytes(n int) []byte {
	rng := rand.New(rand.NewPCG(3, 4))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.UintN(256))
	}
	return b
}

// TestHostileArticlesAreRefused runs every command that reads an article
// on each hostile file, in every position it can take.
func TestHostileArticlesAreRefused(t *testing.T) {
	d := newHostileDir(t)
	anns := d.write("annotations.jsonld", []byte(readFile(t, migrateAnns)))
	sample := d.write("sample.txt", []byte(readFile(t, migrateOld)))
	report := filepath.Join(d.dir, "report.json")
	files := []struct {
		name string
		data []byte
		want string
	}{
		{"big.txt", bigArticle(), "input is too large to be an article"},
		{"big.html", append([]byte("<!doctype html><p>"), bigArticle()...), "the limit is 5 MiB"},
		{"photo.png", append([]byte("\x89PNG\r\n\x1a\n"), randomBytes(4096)...), "binary file, not an article: it looks like a PNG image"},
		{"story.zip", append([]byte("PK\x03\x04"), randomBytes(4096)...), "it looks like a ZIP archive"},
		{"noise.txt", randomBytes(1 << 20), "binary file, not an article"},
		{"latin1.txt", []byte("Caf\xe9 au lait, said the minister.\n"), "not valid UTF-8 text: bad byte 0xe9 at offset 3"},
		{"broken.md", []byte("# Pool\n\nThe pool \xff\xfe closes.\n"), "not valid UTF-8 text: bad byte 0xff at offset 17"},
		{"stdin-like", []byte("\x00\x01\x02\x03 not text"), "contains a NUL byte at offset 0"},
		{"quotes.md", bytes.Repeat([]byte(">"), 1<<20-10), "input is too complex to be an article: line 1 nests block quotes or list items 1048566 deep"},
	}
	for _, f := range files {
		path := d.write(f.name, f.data)
		commands := []struct {
			name string
			args []string
		}{
			{"parse", []string{"parse", path}},
			{"diff as OLD", []string{"diff", path, sample}},
			{"diff as NEW", []string{"diff", sample, path, "--format", "html"}},
			{"migrate as OLD", []string{"migrate", path, sample, anns, "--report", report}},
			{"migrate as NEW", []string{"migrate", sample, path, anns, "--report", report}},
			{"suggest", []string{"suggest", path}},
		}
		for _, c := range commands {
			t.Run(f.name+" "+c.name, func(t *testing.T) {
				before := d.state()
				code, out, errOut := runCLI(t, "", c.args...)
				if code != 1 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, f.name+": ") || !strings.Contains(errOut, f.want) {
					t.Errorf("exit %d, stdout %d bytes, stderr %q; want exit 1, nothing, one line naming %s and saying %q", code, len(out), errOut, f.name, f.want)
				}
				if after := d.state(); after != before {
					t.Errorf("files changed:\n%s\nwere:\n%s", after, before)
				}
			})
		}
	}
}

// TestLatin1HTMLIsDecoded: HTML is the one format that can declare its
// charset, so a page in windows-1252 is read as a browser would read it.
func TestLatin1HTMLIsDecoded(t *testing.T) {
	code, out, errOut := runCLI(t, "<html><body><p>Caf\xe9 au lait, said the minister.</p></body></html>", "parse", "--format", "html", "-")
	if code != 0 || !strings.Contains(out, `"text": "Café au lait, said the minister."`) {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
}

// scriptedPage carries the usual script payloads; each would set a
// window flag named pwned… if it ran. Only pwnedEscaped is text.
const scriptedPage = `<!doctype html><html><head>
<title>Council minutes</title>
<script>window.pwnedScript=1</script>
<meta http-equiv="refresh" content="0;url=javascript:window.pwnedMeta=1">
<style>p { width: expression(window.pwnedExpression=1) }</style>
</head><body onload="window.pwnedBody=1"><article>
<h1>Council minutes</h1>
<p>The council met on Monday. <img src="x" onerror="window.pwnedImg=1"> It voted to close the pool.</p>
<p>Read <a href="javascript:window.pwnedLink=1">the full report</a> online.</p>
<iframe src="javascript:parent.pwnedIframe=1"></iframe><iframe srcdoc="&lt;script&gt;parent.pwnedSrcdoc=1&lt;/script&gt;"></iframe>
<svg onload="window.pwnedSvg=1"><script>window.pwnedSvgScript=1</script></svg>
<p>&lt;script&gt;window.pwnedEscaped=1&lt;/script&gt; was printed as text.</p>
<object data="javascript:window.pwnedObject=1"></object><embed src="javascript:window.pwnedEmbed=1">
<p style="width: expression(window.pwnedCss=1)" onclick="window.pwnedClick=1">Residents objected loudly.</p>
</article></body></html>`

// TestScriptedPageComesOutAsData parses, diffs (in every format) and
// migrates a page full of payloads: the canonical text holds none of them
// but the one printed as text, and the HTML diff holds no element or
// attribute that runs anything.
func TestScriptedPageComesOutAsData(t *testing.T) {
	d := newHostileDir(t)
	oldPage := d.write("old.html", []byte(scriptedPage))
	newPage := d.write("new.html", []byte(strings.Replace(scriptedPage, "Monday", "Tuesday", 1)))

	code, out, errOut := runCLI(t, "", "parse", oldPage)
	if code != 0 {
		t.Fatalf("parse: exit %d: %s", code, errOut)
	}
	var parsed struct{ Text string }
	if err := json.Unmarshal([]byte(out), &parsed); err != nil {
		t.Fatal(err)
	}
	want := "The council met on Monday. It voted to close the pool.\n\nRead online.\n\n<script>window.pwnedEscaped=1</script> was printed as text.\n\nResidents objected loudly."
	if parsed.Text != want {
		t.Errorf("canonical text:\n%s\nwant:\n%s", parsed.Text, want)
	}

	for _, format := range []string{"text", "json", "html"} {
		code, out, errOut := runCLI(t, "", "diff", oldPage, newPage, "--format", format)
		if code != 0 {
			t.Fatalf("diff --format %s: exit %d: %s", format, code, errOut)
		}
		text := out
		if format == "html" {
			text = assertInertHTML(t, out)
		}
		if ran := payloadsIn(text); len(ran) > 0 {
			t.Errorf("diff --format %s carries the payloads %q", format, ran)
		}
	}

	code, out, errOut = runCLI(t, "", "migrate", oldPage, newPage, d.write("anns.json", []byte(`{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation",
		"target": {"source": "urn:x", "selector": {"type": "TextQuoteSelector", "exact": "<script>window.pwnedEscaped=1</script>"}}}`)))
	if code != 0 || annotation.Validate([]byte(out)) != nil || !strings.Contains(out, `"exact": "<script>window.pwnedEscaped=1</script>"`) {
		t.Errorf("migrate: exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
}

// payloadsIn lists the payloads other than pwnedEscaped that appear in s.
func payloadsIn(s string) []string {
	var found []string
	for _, p := range strings.Split(s, "pwned")[1:] {
		name := p[:strings.IndexAny(p+"=", "=")]
		if name != "Escaped" && !slices.Contains(found, name) {
			found = append(found, name)
		}
	}
	return found
}

// assertInertHTML parses a document as a browser would and fails on any
// element or attribute that can run script or load anything; it returns
// the document's text.
func assertInertHTML(t *testing.T, doc string) string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	allowed := []string{"html", "head", "meta", "title", "style", "body", "div", "p", "del", "ins", "span", "br", "h1", "h2"}
	var text strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			text.WriteString(n.Data)
		case html.ElementNode:
			if !slices.Contains(allowed, n.Data) {
				t.Errorf("the HTML diff has a <%s> element", n.Data)
			}
			for _, a := range n.Attr {
				v := strings.ToLower(a.Val)
				if strings.HasPrefix(a.Key, "on") || a.Key == "href" || a.Key == "src" || a.Key == "http-equiv" || strings.Contains(v, "javascript:") || strings.Contains(v, "expression(") {
					t.Errorf("the HTML diff has <%s %s=%q>", n.Data, a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return text.String()
}

// TestHostileAnnotationFilesAreRefused: validate lists a bounded number
// of problems and says how many there are; migrate refuses the file in
// one line; neither writes anything.
func TestHostileAnnotationFilesAreRefused(t *testing.T) {
	d := newHostileDir(t)
	sample := d.write("sample.txt", []byte(readFile(t, migrateOld)))
	report := filepath.Join(d.dir, "report.json")
	target := func(selector string) string {
		return `{"source": "urn:redline:story:s", "selector": [{"type": "TextQuoteSelector", "exact": "super smart"}, ` + selector + `]}`
	}
	ann := func(id int, target string) string {
		return fmt.Sprintf(`{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-%012d", "type": "Annotation", "target": %s}`, id, target)
	}
	position := func(start, end string) string {
		return target(`{"type": "TextPositionSelector", "start": ` + start + `, "end": ` + end + `}`)
	}
	array := func(n int, item func(i int) string) []byte {
		var b bytes.Buffer
		b.WriteByte('[')
		for i := range n {
			if i > 0 {
				b.WriteString(",\n")
			}
			b.WriteString(item(i))
		}
		b.WriteByte(']')
		return b.Bytes()
	}
	valid := func(i int) string { return ann(i, position("117", "128")) }
	files := []struct {
		name     string
		data     []byte
		problems int    // how many problems validate reports
		want     string // the first problem
	}{
		{"huge-numbers.json", []byte(ann(1, position("1e400", "99999999999999999999"))), 2,
			`$.target.selector[1]: TextPositionSelector needs "start" as a non-negative integer, found 1e400`},
		{"negative.json", []byte(ann(1, position("-5", "3"))), 1, `$.target.selector[1]: TextPositionSelector needs "start" as a non-negative integer, found -5`},
		{"reversed.json", []byte(ann(1, position("30", "10"))), 1, "$.target.selector[1]: TextPositionSelector starts at 30, after its end 10"},
		{"duplicate-ids.json", array(3, func(int) string { return valid(7) }), 2,
			`$[1].id: id "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-000000000007" is already used by the annotation at $[0]`},
		{"deep-arrays.json", []byte(strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000)), 1, "$: line 1, column 66: nested more than 64 levels deep"},
		{"deep-objects.json", []byte(strings.Repeat(`{"a": `, 10_000) + "1" + strings.Repeat("}", 10_000)), 1, "$: line 1, column 386: nested more than 64 levels deep"},
		{"fifty-mb.json", array(fifty/len(valid(0))+1, valid), 1, "$: file is 50"},
		{"repeated-keys.json", []byte("{" + strings.Repeat(`"id": "urn:x", `, 100_000) + `"id": "urn:x"}`), 4, `$: key "id" appears 100001 times`},
		{"many-bad.json", array(50_000, func(int) string { return `{}` }), 200_000, `$[0]: missing "@context"`},
		{"photo.png", append([]byte("\x89PNG\r\n\x1a\n"), randomBytes(4096)...), 1, "$: line 1, column 1: not valid UTF-8 (JSON must be UTF-8)"},
		{"latin1.json", []byte(ann(1, target(`{"type": "TextQuoteSelector", "exact": "caf`+"\xe9"+`"}`))), 1, "$: line 1, column 282: not valid UTF-8 (JSON must be UTF-8)"},
	}
	for _, f := range files {
		path := d.write(f.name, f.data)
		t.Run(f.name+" validate", func(t *testing.T) {
			before := d.state()
			code, out, errOut := runCLI(t, "", "validate", path)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			wantErr := fmt.Sprintf("redline: validate: %s: %d problem", path, f.problems)
			if code != 1 || !strings.HasPrefix(errOut, wantErr) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, errOut, wantErr)
			}
			if len(lines) != min(f.problems, annotation.MaxProblems+1) || !strings.HasPrefix(lines[0], path+": "+f.want) {
				t.Errorf("%d lines, the first %q; want %d, the first %q", len(lines), lines[0], min(f.problems, annotation.MaxProblems+1), path+": "+f.want)
			}
			if f.problems > annotation.MaxProblems {
				wantLast := fmt.Sprintf("%s: $: %d more problems not listed (only the first %d are)", path, f.problems-annotation.MaxProblems, annotation.MaxProblems)
				if last := lines[len(lines)-1]; last != wantLast {
					t.Errorf("last line %q, want %q", last, wantLast)
				}
			}
			if after := d.state(); after != before {
				t.Errorf("files changed:\n%s\nwere:\n%s", after, before)
			}
		})
		t.Run(f.name+" migrate", func(t *testing.T) {
			before := d.state()
			code, out, errOut := runCLI(t, "", "migrate", sample, sample, path, "--report", report)
			if code != 1 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "migrate: "+path+": "+f.want) {
				t.Errorf("exit %d, stdout %d bytes, stderr %q; want 1, nothing, and one line saying %q", code, len(out), errOut, f.want)
			}
			if f.problems > 1 && !strings.Contains(errOut, fmt.Sprintf("(and %d more problems: redline validate %s lists them)", f.problems-1, path)) {
				t.Errorf("stderr %q does not count the other %d problems", errOut, f.problems-1)
			}
			if after := d.state(); after != before {
				t.Errorf("files changed:\n%s\nwere:\n%s", after, before)
			}
		})
	}
}
