//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// TestTaggingByKeysAndToolbar tags with q, c and n and with the toolbar
// that appears by a selection; a sloppy selection snaps to whole words;
// two overlapping annotations both show, nested, with the text intact.
func TestTaggingByKeysAndToolbar(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	text := p.text("#article")
	var paragraphs int
	p.eval(`document.querySelectorAll("#article p").length`, &paragraphs)
	if paragraphs < 10 {
		t.Errorf("the sample shows %d paragraphs, want its paragraphs kept", paragraphs)
	}

	quote := p.tag("uper smar", "q") // snaps to "super smart"
	claim := p.tag("was not politically motivated", "c")
	note := p.tag("Butler, Pennsylvania", "n")

	p.selectText("#article", "a bad guy")
	p.waitJS("the tag toolbar by the selection", `!document.querySelector("#tagbar").hidden`)
	before := len(p.sidebarIDs())
	p.click("#tagbar button.k-claim")
	p.waitCount("#annotations li", before+1)
	p.waitCount("#tagbar:not([hidden])", 0)

	for _, c := range []struct{ id, kind, text string }{
		{quote, "quote", "super smart"},
		{claim, "claim", "was not politically motivated"},
		{note, "note", "Butler, Pennsylvania"},
	} {
		if got := p.markText(c.id); got != c.text {
			t.Errorf("the %s highlights %q, want %q", c.kind, got, c.text)
		}
		if got := p.attr(mark(c.id), "data-kind"); got != c.kind {
			t.Errorf("the %q highlight has data-kind %q, want %q", c.text, got, c.kind)
		}
	}
	if n := p.count(`#article mark[data-kind="claim"]`); n != 2 {
		t.Errorf("%d claim highlights, want 2 (one from c, one from the toolbar)", n)
	}
	var claims []string
	p.eval(`[...document.querySelectorAll('#article mark[data-kind="claim"]')].map(m => m.textContent)`, &claims)
	if strings.Join(claims, "|") != "was not politically motivated|a bad guy" {
		t.Errorf("claim highlights %q, want the one tagged with c and the one tagged with the toolbar", claims)
	}

	// Overlaps: "Putin prayed for Donald Trump" and "Donald Trump following".
	outer := p.tag("Putin prayed for Donald Trump", "c")
	inner := p.tag("Donald Trump following", "q")
	if got := p.markText(outer); got != "Putin prayed for Donald Trump" {
		t.Errorf("the first of two overlapping annotations highlights %q", got)
	}
	if got := p.markText(inner); got != "Donald Trump following" {
		t.Errorf("the second of two overlapping annotations highlights %q", got)
	}
	nested := p.evalBool(`[...document.querySelectorAll("#article mark mark")].some(m =>
		m.dataset.id === ` + jsString(inner) + ` && m.parentElement.closest("mark").dataset.id === ` + jsString(outer) + ` && m.textContent === "Donald Trump")`)
	if !nested {
		t.Error(`"Donald Trump" is not a mark of the second annotation nested in a mark of the first`)
	}
	if got := p.text("#article"); got != text {
		t.Error("tagging changed the article's text")
	}
}

