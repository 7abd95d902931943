//go:build e2e

package e2e

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Hostile input in the browser: files no article or annotation file is
// (50 MB, binary, not UTF-8, nested or repeated past reason), chosen in
// every file input. Each is refused with its reason on screen, nothing
// runs, nothing leaves the origin, and storage is byte for byte what it
// was, before and after a reload.

// hostileFile is one file to offer the app and a part of the reason it
// must give for refusing it.
type hostileFile struct {
	name string
	data []byte
	want string
}

// write saves the files in a fresh directory and returns their paths.
func writeHostile(t *testing.T, files []hostileFile) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

func noise(n int) []byte {
	rng := rand.New(rand.NewPCG(5, 6))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.UintN(256))
	}
	return b
}

// hostileArticles are refused by the library and as later versions.
func hostileArticles() []hostileFile {
	para := "The council met on Monday and voted to close the pool, said the mayor. 🇫🇷 e\u0301 𝔘\n\n"
	return []hostileFile{
		{"fifty.txt", bytes.Repeat([]byte(para), 50_000_000/len(para)+1), "is 47.7 MB; the limit is 5 MB"},
		{"photo.png", append([]byte("\x89PNG\r\n\x1a\n"), noise(4096)...), "it looks like a PNG image"},
		{"story.zip", append([]byte("PK\x03\x04"), noise(4096)...), "it looks like a ZIP archive"},
		{"noise.txt", noise(64 << 10), "input is a binary file, not an article"},
		{"latin1.txt", []byte("Caf\xe9 au lait, said the minister.\n"), "not valid UTF-8 text: bad byte 0xe9 at offset 3"},
		{"broken.md", []byte("# Pool\n\nThe pool \xff\xfe closes.\n"), "bad byte 0xff at offset 17"},
		{"quotes.md", bytes.Repeat([]byte(">"), 1<<20-10), "too complex to be an article: line 1 nests block quotes"},
	}
}

// storage is every record of Redline's IndexedDB, store by store in key
// order, as JSON: two equal dumps mean nothing stored changed.
func (p *page) storage() string {
	p.t.Helper()
	var dump string
	p.eval(`(async () => {
		const db = await new Promise((ok, ko) => { const r = indexedDB.open("redline"); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
		const out = {};
		for (const name of [...db.objectStoreNames].sort()) {
			out[name] = await new Promise((ok, ko) => {
				const rows = [];
				const r = db.transaction(name).objectStore(name).openCursor();
				r.onsuccess = () => { const c = r.result; if (!c) return ok(rows); rows.push([c.key, c.value]); c.continue(); };
				r.onerror = () => ko(r.error);
			});
		}
		db.close();
		return JSON.stringify(out);
	})()`, &dump)
	return dump
}

// assertUnchanged fails if storage differs from before, now and after a
// reload of the page (reload waits for what says the page is back).
func (p *page) assertUnchanged(before string, reload func()) {
	p.t.Helper()
	if !strings.Contains(before, `"stories":[[`) || !strings.Contains(before, `"revisions":[[`) {
		p.t.Fatalf("storage holds no story to compare: %.300s", before)
	}
	if got := p.storage(); got != before {
		p.t.Errorf("storage changed:\n%.600s\nwas:\n%.600s", got, before)
	}
	reload()
	if got := p.storage(); got != before {
		p.t.Errorf("storage changed after a reload:\n%.600s\nwas:\n%.600s", got, before)
	}
}

// assertStayedHome fails if any request left the page's origin.
func (p *page) assertStayedHome(origin string) {
	p.t.Helper()
	if foreign := sameOrigin(origin, p.Requests()); len(foreign) > 0 {
		p.t.Errorf("requests left the origin: %q", foreign)
	}
}

// TestLibraryRefusesHostileFiles chooses every hostile article at once in
// the library's file input: each is named with its reason, none is added.
func TestLibraryRefusesHostileFiles(t *testing.T) {
	srv, p := openApp(t)
	p.click("#add-sample")
	p.waitCount("li.story", 1)
	before, list := p.storage(), p.text("#stories")

	files := hostileArticles()
	p.addFiles(writeHostile(t, files)...)
	p.waitJS("the files to be refused", `document.querySelector("#status.error")`)
	got := p.text("#status")
	for _, f := range files {
		if !strings.Contains(got, f.name) || !strings.Contains(got, f.want) {
			t.Errorf("the status does not say %s %s:\n%s", f.name, f.want, got)
		}
	}
	if !strings.HasPrefix(got, "Not added: ") {
		t.Errorf("status %q, want it to start \"Not added: \"", got)
	}
	p.assertUnchanged(before, p.reloadLibrary)
	p.waitCount("li.story", 1)
	if now := p.text("#stories"); now != list {
		t.Errorf("the library lists %q, was %q", now, list)
	}
	p.assertNothingRan()
	p.assertStayedHome(srv.URL)
}

