package article

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/span"
)

// parseCase is one input and what its parse must yield. Paragraphs lists
// the text of each paragraph; Blocks, when set, their kinds.
type parseCase struct {
	name       string
	in         string
	title      string
	date       string
	byline     string
	paragraphs []string
	blocks     []Block
}

func runParseCases(t *testing.T, format Format, cases []parseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse([]byte(tc.in), format)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Title != tc.title || a.Date != tc.date || a.Byline != tc.byline {
				t.Errorf("metadata = %q, %q, %q; want %q, %q, %q", a.Title, a.Date, a.Byline, tc.title, tc.date, tc.byline)
			}
			ix := span.NewIndex(a.Text)
			var got []string
			var kinds []Block
			for _, p := range a.Paragraphs {
				got = append(got, ix.Slice(p.Span))
				kinds = append(kinds, p.Block)
			}
			if strings.Join(got, "\n") != strings.Join(tc.paragraphs, "\n") {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tc.paragraphs)
			}
			if tc.blocks != nil && strings.Join(blockNames(kinds), " ") != strings.Join(blockNames(tc.blocks), " ") {
				t.Errorf("blocks = %v, want %v", kinds, tc.blocks)
			}
		})
	}
}

func blockNames(bs []Block) []string {
	var out []string
	for _, b := range bs {
		out = append(out, string(b))
	}
	return out
}

func TestParseText(t *testing.T) {
	runParseCases(t, FormatText, []parseCase{
		{name: "sample lede after the date", in: " date 2025-03-23 Russian President Vladimir Putin prayed.\n\nSecond.",
			date: "2025-03-23", paragraphs: []string{"Russian President Vladimir Putin prayed.", "Second."}},
		{name: "date alone on its line", in: "Date 2025-03-23\nThe lede.\n",
			date: "2025-03-23", paragraphs: []string{"The lede."}},
		{name: "impossible date stays text", in: "date 2025-02-30 The lede.",
			paragraphs: []string{"date 2025-02-30 The lede."}},
		{name: "header block", in: "Title: Putin prayed\ndate: 2025-03-23T10:00:00+03:00\nauthor: A. Reporter\n\nThe lede.",
			title: "Putin prayed", date: "2025-03-23", byline: "A. Reporter", paragraphs: []string{"The lede."}},
		{name: "header-like first line without a blank line after it stays text",
			in: "Title: a new way to read\nnews, said the editor.", paragraphs: []string{"Title: a new way to read news, said the editor."}},
		{name: "a bad date rejects the whole header block", in: "title: X\ndate: soon\n\nBody.",
			paragraphs: []string{"title: X date: soon", "Body."}},
		{name: "CRLF, CR and soft wraps", in: "One line\r\nwrapped here.\r\n\r\nTwo\rlines.\r\r\r\n\n\nThree.",
			paragraphs: []string{"One line wrapped here.", "Two lines.", "Three."}},
		{name: "white space collapses but a no-break space stays", in: "  Tabs\t\tand   spaces, 10\u00a0km away.   \n \t \nNext.",
			paragraphs: []string{"Tabs and spaces, 10\u00a0km away.", "Next."}},
		{name: "NFC and invisible characters", in: "Cafe\u0301 \u00adre\u00adsumed\u0007 \ufeffnow.",
			paragraphs: []string{"Caf\u00e9 resumed now."}},
		{name: "curly quotes are kept", in: "He said \u201cgo\u201d and \u2018stay\u2019 \u2014 twice.",
			paragraphs: []string{"He said \u201cgo\u201d and \u2018stay\u2019 \u2014 twice."}},
	})
}

