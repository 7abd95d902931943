//go:build e2e

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// newsPage serves one article on loopback whose paragraphs the test edits.
type newsPage struct {
	*httptest.Server
	mu   sync.Mutex
	text string
}

func newNewsPage(t *testing.T, text string) *newsPage {
	n := &newsPage{text: text}
	n.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.mu.Lock()
		defer n.mu.Unlock()
		fmt.Fprintf(w, "<!doctype html><html><head><title>Council budget</title></head><body><article><h1>Council budget</h1>%s</article></body></html>", n.text)
	}))
	t.Cleanup(n.Close)
	return n
}

func (n *newsPage) edit(old, new string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.text = strings.Replace(n.text, old, new, 1)
}

// TestWatchAWebPage: a signed-in editor watches a page from the app; the
// server (redline serve --watch-every 2s --watch-allow-private) captures
// its edit, and the page lists the new revision and the changed quote
// without a reload; a stopped watch captures nothing more.
//
// Signing in goes through the API (POST /api/session from the page, so
// the browser holds the session cookie), not a sign-in form: that form is
// another branch's work (w13b).
func TestWatchAWebPage(t *testing.T) {
	root := repoRoot(t)
	bin := filepath.Join(root, "bin", "redline")
	db := filepath.Join(t.TempDir(), "redline.db")
	for _, args := range [][]string{{"user", "add", "alice"}, {"project", "add", "desk", "--owner", "alice"}} {
		cmd := exec.Command(bin, append([]string{"admin", "--db", db}, args...)...)
		cmd.Stdin = strings.NewReader("pw-alice\n")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("admin %v: %v\n%s", args, err, out)
		}
	}
	site := newNewsPage(t, "<p>The council voted on Tuesday to approve the budget after a long debate that lasted into the evening.</p>"+
		"<p>“We will not raise taxes this year,” said Mayor Jane Ortiz, speaking to reporters outside City Hall after the vote.</p>")
	srv := startProcess(t, root, "make build", bin, "serve", "--addr", "127.0.0.1:0", "--dir", root, "--db", db,
		"--watch-every", "2s", "--watch-allow-private")
	p := newBrowser(t)
	p.run(chromedp.Navigate(srv.URL + "/"))
	p.waitMounted()
	var status float64
	p.eval(`fetch("/api/session", {method: "POST", headers: {"Content-Type": "application/json"},
		body: JSON.stringify({name: "alice", password: "pw-alice"})}).then(r => r.status)`, &status)
	if status != 200 {
		t.Fatalf("sign in: %v", status)
	}

	p.click("#watch-page-link")
	p.waitJS("the watch page for desk", `document.querySelector("#watch-page[data-project=desk]")`)
	p.waitJS("no watches yet", `document.querySelector("#watches-empty")`)
	p.setField("#watch-url", site.URL+"/news/budget")
	p.click("#watch-add")
	p.waitJS("the watch with its first revision", `document.querySelector("li.watch[data-state=watching][data-revisions='1']")`)
	if got := p.count("li.watch"); got != 1 {
		t.Fatalf("%d watches listed, want 1", got)
	}
	// An annotation on the quote, made as the app's other parts make them
	// (same origin, with the cookie).
	var storyID string
	p.eval(`fetch("/api/projects/desk/watches").then(r => r.json()).then(j => j.watches[0].storyId)`, &storyID)
	p.eval(`fetch("/annotations/desk/", {method: "POST", headers: {"Content-Type": "application/ld+json"},
		body: JSON.stringify({"@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation",
			body: {type: "TextualBody", value: "taxes", purpose: "commenting"},
			target: {source: "urn:redline:story:`+storyID+`", selector: {type: "TextQuoteSelector", exact: "We will not raise taxes this year"}}})}).then(r => r.status)`, &status)
	if status != 201 {
		t.Fatalf("annotation: %v", status)
	}

	// The quote is reworded on the site: the server's next fetch adds a
	// revision, and the page shows it and the changed quote.
	site.edit("We will not raise taxes", "We do not plan to raise taxes")
	p.waitJS("the captured second revision", `document.querySelector("li.watch[data-revisions='2']") && document.querySelectorAll("li.watch li.watch-revision").length == 2`)
	p.waitJS("the changed quote", `[...document.querySelectorAll("#watch-alerts li.alert[data-status=changed]")].some(li =>
		li.querySelector("del").textContent == "We will not raise taxes this year" && li.querySelector("ins").textContent == "We do not plan to raise taxes this year")`)

	// Stopped, the watch captures nothing more; resumed, it does.
	p.click("li.watch button.watch-stop")
	p.waitJS("the watch stopped", `document.querySelector("li.watch[data-state=paused] button.watch-resume")`)
	lastFetch := func() string {
		var v string
		p.eval(`fetch("/api/projects/desk/watches").then(r => r.json()).then(j => j.watches[0].state + " " + j.watches[0].lastFetch)`, &v)
		return v
	}
	p.eval(`new Promise(ok => setTimeout(ok, 1000))`, nil) // a fetch under way when it was stopped still finishes
	before := lastFetch()
	site.edit("lasted into the evening", "lasted past midnight")
	p.eval(`new Promise(ok => setTimeout(ok, 5000))`, nil)
	if after := lastFetch(); after != before || !strings.HasPrefix(after, "paused ") || p.count("li.watch li.watch-revision") != 2 {
		t.Fatalf("a stopped watch, 5 s later: %q (was %q) with %d revisions", after, before, p.count("li.watch li.watch-revision"))
	}
	p.click("li.watch button.watch-resume")
	p.waitJS("the third revision after resuming", `document.querySelector("li.watch[data-state=watching][data-revisions='3']")`)
	if errs := p.Errors(); len(errs) > 0 {
		t.Errorf("browser errors: %v", errs)
	}
	for _, size := range []struct{ width, height int64 }{{1280, 900}, {390, 844}} {
		p.run(chromedp.EmulateViewport(size.width, size.height))
		p.assertAxeClean(axeScript(t), fmt.Sprintf("the watch page at %dx%d", size.width, size.height))
	}
}

