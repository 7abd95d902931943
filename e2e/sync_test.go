//go:build e2e

package e2e

import (
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// desk is a `redline serve` with users alice and bob, editors of project
// desk (made with `redline admin`), that can be stopped and started again
// on the same address and database, as a server restarted in a newsroom.
type desk struct {
	t          *testing.T
	root, bin  string
	db, addr   string
	srv        *server
	aliceToken string
	serveFlags []string // more flags for redline serve
}

func newDesk(t *testing.T, serveFlags ...string) *desk {
	t.Helper()
	root := repoRoot(t)
	d := &desk{t: t, root: root, bin: filepath.Join(root, "bin", "redline"), db: filepath.Join(t.TempDir(), "redline.db"), serveFlags: serveFlags}
	for _, user := range []string{"alice", "bob"} {
		d.admin(deskPasswords[user]+"\n", "user", "add", user)
	}
	d.admin("", "project", "add", "desk", "--owner", "alice")
	d.admin("", "member", "add", "desk", "bob", "--role", "editor")
	d.aliceToken = strings.TrimSpace(d.admin("", "token", "add", "alice", "--label", "e2e"))
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	d.addr = l.Addr().String()
	l.Close()
	d.start()
	return d
}

func (d *desk) admin(stdin string, args ...string) string {
	d.t.Helper()
	cmd := exec.Command(d.bin, append([]string{"admin", "--db", d.db}, args...)...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.Output()
	if err != nil {
		d.t.Fatalf("redline admin %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

func (d *desk) start() {
	d.t.Helper()
	d.srv = startProcess(d.t, d.root, "make build", d.bin, append([]string{"serve", "--addr", d.addr, "--dir", d.root, "--db", d.db}, d.serveFlags...)...)
}

// deskPasswords are the passwords of newDesk's users.
var deskPasswords = map[string]string{"alice": "alice-secret-1", "bob": "bob-secret-22", "carol": "carol-secret-333"}

// signedIn opens the app in a fresh browser profile, signed in as user.
func (d *desk) signedIn(user string) *page {
	d.t.Helper()
	p := newBrowser(d.t)
	p.run(chromedp.Navigate(d.srv.URL + "/"))
	p.waitMounted()
	p.signIn(user)
	return p
}

// signIn signs in as one of newDesk's users with the app's form.
func (p *page) signIn(user string) {
	p.t.Helper()
	password := deskPasswords[user]
	p.click("#sign-in-open")
	p.waitCount(`#sign-in input[name="username"]`, 1)
	p.setField(`#sign-in input[name="username"]`, user)
	p.setField(`#sign-in input[name="password"]`, password)
	p.click("#sign-in-submit")
	p.waitJS("signed in as "+user, `document.querySelector("#signed-in-as")?.dataset.user === `+jsString(user))
}

// syncState is #sync-status's data-state.
func (p *page) syncState() string {
	p.t.Helper()
	var s string
	p.eval(`document.querySelector("#sync-status")?.dataset.state || ""`, &s)
	return s
}

// waitSync waits (at most within) until #sync-status says one of states.
func (p *page) waitSync(within time.Duration, states ...string) {
	p.t.Helper()
	deadline := time.Now().Add(within)
	for {
		got := p.syncState()
		for _, s := range states {
			if got == s {
				return
			}
		}
		if time.Now().After(deadline) {
			var words string
			p.eval(`document.querySelector("#sync-status")?.textContent || ""`, &words)
			p.t.Fatalf("#sync-status is %q (%s) after %v, want %v", got, words, within, states)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitWithin waits until js is truthy, failing after within.
func (p *page) waitWithin(what string, within time.Duration, js string) {
	p.t.Helper()
	err := chromedp.Run(p.ctx, chromedp.Poll(js, nil,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(within)))
	if err != nil {
		p.t.Fatalf("%s not within %v: %v", what, within, err)
	}
}

// tagHere tags text with key on a project story (stored in the
// project's replica, not the personal library) and returns its id.
func (p *page) tagHere(text, key string) string {
	p.t.Helper()
	before := p.sidebarIDs()
	p.selectText("#article", text)
	p.press(key)
	p.waitCount("#annotations li", len(before)+1)
	for _, id := range p.sidebarIDs() {
		if !strings.Contains(strings.Join(before, " "), id) {
			p.waitCount(`#editor[data-id="`+id+`"]`, 1)
			return id
		}
	}
	p.t.Fatal("no new annotation in the sidebar")
	return ""
}

// selectEntry selects an annotation in the sidebar and waits for its editor.
func (p *page) selectEntry(id string) {
	p.t.Helper()
	// A mouse's click (detail 1: the editor does not take the focus),
	// dispatched by the page's script: the sidebar is drawn again at
	// every sync, and a node found first and clicked next may be gone.
	p.waitJS("the entry of "+id, `(() => {
		const b = document.querySelector(`+jsString(item(id)+" button")+`);
		b?.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true, detail: 1}));
		return !!b;
	})()`)
	p.waitCount(`#editor[data-id="`+id+`"]`, 1)
}

// shareIntoDesk shares the library's story into desk with the Share
// dialog, waits until desk lists n stories and opens the first.
func (p *page) shareIntoDesk(n int) {
	p.t.Helper()
	p.click("#share-open")
	p.click("#share-submit")
	p.waitCount(`#projects li.story[data-project="desk"]`, n)
	p.openProjectStory()
}

// openProjectStory opens the first story of project desk.
func (p *page) openProjectStory() {
	p.t.Helper()
	// Clicked from the page's own script: the list is drawn again at
	// every sync, and a node found first and clicked next may be gone.
	p.waitJS("desk's story link", `(() => { const a = document.querySelector('#projects li.story[data-project="desk"] a.title'); a?.click(); return !!a; })()`)
	p.run(chromedp.WaitVisible(`#article p`, chromedp.ByQuery))
}

// field is the text of an annotation's sidebar entry part (".who"…).
func (p *page) entryHas(id, part, want string) string {
	return `(document.querySelector(` + jsString(item(id)+" "+part) + `)?.textContent || "").includes(` + jsString(want) + `)`
}

// TestTwoProfilesShareTheDesk is issue 13's judged scenario with two
// browser profiles, alice and bob, on one server: sharing, live sync,
// offline edits across a server stop and reloads, a conflict resolved on
// one side for both, and the W3C container listing what they show.
func TestTwoProfilesShareTheDesk(t *testing.T) {
	// alice adds the sample story to desk and tags "super smart" as a
	// quote; bob sees it within 5 s.
	d, alice, bob, q := deskWithAQuote(t)

	// The server stops. alice sets the speaker; bob writes a note on the
	// same quote and tags a claim. Both reload offline.
	d.srv.Stop()
	alice.selectEntry(q)
	alice.setField("#edit-speaker", "Donald Trump")
	alice.waitJS("alice's speaker", alice.entryHas(q, ".who", "Donald Trump"))
	bob.selectEntry(q)
	bob.setField("#edit-note", "check the transcript")
	claim := bob.tagHere("prayed for", "c")
	time.Sleep(time.Second) // the editor's save delay
	for _, p := range []*page{alice, bob} {
		p.waitSync(15*time.Second, "offline")
		p.reloadStory()
		p.waitSync(15*time.Second, "offline", "pending")
	}
	alice.waitJS("alice's speaker after an offline reload", alice.entryHas(q, ".who", "Donald Trump"))
	bob.waitCount(item(claim), 1)
	bob.selectEntry(q)
	if got := bob.value("#edit-note"); got != "check the transcript" {
		t.Fatalf("bob's note after an offline reload: %q", got)
	}
	var pending string
	alice.eval(`document.querySelector("#sync-status").dataset.pending`, &pending)
	if pending == "0" {
		t.Errorf("alice's #sync-status counts no waiting edit while offline")
	}

	// The server restarts: within 10 s both show the speaker, the note
	// and the claim, synced.
	d.start()
	restarted := time.Now()
	for name, p := range map[string]*page{"alice": alice, "bob": bob} {
		p.waitWithin(name+" sees the speaker", 10*time.Second, p.entryHas(q, ".who", "Donald Trump"))
		p.waitWithin(name+" sees the claim", 10*time.Second, `document.querySelector(`+jsString(mark(claim))+`)`)
		p.waitSync(10*time.Second, "synced")
		t.Logf("%s: speaker, note and claim shown and synced %v after the server was back", name, time.Since(restarted).Round(time.Millisecond))
	}
	alice.selectEntry(q)
	alice.waitJS("bob's note on alice's page", `document.querySelector("#edit-note")?.value === "check the transcript"`)

	// Both change the note differently while offline: after sync both
	// show the conflict with both notes; resolving it on one side
	// resolves it on the other.
	d.srv.Stop()
	alice.setField("#edit-note", "alice: the transcript agrees")
	bob.selectEntry(q)
	bob.setField("#edit-note", "bob: the transcript differs")
	time.Sleep(time.Second)
	for _, p := range []*page{alice, bob} {
		p.waitSync(15*time.Second, "offline")
	}
	d.start()
	for name, p := range map[string]*page{"alice": alice, "bob": bob} {
		p.waitWithin(name+" sees the conflict", 15*time.Second,
			`document.querySelector(`+jsString(item(q)+"[data-conflict]")+`) && document.querySelector(`+jsString(mark(q)+"[data-conflict]")+`)`)
		p.waitWithin(name+" sees both notes", 5*time.Second, `(() => {
			const vals = [...document.querySelectorAll("#conflicts .value")].map(v => v.dataset.value);
			return vals.includes("alice: the transcript agrees") && vals.includes("bob: the transcript differs");
		})()`)
		p.waitSync(10*time.Second, "conflict")
	}
	alice.waitConflictNames("alice", "alice: the transcript agrees", "bob", "bob: the transcript differs")
	bob.waitConflictNames("bob", "bob: the transcript differs", "alice", "alice: the transcript agrees")
	alice.click(`#conflicts .conflict-field[data-field="Note"] button.keep[data-keep="ours"]`)
	var kept string
	alice.eval(`document.querySelector('#conflicts .conflict-field[data-field="Note"] li:nth-child(2) .value').dataset.value`, &kept)
	for name, p := range map[string]*page{"alice": alice, "bob": bob} {
		p.waitWithin(name+": the conflict resolved", 10*time.Second, `!document.querySelector("[data-conflict]")`)
		p.waitSync(10*time.Second, "synced")
	}

	// The W3C container for desk lists the annotations the browsers show.
	req, _ := http.NewRequest("GET", d.srv.URL+"/annotations/desk/", nil)
	req.Header.Set("Authorization", "Bearer "+d.aliceToken)
	req.Header.Set("Prefer", `return=representation;include="http://www.w3.org/ns/oa#PreferContainedDescriptions"`)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var container struct {
		Total int `json:"total"`
		First struct {
			Items []map[string]any `json:"items"`
		} `json:"first"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&container); err != nil {
		t.Fatal(err)
	}
	ids := map[string]map[string]any{}
	for _, it := range container.First.Items {
		via, _ := it["via"].(string)
		ids[via] = it
	}
	shown := bob.sidebarIDs()
	if container.Total != len(shown) || len(shown) != 2 {
		t.Errorf("container total %d, bob shows %d annotations (%v)", container.Total, len(shown), shown)
	}
	for _, id := range shown {
		if _, ok := ids[id]; !ok {
			t.Errorf("annotation %s is shown but not in the container (%d items)", id, len(ids))
		}
	}
	if body, _ := json.Marshal(ids[q]); !strings.Contains(string(body), "Donald Trump") || !strings.Contains(string(body), kept) {
		t.Errorf("the container's quote lacks the speaker or the note kept (%q): %s", kept, body)
	}
}

// databases lists the browser's IndexedDB database names.
func (p *page) databases() []string {
	p.t.Helper()
	var names []string
	p.eval(`indexedDB.databases().then(l => l.map(d => d.name))`, &names)
	return names
}

// TestSignOutAsksAndTheNextUserSeesNothingOfTheLast: sign out asks
// before discarding edits that have not reached the server and then
// deletes the user's copies; the next user on the same browser gets
// databases of their own; a member removed from the project is told so
// in plain words and keeps the local copy.
func TestSignOutAsksAndTheNextUserSeesNothingOfTheLast(t *testing.T) {
	d := newDesk(t)
	p := d.signedIn("alice")
	p.click("#add-sample")
	p.waitCount("#stories li.story", 1)
	p.shareIntoDesk(1)
	q := p.tagHere("super smart", "q")
	p.waitSync(10*time.Second, "synced")

	d.srv.Stop()
	p.selectEntry(q)
	p.setField("#edit-note", "not sent yet")
	p.waitSync(15*time.Second, "offline")
	p.waitJS("the note counted as waiting", `document.querySelector("#sync-status").dataset.pending === "1"`)
	p.click("#sign-out")
	p.waitCount("#sign-out-confirm", 1)
	p.click("#sign-out-cancel")
	if p.count("#signed-in-as") != 1 {
		t.Fatal("cancelling the sign-out signed out")
	}
	d.start()
	p.waitSync(15*time.Second, "synced")
	p.click("#sign-out")
	p.waitCount("#sign-in-open", 1)
	p.waitSync(5*time.Second, "local")
	for _, name := range p.databases() {
		if strings.HasPrefix(name, "redline-sync/alice/") {
			t.Errorf("alice's replica %s is still in the browser after she signed out", name)
		}
	}

	p.run(chromedp.Navigate(d.srv.URL + "/"))
	p.waitMounted()
	if p.count("#stories li.story, #projects li.story") != 0 {
		t.Error("signed out, the library still lists the story alice moved into desk")
	}
	p.signIn("bob")
	p.waitCount(`#projects li.story[data-project="desk"]`, 1)
	for _, name := range p.databases() {
		if strings.HasPrefix(name, "redline-sync/") && !strings.HasPrefix(name, "redline-sync/bob/") {
			t.Errorf("bob's browser holds %s", name)
		}
	}
	p.waitSync(10*time.Second, "synced")

	// alice removes bob from desk: bob's app stops syncing and says why.
	req, _ := http.NewRequest("DELETE", d.srv.URL+"/api/projects/desk/members/bob", nil)
	req.Header.Set("Authorization", "Bearer "+d.aliceToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("removing bob: %s", resp.Status)
	}
	p.openProjectStory()
	p.waitSync(40*time.Second, "error")
	if words := p.text("#sync-status"); !strings.Contains(words, "no longer a member") {
		t.Errorf("#sync-status says %q, want a plain word that bob is no longer a member", words)
	}
	if p.count("#export-json") != 1 {
		t.Error("the story's copy cannot be exported after the membership went")
	}
	p.run(chromedp.Navigate(d.srv.URL + "/"))
	p.waitMounted()
	p.waitCount(`#projects li.story[data-project="desk"]`, 1)
	if words := p.text(`#projects .project[data-project="desk"]`); !strings.Contains(words, "no longer a member") {
		t.Errorf("the library says of desk: %q", words)
	}
}

// TestOneTabSyncsForAll: of alice's tabs on desk one holds the sync lock
// and the other waits for it; the waiting tab's edit reaches bob through
// the one that syncs, and when that tab goes the other takes over.
func TestOneTabSyncsForAll(t *testing.T) {
	d := newDesk(t)
	a := d.signedIn("alice")
	a.click("#add-sample")
	a.waitCount("#stories li.story", 1)
	a.shareIntoDesk(1)
	q := a.tagHere("super smart", "q")
	a.waitSync(10*time.Second, "synced")
	var storyURL string
	a.eval(`location.href`, &storyURL)

	bob := d.signedIn("bob")
	bob.waitCount(`#projects li.story[data-project="desk"]`, 1)
	bob.openProjectStory()
	bob.waitCount(mark(q), 1)

	b := a.newTab()
	b.run(chromedp.Navigate(storyURL), chromedp.WaitVisible(`#article p`, chromedp.ByQuery))
	b.waitJS("one tab holding desk's sync lock and the other waiting for it", `navigator.locks.query().then(s =>
		s.held.filter(l => l.name === "redline-sync/alice/desk").length === 1 &&
		s.pending.filter(l => l.name === "redline-sync/alice/desk").length === 1)`)
	b.waitSync(5*time.Second, "synced")

	b.selectEntry(q)
	b.setField("#edit-note", "from the tab that does not sync")
	bob.selectEntry(q)
	bob.waitWithin("the waiting tab's note at bob's", 8*time.Second, `document.querySelector("#edit-note")?.value === "from the tab that does not sync"`)

	a.run(chromedp.Navigate("about:blank")) // the syncing tab goes
	b.waitJS("the other tab holding the lock", `navigator.locks.query().then(s =>
		s.held.filter(l => l.name === "redline-sync/alice/desk").length === 1 &&
		s.pending.filter(l => l.name === "redline-sync/alice/desk").length === 0)`)
	b.setField("#edit-speaker", "Donald Trump")
	bob.waitWithin("the speaker sent by the tab that took over", 8*time.Second, bob.entryHas(q, ".who", "Donald Trump"))
	b.waitSync(10*time.Second, "synced")
}

// TestAxeFindsNoViolationsSignedIn checks the screens of sign-in and
// projects with axe-core, as TestAxeFindsNoViolations does the others.
func TestAxeFindsNoViolationsSignedIn(t *testing.T) {
	script := axeScript(t)
	d := newDesk(t)
	p := newBrowser(t)
	p.run(chromedp.Navigate(d.srv.URL + "/"))
	p.waitMounted()
	p.click("#sign-in-open")
	p.waitCount("#sign-in", 1)
	p.assertAxeClean(script, "the sign-in form")
	p.setField(`#sign-in input[name="username"]`, "alice")
	p.setField(`#sign-in input[name="password"]`, "wrong")
	p.click("#sign-in-submit")
	p.waitCount("#sign-in-problem", 1)
	p.assertAxeClean(script, "a refused sign-in")
	p.click("#sign-in-cancel")
	p.signIn("alice")
	p.click("#add-sample")
	p.waitCount("#stories li.story", 1)
	p.click("#share-open")
	p.waitCount("#share", 1)
	p.assertAxeClean(script, "the library signed in, Share with… open")
	p.click("#share-submit")
	p.waitCount(`#projects li.story[data-project="desk"]`, 1)
	p.assertAxeClean(script, "the library with a project story")
	p.openProjectStory()
	p.tagHere("super smart", "q")
	p.waitSync(10*time.Second, "synced")
	p.assertAxeClean(script, "a project story")
}

// TestSharedStoryWithTwoRevisionsOpensAndTags: a story with a later
// revision, shared into a project, opens there with its timeline and can
// be tagged (tester 3: its timeline's statistics had no engines to ask
// and the client died while the page looked normal).
func TestSharedStoryWithTwoRevisionsOpensAndTags(t *testing.T) {
	d := newDesk(t)
	p := d.signedIn("alice")
	p.addFiles(sampleFile(t))
	p.openStory("Vladimir Putin prayed")
	data, err := os.ReadFile(sampleFile(t))
	if err != nil {
		t.Fatal(err)
	}
	later := filepath.Join(t.TempDir(), "later.txt")
	text := strings.Replace(string(data), "date 2025-03-23", "date 2025-03-24", 1)
	if err := os.WriteFile(later, []byte(strings.Replace(text, "super smart", "very smart", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	p.run(chromedp.SetUploadFiles(`#revision-file`, []string{later}, chromedp.ByQuery))
	p.waitCount(".revision-list li", 2)

	p.run(chromedp.Navigate(d.srv.URL + "/"))
	p.waitMounted()
	p.shareIntoDesk(1)
	p.waitCount(".revision-list li", 2)
	p.waitCount("#timeline g.point", 2)
	p.tagHere("a bad guy", "q") // in both revisions: whichever the page shows

	p.checkClientRan(t)
}

// TestSharedUndatedStoryStaysUndated: an undated story shared into a
// project is still undated there, after its trip through the server
// (tester 3: it came back dated by the day it was added).
func TestSharedUndatedStoryStaysUndated(t *testing.T) {
	d := newDesk(t)
	p := d.signedIn("alice")
	p.setField("#paste", "Officials said on Tuesday that the bridge would reopen in spring.\n\nCritics doubted it.")
	p.run(chromedp.WaitEnabled("#add-paste", chromedp.ByQuery))
	p.click("#add-paste")
	p.waitCount("#stories li.story", 1)
	p.shareIntoDesk(1)
	p.waitSync(10*time.Second, "synced")
	// Read again from the server: a fresh profile signs in and opens it.
	q := d.signedIn("bob")
	q.waitCount(`#projects li.story[data-project="desk"]`, 1)
	q.openProjectStory()
	for _, b := range []*page{p, q} {
		if got := b.text("#story-date"); !strings.HasPrefix(got, "undated, added ") {
			t.Errorf("the shared story's date reads %q, want undated", got)
		}
	}
}