// TestEditorFieldsPersist gives a quote a speaker (suggested from the
// names used), a claim a verdict, and tags and a note; each field saves
// on change and is there after a reload.
func TestEditorFieldsPersist(t *testing.T) {
	_, p := openApp(t)
	p.openSample()

	first := p.tag("super smart", "q")
	p.waitCount(`#editor[data-id="`+first+`"]`, 1)
	p.setField("#edit-speaker", "Steve  Witkoff ")
	p.waitJS("the speaker in the sidebar", `document.querySelector(`+jsString(item(first)+" .who")+`)?.textContent === "— Steve Witkoff"`)
	p.waitStored(first, "speaker", "Steve Witkoff")
	p.setField("#edit-tags", "praise, ukraine, praise")
	p.waitJS("the tags in the sidebar", `document.querySelector(`+jsString(item(first)+" .tags")+`)?.textContent === "#praise #ukraine"`)
	p.waitStored(first, "tags", "[praise ukraine]")
	p.setField("#edit-note", "check the podcast transcript")
	p.waitStored(first, "note", "check the podcast transcript")

	second := p.tag("a bad guy", "q")
	p.waitCount(`#editor[data-id="`+second+`"]`, 1)
	var suggestions []string
	p.eval(`[...document.querySelectorAll("datalist#speakers option")].map(o => o.value)`, &suggestions)
	if len(suggestions) != 1 || suggestions[0] != "Steve Witkoff" {
		t.Errorf("speaker suggestions = %q, want the name already used", suggestions)
	}
	if got := p.attr("#edit-speaker", "list"); got != "speakers" {
		t.Errorf("the speaker field suggests from list %q", got)
	}
	for _, f := range []string{"#edit-speaker", "#edit-tags", "#edit-note"} {
		if v := p.value(f); v != "" {
			t.Errorf("a new quote's %s shows %q, the previous annotation's", f, v)
		}
	}

	claim := p.tag("prayed for the US president", "c")
	p.waitCount(`#editor[data-id="`+claim+`"]`, 1)
	if v := p.value("#edit-verdict"); v != "unverified" {
		t.Errorf("a new claim's verdict is %q, want unverified", v)
	}
	if p.count("#edit-speaker") != 0 {
		t.Error("a claim's editor asks for a speaker")
	}
	p.setField("#edit-verdict", "mostly-false")
	p.waitJS("the verdict in the sidebar", `document.querySelector(`+jsString(item(claim)+" .verdict")+`)?.textContent === "mostly-false"`)
	p.waitStored(claim, "verdict", "mostly-false")

	p.reloadStory()
	p.waitCount("#annotations li", 3)
	p.click(item(first) + " button")
	p.waitCount(`#editor[data-id="`+first+`"]`, 1)
	if got := []string{p.value("#edit-speaker"), p.value("#edit-tags"), p.value("#edit-note")}; strings.Join(got, "|") != "Steve Witkoff|praise, ukraine|check the podcast transcript" {
		t.Errorf("after a reload the quote's speaker, tags, note = %q", got)
	}
	p.click(item(claim) + " button")
	p.waitCount(`#editor[data-id="`+claim+`"]`, 1)
	if v := p.value("#edit-verdict"); v != "mostly-false" {
		t.Errorf("after a reload the claim's verdict is %q", v)
	}
	if v := p.value("#edit-note"); v != "" {
		t.Errorf("the claim's note shows %q, the quote's", v)
	}
}

// TestEditAndDeleteUndo: Ctrl+Z undoes an edit, a deletion (the same
// annotation comes back) and then the tagging itself, and what a reload
// shows agrees.
func TestEditAndDeleteUndo(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	id := p.tag("super smart", "q")
	p.setField("#edit-speaker", "Witkoff")
	p.waitCount(item(id)+" .who", 1)
	p.ctrl("z")
	p.waitCount(item(id)+" .who", 0)
	p.waitJS("the editor to show the undone speaker", `document.querySelector("#edit-speaker")?.value === ""`)

	p.click("#edit-delete")
	p.waitCount(mark(id), 0)
	p.waitCount("#annotations li", 0)
	p.ctrl("z")
	p.waitCount(mark(id), 1)
	p.reloadStory()
	p.waitCount(mark(id), 1)
	if got := p.markText(id); got != "super smart" {
		t.Errorf("the restored annotation highlights %q", got)
	}

	p.tag("a bad guy", "q")
	p.ctrl("z")
	p.waitCount("#annotations li", 1)
	p.reloadStory()
	p.waitCount(mark(id), 1)
	if n := p.count("#annotations li"); n != 1 {
		t.Errorf("after undoing a tag and reloading, %d annotations, want 1", n)
	}
}

// markText is the text an annotation highlights (all its marks, in order).
func (p *page) markText(id string) string {
	p.t.Helper()
	var s string
	p.eval(`[...document.querySelectorAll(`+jsString(mark(id))+`)].map(m => m.textContent).join("")`, &s)
	return s
}

// attr is an attribute of the first element matching selector.
func (p *page) attr(selector, name string) string {
	p.t.Helper()
	var s string
	p.eval(`document.querySelector(`+jsString(selector)+`)?.getAttribute(`+jsString(name)+`) ?? ""`, &s)
	return s
}