func TestParseMarkdown(t *testing.T) {
	runParseCases(t, FormatMarkdown, []parseCase{
		{name: "front matter and headline", in: "---\ntitle: \"Front title\"\ndate: 2025-03-23\nbyline: 'Jo Ng'\ntags: [a, b]\n---\n# Front title\n\nBody *text* with a [link](https://example.com \"t\").\n",
			title: "Front title", date: "2025-03-23", byline: "Jo Ng", paragraphs: []string{"Body text with a link."}},
		{name: "first H1 is the title, later headings are paragraphs", in: "# Headline\n\nLede.\n\n## Section\n\nMore.\n\n# Another H1\n",
			title: "Headline", paragraphs: []string{"Lede.", "Section", "More.", "Another H1"},
			blocks: []Block{BlockParagraph, BlockHeading, BlockParagraph, BlockHeading}},
		{name: "H1 differing from the front matter title is kept", in: "---\ntitle: Meta\n---\n# Visible\n\nText.",
			title: "Meta", paragraphs: []string{"Visible", "Text."}},
		{name: "unclosed front matter is a thematic break", in: "---\ntitle: Not meta\n",
			paragraphs: []string{"title: Not meta"}},
		{name: "lists, quotes and code", in: "- one\n- two **bold**\n  1. nested\n\n> quoted\n> wrapped\n\n    code  block\n\n```go\nx := 1\n```\n\nUse `go test` now.",
			paragraphs: []string{"one", "two bold", "nested", "quoted wrapped", "code block", "x := 1", "Use go test now."},
			blocks:     []Block{BlockListItem, BlockListItem, BlockListItem, BlockQuotation, BlockCode, BlockCode, BlockParagraph}},
		{name: "images and raw HTML produce nothing", in: "Text ![alt text](x.png) and <b>bold</b> <script>alert(1)</script>.\n\n<div onclick=\"x()\">\nblock html\n</div>\n\nEnd.",
			paragraphs: []string{"Text and bold .", "End."}},
		{name: "escapes, entities and autolinks", in: "\\*not emphasis\\* &amp; &copy; &#x1F600; <https://example.com>",
			paragraphs: []string{"*not emphasis* & © 😀 https://example.com"}},
		{name: "hard line breaks split, soft ones join", in: "Line one  \nline two\\\nline\nthree",
			paragraphs: []string{"Line one", "line two", "line three"}},
	})
}

func TestParseHTML(t *testing.T) {
	runParseCases(t, FormatHTML, []parseCase{
		{name: "no article: body blocks without page furniture",
			in:         `<html><head><title>T</title></head><body><nav>Home | World</nav><h1>Big news</h1><p>First<br>line.</p><div>Second <b>part</b>.</div><footer>© Site</footer></body></html>`,
			title:      "T",
			paragraphs: []string{"Big news", "First", "line.", "Second part."},
			blocks:     []Block{BlockHeading, BlockParagraph, BlockParagraph, BlockParagraph}},
		{name: "time element gives the date", in: `<body><time datetime="2024-02-29">yesterday</time><p>Text.</p></body>`,
			date: "2024-02-29", paragraphs: []string{"yesterday", "Text."}},
		{name: "lists, quotes and pre", in: `<body><ul><li>One</li><li>Two <em>2</em></li></ul><blockquote><p>Said.</p></blockquote><pre>a   b
c</pre></body>`,
			paragraphs: []string{"One", "Two 2", "Said.", "a b c"},
			blocks:     []Block{BlockListItem, BlockListItem, BlockQuotation, BlockCode}},
		{name: "hidden elements", in: `<body><p>Shown.</p><p hidden>Hidden.</p><p style="display: none">None.</p><div aria-hidden="true">Aria.</div><p class="read-more">Read more.</p></body>`,
			paragraphs: []string{"Shown.", "Read more."}},
		{name: "an advertising class on html or body hides nothing", in: `<html class="ads-enabled has-big-ad"><body class="ad"><main class="ad-wrapper"><p>Kept.</p></main></body></html>`,
			paragraphs: []string{"Kept."}},
		{name: "a javascript: link around paragraphs is a wrapper", in: `<body><a href="javascript:"><p>abc</p><p>def</p>ghi</a><p>Read <a href="javascript:more()">more</a>.</p></body>`,
			paragraphs: []string{"abc", "def", "ghi", "Read ."}},
		{name: "title and byline from the page", in: `<html><head><title>Pool to close | The Town Crier</title><meta name="author" content="Jane Doe"><meta property="og:title" content="Council votes to close the pool"></head><body><nav>Home</nav><article><h1>Council votes to close the pool</h1><p>The council met on Monday and voted to close the pool, to the dismay of the swimmers who use it every morning.</p></article></body></html>`,
			title: "Council votes to close the pool", byline: "Jane Doe",
			paragraphs: []string{"The council met on Monday and voted to close the pool, to the dismay of the swimmers who use it every morning."}},
		{name: "entities and NFC", in: `<p>Caf&eacute; e&#x301; &amp; &lt;b&gt; &nbsp;x</p>`,
			paragraphs: []string{"Café é & <b> x"}},
	})
}

