//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestTypingFollowsAWatchedPageCapture is tester 5's bug 12: a watched
// page's new capture arriving while alice types a note. The note came out
// twice with words lost, a false two-sided conflict showed, the copy on
// the new revision (what bob reads) kept only the first words, and the
// editor stayed on the old revision. Now the editor follows the note onto
// the capture's copy (named as the app names copies, so the page finds
// it), every word is kept once, in order, on the copy, and nothing says
// "changed elsewhere" or counts a conflict.
func TestTypingFollowsAWatchedPageCapture(t *testing.T) {
	d, p, site := watchedStoryOpen(t, "<p>The council voted seven to two on Tuesday to approve the budget after a long debate that lasted into the evening.</p>"+
		"<p>“This budget invests in our children and schools,” said Jane Doe, speaking to reporters outside City Hall after the vote.</p>")
	id := p.tagHere("This budget invests in our children and schools", "q")
	p.waitSync(10*time.Second, "synced")
	p.run(chromedp.Focus("#edit-note", chromedp.ByQuery))
	typed := "Watching:"
	p.press(typed)
	time.Sleep(time.Second) // saved and synced before the page changes

	site.edit("seven to two", "eight to one")
	deadline := time.Now().Add(40 * time.Second)
	for w, after := 1, 0; after < 4; w++ {
		if time.Now().After(deadline) {
			t.Fatal("no capture arrived in 40 s")
		}
		word := fmt.Sprintf(" w%d", w)
		p.press(word)
		typed += word
		time.Sleep(500 * time.Millisecond)
		if p.count(".revision-list li") == 2 {
			after++
		}
	}
	var open string
	p.eval(`document.querySelector("#editor")?.dataset.id ?? ""`, &open)
	if open == "" || open == id {
		t.Fatalf("editor open on %q, want the quote's copy on the new revision (not %s)", open, id)
	}
	if n := p.count("#old-revision button"); n != 0 {
		t.Error("the page stays on the old revision")
	}
	if got := p.value("#edit-note"); got != typed {
		t.Errorf("the note shows %q, want %q", got, typed)
	}
	p.waitSync(15*time.Second, "synced")
	for _, sel := range []string{"#status", "#edit-elsewhere"} {
		if got := p.text(sel); strings.Contains(got, "another tab") || strings.Contains(got, "elsewhere") {
			t.Errorf("%s says %q: nobody else edited", sel, got)
		}
	}

	// What bob reads: the copy on the new revision, with every word.
	req, _ := http.NewRequest("GET", d.srv.URL+"/annotations/desk/", nil)
	req.Header.Set("Authorization", "Bearer "+d.aliceToken)
	req.Header.Set("Prefer", `return=representation;include="http://www.w3.org/ns/oa#PreferContainedDescriptions"`)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var container struct {
		First struct {
			Items []map[string]any `json:"items"`
		} `json:"first"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&container); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, it := range container.First.Items {
		body, _ := json.Marshal(it)
		// A copy the server made has the id it gave it; one a client
		// sent keeps the client's IRI as via.
		via, _ := it["via"].(string)
		iri, _ := it["id"].(string)
		if via == open || strings.HasSuffix(iri, "/"+strings.TrimPrefix(open, "urn:uuid:")) {
			found = true
			if n := strings.Count(string(body), "Watching:"); !strings.Contains(string(body), typed) || n != 1 {
				t.Errorf("the copy on the server lacks %q or has it %d times: %s", typed, n, body)
			}
		}
	}
	if !found {
		body, _ := json.Marshal(container.First.Items)
		t.Errorf("the copy %s is not on the server: %s", open, body)
	}
}