// TestStoryRefusesHostileLaterVersions offers each hostile article as a
// later version of a story with an annotation: each is refused with its
// reason, and the story, its revisions and its annotation are as before.
func TestStoryRefusesHostileLaterVersions(t *testing.T) {
	srv, p := openApp(t)
	p.openSample()
	p.tag("super smart", "q")
	before, marks := p.storage(), p.count("#article mark")

	files := hostileArticles()
	for i, path := range writeHostile(t, files) {
		// Each file's reason differs from the one before.
		p.setUploadFiles("#revision-file", path)
		p.waitJS(files[i].name+" to be refused", `document.querySelector("#status.error")?.textContent.includes(`+jsString(files[i].want)+`)`)
	}
	if n := p.count(`#revisions button.revision`); n != 1 {
		t.Errorf("%d revisions listed, want 1", n)
	}
	if n := p.count("#article mark"); n != marks {
		t.Errorf("%d highlights, want %d", n, marks)
	}
	p.assertUnchanged(before, p.reloadStory)
	p.waitCount("#article mark", marks)
	p.assertNothingRan()
	p.assertStayedHome(srv.URL)
}

// hostileJSON are annotation files the import dialog must refuse.
func hostileJSON() []hostileFile {
	ann := func(id int, selector string) string {
		return fmt.Sprintf(`{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-%012d", "type": "Annotation",
			"target": {"source": "urn:x", "selector": [{"type": "TextQuoteSelector", "exact": "super smart"}%s]}}`, id, selector)
	}
	position := func(start, end string) string {
		return `, {"type": "TextPositionSelector", "start": ` + start + `, "end": ` + end + `}`
	}
	array := func(n int, item func(i int) string) []byte {
		items := make([]string, n)
		for i := range items {
			items[i] = item(i)
		}
		return []byte("[" + strings.Join(items, ",\n") + "]")
	}
	valid := func(i int) string { return ann(i, "") }
	return []hostileFile{
		{"fifty.json", array(50_000_000/len(valid(0))+1, valid), "fifty.json is 48.1 MB; the limit is 16 MB"},
		{"huge-numbers.json", []byte(ann(1, position("1e400", "99999999999999999999"))), `needs "start" as a non-negative integer, found 1e400`},
		{"negative.json", []byte(ann(1, position("-5", "3"))), `found -5`},
		{"reversed.json", []byte(ann(1, position("30", "10"))), "TextPositionSelector starts at 30, after its end 10"},
		{"duplicate-ids.json", array(2, func(int) string { return valid(7) }), "is already used by the annotation at $[0]"},
		{"deep-arrays.json", []byte(strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000)), "nested more than 64 levels deep"},
		{"deep-objects.json", []byte(strings.Repeat(`{"a": `, 10_000) + "1" + strings.Repeat("}", 10_000)), "nested more than 64 levels deep"},
		{"repeated-keys.json", []byte("{" + strings.Repeat(`"id": "urn:x", `, 100_000) + `"id": "urn:x"}`), `key "id" appears 100001 times`},
		{"many-bad.json", array(50_000, func(int) string { return "{}" }), "199900 more problems not listed"},
		{"photo.png.json", append([]byte("\x89PNG\r\n\x1a\n"), noise(4096)...), "not valid UTF-8 (JSON must be UTF-8)"},
		{"latin1.json", []byte(ann(1, `, {"type": "TextQuoteSelector", "exact": "caf`+"\xe9"+`"}`)), "not valid UTF-8"},
	}
}

// TestImportRefusesHostileJSON chooses each hostile file in the import
// dialog: the reasons are listed (a bounded list), and the story's
// highlights, storage and export are as before, also after a reload.
func TestImportRefusesHostileJSON(t *testing.T) {
	srv, p := openApp(t)
	next := p.downloads()
	p.openSample()
	p.tag("super smart", "q")
	p.click("#export-json")
	exported := next()
	before, marks := p.storage(), p.count("#article mark")

	files := hostileJSON()
	p.click("#import")
	p.waitCount("#import-dialog", 1)
	for i, path := range writeHostile(t, files) {
		f := files[i]
		p.addImportFile(path)
		p.waitJS(f.name+" to be refused", `document.querySelector("#import-errors")?.textContent.includes(`+jsString(f.want)+`)`)
		if n := p.count("#import-errors li"); n < 1 || n > 101 {
			t.Errorf("%s: %d reasons listed, want 1 to 101", f.name, n)
		}
	}
	p.press("\x1b")
	p.waitCount("#import-dialog", 0)
	if n := p.count("#article mark"); n != marks {
		t.Errorf("%d highlights after the refused imports, want %d", n, marks)
	}
	p.assertUnchanged(before, p.reloadStory)
	p.waitCount("#article mark", marks)
	next = p.downloads() // a fresh folder: the same file name would be overwritten
	p.click("#export-json")
	if again := next(); !bytes.Equal(again, exported) {
		t.Errorf("the export changed:\n%s\nwas:\n%s", again, exported)
	}
	p.assertNothingRan()
	p.assertStayedHome(srv.URL)
}

