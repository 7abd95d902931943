//go:build e2e

package e2e

import (
	"slices"
	"strings"
	"testing"
)

// TestSidebarOrderFiltersAndNavigation: the sidebar lists annotations in
// text order whatever order they were made in; each filter and the search
// narrow it; clicking an entry selects it and scrolls its highlight into
// view; j and k step through; ? lists every shortcut.
func TestSidebarOrderFiltersAndNavigation(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	kherson := p.tag("Donetsk, Luhansk, Zaporizhzhia, and Kherson", "c")
	smart, prayed := p.tagPraiseAndFalseClaim()
	butler := p.tag("Butler, Pennsylvania", "n")
	p.setField("#edit-note", "rally of 13 July 2024")
	p.waitStored(butler, "note", "rally of 13 July 2024")

	inText := []string{prayed, butler, smart, kherson}
	if got := p.sidebarIDs(); !slices.Equal(got, inText) {
		t.Errorf("sidebar order %q, want text order %q", got, inText)
	}
	if got := p.markIDs(); !slices.Equal(got, inText) {
		t.Errorf("highlights in the article %q, want %q", got, inText)
	}

	for _, f := range []struct {
		field, value string
		want         []string
	}{
		{"#filter-kind", "claim", []string{prayed, kherson}},
		{"#filter-tag", "praise", []string{smart}},
		{"#filter-speaker", "Steve Witkoff", []string{smart}},
		{"#filter-verdict", "false", []string{prayed}},
	} {
		p.setField(f.field, f.value)
		p.waitJS(f.field+" to filter", `[...document.querySelectorAll("#annotations li")].map(li => li.dataset.id).join() === `+jsString(strings.Join(f.want, ",")))
		p.setField(f.field, "")
		p.waitCount("#annotations li", 4)
	}
	p.eval(`window.stillThisPage = true`, nil)
	p.click("#filter-search")
	p.press("july rally")
	p.waitJS("the search to filter", `[...document.querySelectorAll("#annotations li")].map(li => li.dataset.id).join() === `+jsString(butler))
	p.press("\r") // Enter in the search box must not submit the form (and reload)
	p.setField("#filter-search", "")
	p.waitCount("#annotations li", 4)
	if !p.evalBool(`window.stillThisPage`) {
		t.Error("pressing Enter in the search box reloaded the page")
	}

	p.press("\x1b") // Esc: leave the search box
	p.press("\x1b") // Esc: deselect
	p.waitCount("#editor", 0)
	p.eval(`window.scrollTo(0, 0)`, nil)
	p.click(item(kherson) + " button")
	p.waitCount(mark(kherson)+".selected", 1)
	p.waitCount(item(kherson)+".selected", 1)
	p.waitJS("the highlight to scroll into view", `(() => { const r = document.querySelector(`+jsString(mark(kherson))+`).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`)

	p.press("\x1b")
	p.waitCount("#annotations li.selected", 0)
	for _, step := range []struct{ key, want string }{
		{"j", prayed}, {"j", butler}, {"j", smart}, {"k", butler}, {"k", prayed}, {"k", kherson},
	} {
		p.press(step.key)
		p.waitCount(item(step.want)+".selected", 1)
		p.waitCount(mark(step.want)+".selected", 1)
	}

	p.press("?")
	p.waitCount("#shortcuts", 1)
	help := p.text("#shortcuts")
	for _, key := range []string{"q", "c", "n", "j / k", "Enter", "Ctrl+Z", "Esc", "?"} {
		if !strings.Contains(help, key) {
			t.Errorf("the shortcuts dialog does not list %q: %q", key, help)
		}
	}
	p.press("\x1b")
	p.waitCount("#shortcuts", 0)
	// A click from script: a fading status message can lie over the top
	// bar's buttons for a few seconds, and a click at #help's centre then
	// lands on the message (that test is the status bar's own).
	p.eval(`document.querySelector("#help").click()`, nil)
	p.waitCount("#shortcuts", 1)
}

// TestSidebarFilterBackToAllShowsEverything is issue 16's bug 2: each
// filter, set to a value and then back to its "All" option, lists every
// annotation again.
func TestSidebarFilterBackToAllShowsEverything(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	p.tagPraiseAndFalseClaim()
	p.tag("Butler, Pennsylvania", "n")

	for _, f := range []struct{ field, value string }{
		{"#filter-kind", "claim"}, {"#filter-tag", "praise"}, {"#filter-speaker", "Steve Witkoff"}, {"#filter-verdict", "false"},
	} {
		p.chooseOptionText(f.field, f.value)
		p.waitCount("#annotations li", 1)
		p.chooseOptionText(f.field, "All")
		p.waitJS(f.field+" back to All to list all three", `document.querySelectorAll("#annotations li").length === 3`)
		if got := p.text("#count"); got != "3 annotations shown of 3" {
			t.Errorf("%s back to All: %q", f.field, got)
		}
	}
}
