//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// More helpers that drive the app as a person would, shared by the tests
// of each theme (library, tagging, sidebar, storage, import/export,
// safety, accessibility).

// openApp starts a server and a browser showing the mounted library.
func openApp(t *testing.T) (*server, *page) {
	t.Helper()
	srv := startServer(t)
	p := newBrowser(t)
	p.run(chromedp.Navigate(srv.URL + "/"))
	p.waitMounted()
	return srv, p
}

// openSample adds the bundled sample article with "Try the sample article"
// and opens it.
func (p *page) openSample() {
	p.t.Helper()
	n := p.count("li.story")
	p.click("#add-sample")
	p.waitCount("li.story", n+1)
	p.openStory("Vladimir Putin prayed")
}

// eval evaluates a JavaScript expression (awaiting it if it is a promise)
// and stores its value in out, which may be nil.
func (p *page) eval(js string, out any) {
	p.t.Helper()
	p.run(chromedp.Evaluate(js, out, awaitPromise))
}

// evalBool is eval for a true/false expression.
func (p *page) evalBool(js string) bool {
	p.t.Helper()
	var b bool
	p.eval(`!!(`+js+`)`, &b)
	return b
}

// waitJS waits until a JavaScript expression is truthy; what says what is
// awaited, for the failure message.
func (p *page) waitJS(what, js string) {
	p.t.Helper()
	err := chromedp.Run(p.ctx, chromedp.Poll(js, nil,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		p.mu.Lock()
		console := strings.Join(p.console, "\n")
		p.mu.Unlock()
		p.t.Fatalf("waiting for %s: %v\nbrowser errors:\n%s\nconsole:\n%s", what, err, strings.Join(p.Errors(), "\n"), console)
	}
}

// click clicks the first element matching a CSS selector, as a mouse would.
//
// A mouse click lands on a point, not on an element: chromedp reads the
// element's box and presses at its centre, so a chunk of the page drawn in
// between (the story page draws in turns) can move the element away, and
// the press lands elsewhere. So the click waits, briefly, for the element
// to stay put for one poll and be what is at its centre; if it never is
// (something covers it on purpose), it clicks as a mouse would anyway.
func (p *page) click(selector string) {
	p.t.Helper()
	_ = chromedp.Run(p.ctx, chromedp.Poll(`(() => {
		const el = document.querySelector(`+jsString(selector)+`);
		if (!el) return false;
		el.scrollIntoView({block: "nearest", inline: "nearest"});
		const r = el.getBoundingClientRect();
		const box = [r.x, r.y, r.width, r.height].join();
		const still = el.redlineClickBox === box;
		el.redlineClickBox = box;
		if (!still || r.width === 0 || r.height === 0) return false;
		const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
		return !!hit && (hit === el || el.contains(hit));
	})()`, nil, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(2*time.Second)))
	p.run(chromedp.Click(selector, chromedp.ByQuery))
}

// setField gives a form control a value and fires input and change, as
// typing into it and leaving it would.
func (p *page) setField(selector, value string) {
	p.t.Helper()
	ok := p.evalBool(`(() => {
		const el = document.querySelector(` + jsString(selector) + `);
		if (!el) return false;
		el.value = ` + jsString(value) + `;
		el.dispatchEvent(new Event("input", {bubbles: true}));
		el.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`)
	if !ok {
		p.t.Fatalf("no %s to fill in", selector)
	}
}

// value is the current value of a form control.
func (p *page) value(selector string) string {
	p.t.Helper()
	var v string
	p.eval(`document.querySelector(`+jsString(selector)+`).value`, &v)
	return v
}

// ctrl presses a key with Ctrl held, e.g. ctrl("z") for undo.
func (p *page) ctrl(key string) {
	p.t.Helper()
	p.run(chromedp.KeyEvent(key, chromedp.KeyModifiers(input.ModifierCtrl)))
}

// sidebarIDs are the ids of the annotations listed in the sidebar, in order.
func (p *page) sidebarIDs() []string {
	p.t.Helper()
	var ids []string
	p.eval(`[...document.querySelectorAll("#annotations li")].map(li => li.dataset.id)`, &ids)
	return ids
}

// markIDs are the ids of the article's highlights in the order they start.
func (p *page) markIDs() []string {
	p.t.Helper()
	var ids []string
	p.eval(`[...new Set([...document.querySelectorAll("#article mark[data-id]")].map(m => m.dataset.id))]`, &ids)
	return ids
}

// tag selects text in the article, presses key (q, c or n) and waits for
// the new annotation in the sidebar and in storage (the page draws a new
// tag before it is stored); it returns the new annotation's id.
func (p *page) tag(text, key string) string {
	p.t.Helper()
	before := p.sidebarIDs()
	p.selectText("#article", text)
	p.press(key)
	p.waitCount("#annotations li", len(before)+1)
	for _, id := range p.sidebarIDs() {
		if !slices.Contains(before, id) {
			p.waitStored(id, "kind", map[string]string{"q": "quote", "c": "claim", "n": "note"}[key])
			// The editor shows the new annotation before a test types in it.
			p.waitCount(`#editor[data-id="`+id+`"]`, 1)
			return id
		}
	}
	p.t.Fatal("no new annotation in the sidebar")
	return ""
}

// mark is the CSS selector of the highlights of one annotation.
func mark(id string) string { return `#article mark[data-id="` + id + `"]` }

// item is the CSS selector of one annotation's sidebar entry.
func item(id string) string { return `#annotations li[data-id="` + id + `"]` }

// reloadStory reloads the page and waits for the article.
func (p *page) reloadStory() {
	p.t.Helper()
	p.run(chromedp.Reload(), chromedp.WaitVisible(`#article p`, chromedp.ByQuery))
}

// reloadLibrary reloads the page and waits for the client to list stories.
func (p *page) reloadLibrary() {
	p.t.Helper()
	p.run(chromedp.Reload())
	p.waitMounted()
}

// storedAnnotations reads Redline's IndexedDB directly, as the browser
// holds it, and returns every stored annotation's fields by id.
func (p *page) storedAnnotations() map[string]map[string]any {
	p.t.Helper()
	var raw []string
	p.eval(`(async () => {
		const db = await new Promise((ok, ko) => { const r = indexedDB.open("redline"); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
		const all = await new Promise((ok, ko) => { const r = db.transaction("annotations").objectStore("annotations").getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
		db.close();
		return all.map(x => JSON.stringify({id: x.id, fields: typeof x.json === "string" ? JSON.parse(x.json) : x.json}));
	})()`, &raw)
	out := map[string]map[string]any{}
	for _, r := range raw {
		var rec struct {
			ID     string
			Fields map[string]any
		}
		if err := json.Unmarshal([]byte(r), &rec); err != nil {
			p.t.Fatalf("stored annotation %s: %v", r, err)
		}
		out[rec.ID] = rec.Fields
	}
	return out
}

// waitStored waits until the annotation id is stored with field equal to
// want (a string, or fmt's rendering of a list, e.g. "[a b]"); a
// missing annotation has every field "<absent>".
func (p *page) waitStored(id, field, want string) {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		got := "<absent>"
		if a, ok := p.storedAnnotations()[id]; ok {
			got = fmt.Sprint(a[field])
			if a[field] == nil {
				got = ""
			}
		}
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("annotation %s is stored with %s %q, want %q", id, field, got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// writeFile writes a file into a fresh directory and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// setUploadFiles chooses files in a file input, as the file picker would.
func (p *page) setUploadFiles(selector string, files ...string) {
	p.t.Helper()
	p.run(chromedp.SetUploadFiles(selector, files, chromedp.ByQuery))
}

// checkClientRan fails t for every panic or exit of the client that the
// page's console reported.
func (p *page) checkClientRan(t *testing.T) {
	t.Helper()
	for _, e := range p.Errors() {
		if strings.Contains(e, "panic") || strings.Contains(e, "exited") {
			t.Errorf("the client failed: %s", e)
		}
	}
}

// sampleFromFile starts the app and adds the sample article's file
// (testdata) through the library's file input, and opens it.
func sampleFromFile(t *testing.T) (*server, *page) {
	t.Helper()
	srv, p := openApp(t)
	p.addFiles(sampleFile(t))
	p.openStory("Vladimir Putin prayed")
	return srv, p
}

// sampleTagged starts the app, opens the sample article and tags "super
// smart" with key (q, c or n); id is the new annotation's.
func sampleTagged(t *testing.T, key string) (srv *server, p *page, id string) {
	t.Helper()
	srv, p = openApp(t)
	p.openSample()
	return srv, p, p.tag("super smart", key)
}

// editor is the selector of the editor open on annotation id.
func editor(id string) string { return `#editor[data-id="` + id + `"]` }

// openEditor opens annotation id's editor from its sidebar entry.
func (p *page) openEditor(id string) {
	p.t.Helper()
	p.click(item(id) + " button")
	p.waitCount(editor(id), 1)
}

// storyInNewTab opens the story p shows in a new tab of the same browser.
func (p *page) storyInNewTab() *page {
	p.t.Helper()
	b := p.newTab()
	b.run(chromedp.Navigate(p.location()), chromedp.WaitVisible("#article p", chromedp.ByQuery))
	return b
}

// twoTabsOnTaggedQuote opens the sample in one tab and then in a second,
// tags "super smart" as a quote in the first, and opens its editor in
// the second once it shows the quote.
func twoTabsOnTaggedQuote(t *testing.T) (a, b *page, id string) {
	t.Helper()
	_, a = openApp(t)
	a.openSample()
	b = a.storyInNewTab()
	id = a.tag("super smart", "q")
	b.waitCount(mark(id), 1)
	b.openEditor(id)
	return a, b, id
}

// viewport is a window's size: a desktop's or a phone's.
type viewport struct {
	name string
	w, h int64
}

// inEachViewport runs walk as a subtest in a fresh app at a desktop's
// and at a phone's window size.
func inEachViewport(t *testing.T, walk func(t *testing.T, p *page, size viewport)) {
	for _, size := range []viewport{{"desktop", 1280, 800}, {"phone", 390, 844}} {
		t.Run(size.name, func(t *testing.T) {
			_, p := openApp(t)
			p.run(chromedp.EmulateViewport(size.w, size.h))
			walk(t, p, size)
		})
	}
}

// tagPraiseAndFalseClaim tags "super smart" as Steve Witkoff's quote
// tagged praise and "Putin prayed for Donald Trump" as a false claim, each
// field awaited until stored.
func (p *page) tagPraiseAndFalseClaim() (smart, prayed string) {
	p.t.Helper()
	smart = p.tag("super smart", "q")
	p.setField("#edit-speaker", "Steve Witkoff")
	p.waitStored(smart, "speaker", "Steve Witkoff")
	p.setField("#edit-tags", "praise")
	p.waitStored(smart, "tags", "[praise]")
	prayed = p.tag("Putin prayed for Donald Trump", "c")
	p.setField("#edit-verdict", "false")
	p.waitStored(prayed, "verdict", "false")
	return smart, prayed
}
