//go:build e2e

package e2e

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// TestLibraryAddsStoriesFromPasteFilesAndDrop adds one story by pasting,
// three at once through the file picker (.txt, .md, .html) and one by
// dropping a file on the page; each is listed with a date, one revision
// and no quotes or claims, and opens with its paragraphs.
func TestLibraryAddsStoriesFromPasteFilesAndDrop(t *testing.T) {
	_, p := openApp(t)

	p.setField("#paste", "Officials said on Tuesday that the bridge would reopen in spring.\n\nCritics doubted it.")
	p.run(chromedp.WaitEnabled("#add-paste", chromedp.ByQuery)) // the app has taken the text
	p.click("#add-paste")
	p.waitCount("li.story", 1)
	if v := p.value("#paste"); v != "" {
		t.Errorf("the paste box still holds %q after adding", v)
	}

	p.addFiles(
		writeFile(t, "council-vote.txt", "The council voted nine to two.\n\nThe mayor said “we will appeal”."),
		writeFile(t, "harbour.md", "# Harbour dredging approved\n\nThe port authority *approved* the plan.\n\nWork starts in June."),
		writeFile(t, "election.html", `<!doctype html><html><head><title>Turnout hits record</title></head>
			<body><article><h1>Turnout hits record</h1><p>Turnout reached 71 percent, the commission said.</p><p>Counting continues overnight.</p></article></body></html>`),
	)
	p.waitCount("li.story", 4)

	p.eval(`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(["# Dropped story\n\nA ferry ran aground off the coast.\n\nNo one was hurt."], "dropped.md", {type: "text/markdown"}));
		document.querySelector("#page").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
	})()`, nil)
	p.waitCount("li.story", 5)

	// A real drag of a file from the desktop: the browser drops only where
	// dragover was cancelled, and empties dataTransfer once the drop
	// event is over.
	p.dragFile(writeFile(t, "desktop.txt", "Dragged from the desktop.\n\nIt has two paragraphs."), "#library h2")
	p.waitCount("li.story", 6)
	if u := p.location(); !strings.HasSuffix(u, "/") {
		t.Errorf("after a drop the page is at %s, want the library", u)
	}

	titles := p.storyTitles()
	for _, want := range []string{"Officials said on Tuesday that the bridge would…", "The council voted nine to two.", "Harbour dredging approved", "Turnout hits record", "Dropped story", "Dragged from the desktop."} {
		if !strings.Contains(strings.Join(titles, "\n"), want) {
			t.Errorf("no story titled %q in the library: %q", want, titles)
		}
	}
	var metas []string
	p.eval(`[...document.querySelectorAll("li.story .meta")].map(m => m.textContent)`, &metas)
	// None of these texts gives a date: each shows the day it was added,
	// labelled so.
	meta := regexp.MustCompile(`^undated, added \d{4}-\d{2}-\d{2} · 1 revision · 0 quotes · 0 claims$`)
	for i, m := range metas {
		if !meta.MatchString(m) {
			t.Errorf("story %q is listed with %q, want undated with the day added, 1 revision, 0 quotes, 0 claims", titles[i], m)
		}
	}

	p.openStory("Harbour dredging")
	var paras []string
	p.eval(`[...document.querySelectorAll("#article p")].map(p => p.textContent)`, &paras)
	if want := []string{"The port authority approved the plan.", "Work starts in June."}; strings.Join(paras, "|") != strings.Join(want, "|") {
		t.Errorf("the Markdown story reads %q, want paragraphs %q", paras, want)
	}
}

// TestLibraryListsCountsRenamesAndDeletesWithUndo loads the sample with
// "Try the sample article", tags it, and checks the library's line for it;
// then renames it and deletes it, undoes the deletion and finds everything
// back, across reloads.
func TestLibraryListsCountsRenamesAndDeletesWithUndo(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	if got := p.text("#article p"); !strings.HasPrefix(got, "Russian President Vladimir Putin prayed for Donald Trump") {
		t.Errorf("the sample article starts %q", got)
	}
	p.tag("super smart", "q")
	p.tag("a bad guy", "q")
	p.tag("prayed for the US president", "c")
	p.tag("Butler, Pennsylvania", "n")

	p.click("a.home")
	p.waitMounted()
	p.waitJS("the library line to count the tags", `document.querySelector("li.story .meta")?.textContent.includes("2 quotes")`)
	if got, want := p.text("li.story .meta"), "2025-03-23 · 1 revision · 2 quotes · 1 claim"; got != want {
		t.Errorf("the sample is listed with %q, want %q", got, want)
	}

	p.click("li.story .rename-story")
	p.waitCount("li.story .rename-input", 1)
	p.waitJS("the title field to take the focus", `document.activeElement?.classList.contains("rename-input")`)
	p.setField("li.story .rename-input", "  Putin   prayed for Trump, says envoy ")
	p.click(`li.story form.rename button[type="submit"]`)
	p.waitJS("the new title", `document.querySelector("li.story a.title")?.textContent === "Putin prayed for Trump, says envoy"`)
	p.reloadLibrary()
	p.waitJS("the new title after a reload", `document.querySelector("li.story a.title")?.textContent === "Putin prayed for Trump, says envoy"`)

	p.click("li.story .delete-story")
	p.waitCount("li.story", 0)
	if !strings.Contains(p.text("#library"), "No stories yet") {
		t.Error("an empty library does not say so")
	}
	p.click("#undo-delete")
	p.waitCount("li.story", 1)
	p.waitCount("#undo-delete", 0)
	p.reloadLibrary()
	p.waitCount("li.story", 1)
	if got, want := p.text("li.story .meta"), "2025-03-23 · 1 revision · 2 quotes · 1 claim"; got != want {
		t.Errorf("after undoing the deletion the story is listed with %q, want %q", got, want)
	}
	p.openStory("Putin prayed for Trump")
	p.waitCount("#annotations li", 4)
	if got := p.text("#story-title"); got != "Putin prayed for Trump, says envoy" {
		t.Errorf("the restored story is titled %q", got)
	}
}