// TestHTMLHostile feeds script-bearing markup and checks no markup, script
// or payload text reaches the canonical text.
func TestHTMLHostile(t *testing.T) {
	payloads := []string{
		`<script>alert("PAYLOAD")</script>`,
		`<img src=x onerror="alert('PAYLOAD')">`,
		`<a href="javascript:alert('PAYLOAD')">PAYLOAD link</a>`,
		`<a href=" JaVa&#x09;ScRiPt:alert(1)">PAYLOAD spaced</a>`,
		`<a href="javascript:void(0)"><span>PAYLOAD</span> nested</a>`,
		`<iframe src="https://evil.example" srcdoc="<script>PAYLOAD</script>">PAYLOAD fallback</iframe>`,
		`<svg onload="alert(1)"><script>PAYLOAD</script><text>PAYLOAD svg</text></svg>`,
		`<math><mtext>PAYLOAD</mtext></math>`,
		`<style>body{background:url("javascript:PAYLOAD")}</style>`,
		`<noscript><img src=x onerror=PAYLOAD></noscript>`,
		`<template><p>PAYLOAD</p></template>`,
		`<object data="x.swf">PAYLOAD</object><embed src="PAYLOAD">`,
		`<textarea>PAYLOAD</textarea><select><option>PAYLOAD</option></select><button onclick="PAYLOAD">PAYLOAD</button>`,
		`<xmp><script>PAYLOAD</script></xmp><noembed>PAYLOAD</noembed>`,
		`<div onmouseover="PAYLOAD" style="display:none">PAYLOAD</div>`,
		`<!-- PAYLOAD --><![CDATA[PAYLOAD]]>`,
		`<p>unclosed <b><i><script>PAYLOAD`,
		`<plaintext><script>PAYLOAD</script>`,
	}
	const article = `<p>Witkoff praised Putin’s willingness to engage in dialogue, calling him “super smart” and not “a bad guy.”</p>`
	for _, p := range payloads {
		for _, page := range []string{
			"<html><body>" + article + p + "</body></html>",
			"<html><body><article>" + strings.Repeat(article, 5) + p + "</article></body></html>",
		} {
			a, err := Parse([]byte(page), FormatHTML)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			checkArticle(t, a)
			for _, bad := range []string{"PAYLOAD", "alert", "<script", "<img", "onerror", "javascript"} {
				if strings.Contains(a.Text, bad) || strings.Contains(a.Title, bad) {
					t.Errorf("%s: output contains %q: %q", p, bad, a.Text)
				}
			}
			if !strings.Contains(a.Text, "super smart") {
				t.Errorf("%s: article text lost: %q", p, a.Text)
			}
		}
	}
}