// TestWatchedPageChangesTheOpenStory is the browser end of issue 14: a
// page watched from the app becomes a story of the project; open, with a
// quote tagged in it, it shows the revision the server captures after the
// page's edit, and on it the quote carried as changed, without a reload.
func TestWatchedPageChangesTheOpenStory(t *testing.T) {
	_, p, site := watchedStoryOpen(t, "<p>The council voted on Tuesday to approve the budget after a long debate that lasted into the evening.</p>"+
		"<p>“We will not raise taxes this year,” said Mayor Jane Ortiz, speaking to reporters outside City Hall after the vote.</p>")
	p.tagHere("We will not raise taxes this year", "q")
	p.waitSync(10*time.Second, "synced")

	site.edit("We will not raise taxes", "We do not plan to raise taxes")
	p.waitCount(".revision-list li", 2)
	// The reader stays on the text she was reading, told that a later
	// revision came.
	p.waitCount("#old-revision button", 1)
	p.click("#old-revision button")
	// Each revision holds its own copy of an annotation (a new id), as
	// when a revision is added by hand.
	p.waitJS("the quote carried as changed", `[...document.querySelectorAll('#article mark[data-status="changed"]')].some(m =>
		m.textContent === "We do not plan to raise taxes this year" && m.title.includes("We will not raise taxes this year"))`)
	p.checkClientRan(t)
}

// watchedStoryOpen is alice on a desk whose server captures every 2 s,
// watching a loopback news page with the given paragraphs from the app's
// watch page, then on the project's story it became; and the page.
func watchedStoryOpen(t *testing.T, paragraphs string) (*desk, *page, *newsPage) {
	t.Helper()
	d := newDesk(t, "--watch-every", "2s", "--watch-allow-private")
	site := newNewsPage(t, paragraphs)
	p := d.signedIn("alice")
	p.waitCount(`#projects .project[data-project="desk"]`, 1)
	p.click("#watch-page-link")
	p.waitJS("the watch page for desk", `document.querySelector("#watch-page[data-project=desk]")`)
	p.setField("#watch-url", site.URL+"/news/budget")
	p.click("#watch-add")
	p.waitJS("the watch with its first revision", `document.querySelector("li.watch[data-state=watching][data-revisions='1']")`)
	p.run(chromedp.Navigate(d.srv.URL + "/"))
	p.waitMounted()
	p.openProjectStory()
	return d, p, site
}