// dragFile drags a file from outside the browser and drops it on the
// element matching selector, as the operating system would.
func (p *page) dragFile(path, selector string) {
	p.t.Helper()
	var box []float64
	p.eval(`(() => { const r = document.querySelector(`+jsString(selector)+`).getBoundingClientRect(); return [r.x + r.width/2, r.y + r.height/2]; })()`, &box)
	data := &input.DragData{Files: []string{path}, DragOperationsMask: 1}
	p.run(
		input.DispatchDragEvent(input.DragEnter, box[0], box[1], data),
		input.DispatchDragEvent(input.DragOver, box[0], box[1], data),
		input.DispatchDragEvent(input.Drop, box[0], box[1], data),
	)
}

// location is the page's URL.
func (p *page) location() string {
	p.t.Helper()
	var u string
	p.eval(`location.href`, &u)
	return u
}

// storyTitles are the titles the library lists, in order.
func (p *page) storyTitles() []string {
	p.t.Helper()
	var titles []string
	p.eval(`[...document.querySelectorAll("li.story a.title")].map(a => a.textContent)`, &titles)
	return titles
}

// TestLibraryRowButtonsActOnTheirOwnStory is issue 16's bug 1: stories
// added one after another are listed newest first, and each row's Delete
// and Rename act on that row's story, not on the story that held the row's
// position when it was first drawn (the oldest), without a reload.
func TestLibraryRowButtonsActOnTheirOwnStory(t *testing.T) {
	_, p := openApp(t)
	for i, name := range []string{"wapo-bridge.txt", "cnn-harbour.txt", "guardian-ferry.txt"} {
		p.addFiles(writeFile(t, name, "Story "+name+" opens here.\n\nIt has a second paragraph."))
		p.waitCount("li.story", i+1)
	}
	titles := p.storyTitles()
	if len(titles) != 3 {
		t.Fatalf("listed %q", titles)
	}

	p.click("li.story:nth-child(1) .delete-story")
	p.waitCount("li.story", 2)
	p.waitCount("#undo-delete", 1)
	if notice := p.text("#library .notice"); !strings.Contains(notice, "“"+titles[0]+"”") {
		t.Errorf("Delete on the first row (%q) says %q", titles[0], notice)
	}
	if got := p.storyTitles(); strings.Join(got, "|") != strings.Join(titles[1:], "|") {
		t.Errorf("after deleting the first row the library lists %q, want %q", got, titles[1:])
	}

	// Rename on the second row opens the field in that row and renames
	// that story.
	p.click("li.story:nth-child(2) .rename-story")
	p.waitCount("li.story:nth-child(2) .rename-input", 1)
	if n := p.count(".rename-input"); n != 1 {
		t.Errorf("%d title fields open, want 1", n)
	}
	if got := p.value("li.story:nth-child(2) .rename-input"); got != titles[2] {
		t.Errorf("the title field of %q holds %q", titles[2], got)
	}
	p.setField("li.story:nth-child(2) .rename-input", "Renamed second row")
	p.click(`li.story:nth-child(2) form.rename button[type="submit"]`)
	p.waitJS("the second row renamed", `document.querySelector("li.story:nth-child(2) a.title")?.textContent === "Renamed second row"`)
	if got := p.text("li.story:nth-child(1) a.title"); got != titles[1] {
		t.Errorf("renaming the second row changed the first to %q", got)
	}

	// Undo brings back the first story, and its row's buttons are its own.
	p.click("#undo-delete")
	p.waitCount("li.story", 3)
	now := p.storyTitles()
	for i := range now {
		row := "li.story:nth-child(" + strconv.Itoa(i+1) + ")"
		p.click(row + " .rename-story")
		p.waitCount(row+" .rename-input", 1)
		if got := p.value(row + " .rename-input"); got != now[i] {
			t.Errorf("Rename on row %d (%q) opens a field holding %q", i+1, now[i], got)
		}
	}
}

// TestLibrarySearchAndSort: the library finds a story by a word of its
// title or of its text, says when none matches, and offers its orders
// (internal/library's TestBrowseSearchesSortsAndFilters checks them).
func TestLibrarySearchAndSort(t *testing.T) {
	_, p := openApp(t)
	for i, f := range []struct{ name, text string }{
		{"council-vote.txt", "The council voted nine to two.\n\nThe mayor said she would appeal."},
		{"harbour.md", "# Harbour dredging approved\n\nThe port authority approved the plan."},
		{"ferry.txt", "A ferry ran aground off the coast.\n\nNo one was hurt."},
	} {
		p.addFiles(writeFile(t, f.name, f.text))
		p.waitCount("li.story", i+1)
	}
	p.setField("#story-search", "harbour")
	p.waitCount("li.story", 1)
	p.setField("#story-search", "aground coast")
	p.waitJS("the ferry story found by words of its text", `document.querySelectorAll("li.story").length === 1 && document.querySelector("li.story a.title").textContent === "A ferry ran aground off the coast."`)
	p.setField("#story-search", "nothing like this")
	p.waitJS("no match said", `document.querySelector("#stories")?.textContent === "No story matches."`)
	p.setField("#story-search", "")
	p.waitCount("li.story", 3)

	p.chooseOptionText("#story-order", "Last changed")
	p.waitCount("li.story", 3)
	p.chooseOptionText("#story-order", "Date added")
	p.waitJS("the newest first", `document.querySelector("li.story a.title")?.textContent === "A ferry ran aground off the coast."`)
}