// TestHTMLDeepNesting checks deep nesting: the HTML parser accepts 512
// levels, which must still give the text, and rejects deeper hostile
// pages, which must give an error, not a crash or a hang.
func TestHTMLDeepNesting(t *testing.T) {
	nested := func(depth int) []byte {
		return []byte(strings.Repeat("<div><span>", depth/2) + "<p>Deep text.</p>" + strings.Repeat("</span></div>", depth/2))
	}
	a, err := Parse(nested(500), FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "Deep text." {
		t.Errorf("text = %q", a.Text)
	}
	if _, err := Parse(nested(400_000), FormatHTML); !errors.Is(err, ErrTooComplex) || !strings.Contains(err.Error(), "nests elements too deeply") {
		t.Errorf("deeply nested page: err = %v, want ErrTooComplex", err)
	}
}

// TestHTMLHugePage checks a page with more elements than readability is
// given still yields its text, through the whole-body fallback.
func TestHTMLHugePage(t *testing.T) {
	const n = maxExtractorElements + 1
	a, err := Parse([]byte("<nav>Menu</nav>"+strings.Repeat("<p>Word.</p>", n)), FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Paragraphs) != n || a.Words != n {
		t.Errorf("got %d paragraphs and %d words, want %d", len(a.Paragraphs), a.Words, n)
	}
}

// TestOffsetsAreCodePoints pins offsets in text whose code points, UTF-16
// units and bytes all differ: a flag is two code points, an astral letter
// one code point but two UTF-16 units, and NFD input becomes one é.
func TestOffsetsAreCodePoints(t *testing.T) {
	in := "Cafe\u0301 \U0001F1EB\U0001F1F7 team.\n\nThe \U0001D518nicode \U0001F600 letter.\n\n\U0001F469\u200D\U0001F4BB Third."
	a, err := Parse([]byte(in), FormatText)
	if err != nil {
		t.Fatal(err)
	}
	want := []span.Span{{Start: 0, End: 13}, {Start: 15, End: 36}, {Start: 38, End: 48}}
	for i, p := range a.Paragraphs {
		if i >= len(want) || p.Span != want[i] {
			t.Errorf("paragraph %d = %v, want %v", i, p.Span, want)
		}
	}
	runes := []rune(a.Text)
	if got := string(runes[15:36]); got != "The \U0001D518nicode \U0001F600 letter." {
		t.Errorf("code points [15,36) = %q", got)
	}
	if got := string(runes[38:40]); got != "\U0001F469\u200D" {
		t.Errorf("code points [38,40) = %q", got)
	}
}

// TestFormatsAgree parses the sample article as text, Markdown and HTML:
// apart from the Markdown and HTML versions' extra subheading, all three
// must give the same canonical text, so annotations carry across formats.
func TestFormatsAgree(t *testing.T) {
	parse := func(path string) (*Article, string) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Parse(data, DetectFormat(path, data))
		if err != nil {
			t.Fatal(err)
		}
		ix := span.NewIndex(a.Text)
		var paras []string
		for _, p := range a.Paragraphs {
			if p.Block != BlockHeading {
				paras = append(paras, ix.Slice(p.Span))
			}
		}
		return a, strings.Join(paras, "\n\n")
	}
	text, want := parse("testdata/putin-prayed-2025-03-23.txt")
	for _, path := range []string{"testdata/putin-prayed.md", "testdata/putin-prayed.html"} {
		a, got := parse(path)
		if got != want {
			t.Errorf("%s text differs from the plain text:\n%s", path, firstDifference(want, got))
		}
		if a.Date != text.Date {
			t.Errorf("%s date = %q, want %q", path, a.Date, text.Date)
		}
	}
}

// TestHTMLTextAfterInlineElementsStays: in an article long enough for
// the extractors to take, the text after an inline element that gives no
// text (or whose text is kept) stays in its paragraph. go-trafilatura
// drops it along with the element unless the page is prepared first.
func TestHTMLTextAfterInlineElementsStays(t *testing.T) {
	filler := strings.Repeat("<p>The council met on Monday and voted to close the pool, to the dismay of the swimmers who use it every morning.</p>", 5)
	tests := []struct{ inline, want string }{
		{`<img src="x.png" alt="">`, "Before after."},
		{`<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>`, "Before after."},
		{`<iframe src="x"></iframe>`, "Before after."},
		{`<button>Share</button>`, "Before after."},
		{`<input value="x">`, "Before after."},
		{`<script>x()</script>`, "Before after."},
		{`<noscript>Enable JavaScript</noscript>`, "Before after."},
		{`<video src="x"></video>`, "Before after."},
		{`<picture><source srcset="x.webp"><img src="x.png" alt=""></picture>`, "Before after."},
		{`<time datetime="2025-03-23">Sunday</time>`, "Before Sunday after."},
		{`<label>tag</label>`, "Before tag after."},
	}
	for _, tt := range tests {
		page := "<html><body><article>" + filler + "<p>Before " + tt.inline + " after.</p>" + filler + "</article></body></html>"
		a, err := Parse([]byte(page), FormatHTML)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "\n\n"+tt.want+"\n\n") {
			t.Errorf("%s: the paragraph is not %q in %q", tt.inline, tt.want, a.Text)
		}
	}
}