// scriptedRevision is the sample article as a saved web page full of
// payloads, each setting a pwned… flag if it ever ran, and some asking
// for a foreign URL.
func scriptedRevision(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(sampleFile(t))
	if err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	for i, para := range strings.Split(strings.TrimPrefix(string(data), " date 2025-03-23 "), "\n\n") {
		fmt.Fprintf(&body, "<p>%s</p>\n", para)
		if i == 1 {
			body.WriteString(`<p>Added in an update <img src="http://198.51.100.7/pixel.png" onerror="window.pwnedImg=1"> <svg onload="window.pwnedSvg=1"><script>window.pwnedSvgScript=1</script></svg> ` +
				`<a href="javascript:window.pwnedLink=1">a link</a> &lt;img src=x onerror=window.pwnedEscaped=1&gt; later.</p>` + "\n")
		}
	}
	page := `<!doctype html><html><head><title>Update</title>
<meta http-equiv="refresh" content="0;url=javascript:window.pwnedMeta=1">
<base href="http://198.51.100.7/">
<link rel="stylesheet" href="http://198.51.100.7/style.css">
<style>@import url(http://198.51.100.7/import.css); p { width: expression(window.pwnedCss=1); background: url(javascript:window.pwnedBg=1) }</style>
<script>window.pwnedScript=1</script><script src="http://198.51.100.7/evil.js"></script>
</head><body onload="window.pwnedBody=1"><article>
<time datetime="2025-03-24">March 24, 2025</time>
` + body.String() + `<iframe src="http://198.51.100.7/frame" onload="window.pwnedIframe=1"></iframe>
<object data="http://198.51.100.7/x.swf"></object><embed src="javascript:window.pwnedEmbed=1">
<p style="width: expression(window.pwnedStyle=1)" onmouseover="window.pwnedHover=1">The end.</p>
</article></body></html>`
	path := filepath.Join(t.TempDir(), "update.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestScriptedLaterVersionRunsNothing adds a saved page full of payloads
// as a later version (safety_test.go covers them as a new story): the
// diff and the article show the words only, nothing runs, and no request
// leaves the origin. Then an annotation whose note, tags and speaker are
// markup is imported: it shows as text.
func TestScriptedLaterVersionRunsNothing(t *testing.T) {
	srv, p := openApp(t)
	p.openSample()
	p.tag("super smart", "q")
	p.setUploadFiles("#revision-file", scriptedRevision(t))
	p.waitCount(`#revisions button.revision`, 2)
	p.waitJS("the diff", `document.querySelector("#diff ins")`)
	if got := p.text("#diff"); !strings.Contains(got, "Added in an update <img src=x onerror=window.pwnedEscaped=1> later.") || strings.Contains(got, "pwnedImg") {
		t.Errorf("the diff reads %q", got)
	}
	var diffMarkup []string
	p.eval(`[...document.querySelectorAll("#diff *")].filter(el => !["P", "SPAN", "INS", "DEL"].includes(el.tagName) || [...el.attributes].some(a => a.name.startsWith("on") || ["style", "href", "src"].includes(a.name))).map(el => el.outerHTML.slice(0, 120))`, &diffMarkup)
	if len(diffMarkup) > 0 {
		t.Errorf("the diff holds more than text: %q", diffMarkup)
	}
	p.eval(`for (const el of document.querySelectorAll("#article *, #diff *")) {
		el.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
		el.dispatchEvent(new MouseEvent("click", {bubbles: true}));
	}`, nil)
	p.assertArticleIsText()
	p.reloadStory()
	p.assertArticleIsText()

	p.click("#import")
	p.waitCount("#import-dialog", 1)
	p.setField("#import-paste", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-0000000000aa", "type": "Annotation",
		"body": [{"type": "TextualBody", "purpose": "tagging", "value": "quote"}, {"type": "TextualBody", "purpose": "tagging", "value": "<img src=x onerror=window.pwnedTag=1>"},
			{"type": "TextualBody", "purpose": "identifying", "value": "<svg onload=window.pwnedSpeaker=1>"},
			{"type": "TextualBody", "purpose": "commenting", "value": "<script>window.pwnedNote=1</script><a href=javascript:window.pwnedNoteLink=1>x</a>"}],
		"target": {"source": "urn:x", "selector": {"type": "TextQuoteSelector", "exact": "in an update"}}}`)
	p.waitCount("#import-go:enabled", 1)
	p.click("#import-go")
	p.waitCount("#import-dialog", 0)
	p.waitJS("the imported annotation", `document.querySelector('#annotations li[data-id="urn:uuid:6f1c0e3a-6a55-4d8e-9a53-0000000000aa"]')`)
	p.click(item("urn:uuid:6f1c0e3a-6a55-4d8e-9a53-0000000000aa"))
	p.waitCount("#edit-speaker", 1)
	if got := p.value("#edit-speaker"); got != "<svg onload=window.pwnedSpeaker=1>" {
		t.Errorf("the speaker field holds %q", got)
	}
	if n := p.count("#page img, #page svg:not(#timeline), #page script, #page iframe, #page object, #page embed"); n != 0 {
		t.Errorf("the page renders %d elements from the imported annotation", n)
	}
	p.assertArticleIsText()
	p.run(chromedp.Reload(), chromedp.WaitVisible(`#article p`, chromedp.ByQuery))
	p.assertNothingRan()
	p.assertStayedHome(srv.URL)
}
