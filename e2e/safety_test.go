//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// hostileHTML is a saved web page carrying every usual script payload;
// each sets a window flag if it ever runs.
const hostileHTML = `<!doctype html><html><head>
<title>Council <img src=x onerror="window.pwnedTitle=1"> minutes</title>
<script>window.pwnedScript=1</script>
<meta http-equiv="refresh" content="0;url=javascript:window.pwnedMeta=1">
</head><body onload="window.pwnedBody=1"><article>
<h1>Council minutes</h1>
<p>The council met on Monday. <img src="x" onerror="window.pwnedImg=1"> It voted to close the pool.</p>
<p>Read <a href="javascript:window.pwnedLink=1">the full report</a> online.</p>
<iframe src="javascript:parent.pwnedIframe=1"></iframe><iframe srcdoc="&lt;script&gt;parent.pwnedSrcdoc=1&lt;/script&gt;"></iframe>
<svg onload="window.pwnedSvg=1"><script>window.pwnedSvgScript=1</script><a href="javascript:window.pwnedSvgLink=1"><text>svg link</text></a></svg>
<p>&lt;script&gt;window.pwnedEscaped=1&lt;/script&gt; was printed as text.</p>
<object data="javascript:window.pwnedObject=1"></object><embed src="javascript:window.pwnedEmbed=1">
<p style="background:url(javascript:window.pwnedStyle=1)" onmouseover="window.pwnedHover=1" onclick="window.pwnedClick=1">Residents objected loudly.</p>
<details open ontoggle="window.pwnedToggle=1"><summary>More</summary>The vote was 5 to 4.</details>
</article></body></html>`

// hostileMarkdown is the same in Markdown with raw HTML.
const hostileMarkdown = "# Pool closure\n\nThe pool closes in May. <img src=x onerror=\"window.pwnedMdImg=1\">\n\n<script>window.pwnedMdScript=1</script>\n\n[a link](javascript:window.pwnedMdLink=1) and <a href=\"javascript:window.pwnedMdA=1\">another</a>.\n"

// TestHostileArticlesRunNothing imports HTML and Markdown stories full of
// script payloads, opens them, clicks and tags around, and checks that no
// payload ran and the article holds only text and highlights.
func TestHostileArticlesRunNothing(t *testing.T) {
	_, p := openApp(t)
	p.addFiles(writeFile(t, "council.html", hostileHTML), writeFile(t, "pool.md", hostileMarkdown))
	p.waitCount("li.story", 2)
	p.assertNothingRan()
	if n := p.count("#stories img, #stories script, #stories svg, #stories iframe"); n != 0 {
		t.Errorf("the library list renders %d elements from a story's title", n)
	}

	p.openStory("Council")
	if got := p.text("#article"); !strings.Contains(got, "<script>window.pwnedEscaped=1</script> was printed as text.") || !strings.Contains(got, "It voted to close the pool.") {
		t.Errorf("the article reads %q", got)
	}
	p.click("#article p")
	p.eval(`for (const el of document.querySelectorAll("#article *")) {
		el.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
		el.dispatchEvent(new MouseEvent("click", {bubbles: true}));
	}`, nil)
	p.tag("Read online", "q") // readability drops a javascript: link's words
	p.tag("Residents objected", "c")
	p.click(`#annotations li button`)
	p.assertArticleIsText()
	p.reloadStory()
	p.assertArticleIsText()

	p.click("a.home")
	p.waitMounted()
	p.openStory("Pool closure")
	p.click("#article p")
	p.tag("a link", "n")
	p.assertArticleIsText()
	p.assertNothingRan()
}

// assertArticleIsText fails if #article holds anything but paragraphs,
// text spans and highlights, or if a payload ran.
func (p *page) assertArticleIsText() {
	p.t.Helper()
	var other []string
	p.eval(`[...document.querySelectorAll("#article *")].filter(el => !["P", "SPAN", "MARK"].includes(el.tagName) || [...el.attributes].some(a => a.name.startsWith("on") || a.name === "style" || a.name === "href" || a.name === "src")).map(el => el.outerHTML.slice(0, 120))`, &other)
	if len(other) > 0 {
		p.t.Errorf("the article holds more than text: %q", other)
	}
	p.assertNothingRan()
}

// assertNothingRan fails if any window.pwned… flag is set.
func (p *page) assertNothingRan() {
	p.t.Helper()
	var ran []string
	p.eval(`Object.keys(window).filter(k => k.startsWith("pwned"))`, &ran)
	if len(ran) > 0 {
		p.t.Errorf("payloads ran: %q", ran)
	}
}
