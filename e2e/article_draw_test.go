//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestArticleSelectionSurvivesTheDraw: a long article is drawn a chunk per
// task (app/article_views.go); words selected in a part not laid out yet,
// which is there as plain text from the start, stay selected as the
// drawing reaches them, and tagging them afterwards tags those words.
func TestArticleSelectionSurvivesTheDraw(t *testing.T) {
	_, p := openApp(t)
	const words = "argued about bridge number 2950"
	selectWhileTheLongStoryDraws(t, p, words)
	p.waitJS("the article drawn", `document.querySelector("#article")?.dataset.drawing === "false"`)
	if n := p.count("#article .pending"); n != 0 {
		t.Fatalf("%d chunks still plain text once drawn", n)
	}
	var got string
	p.eval(`getSelection().toString()`, &got)
	if got != words {
		t.Fatalf("selection after the draw: %q, want %q", got, words)
	}

	p.press("q")
	p.waitCount("#annotations li", 1)
	id := p.sidebarIDs()[0]
	p.waitStored(id, "kind", "quote")
	if got := p.markText(id); got != words {
		t.Errorf("the quote tagged after the draw marks %q, want %q", got, words)
	}
}

// TestTaggingWhileTheArticleDraws is tester 5's bug 4: words selected
// far down a long story while it is still being drawn, and q pressed
// at once, tagged nothing and said nothing. The tag lands on them.
func TestTaggingWhileTheArticleDraws(t *testing.T) {
	_, p := openApp(t)
	const words = "argued about bridge number 2950"
	selectWhileTheLongStoryDraws(t, p, words)
	p.press("q")
	p.waitCount("#annotations li", 1)
	id := p.sidebarIDs()[0]
	p.waitStored(id, "kind", "quote")
	p.waitJS("the article drawn", `document.querySelector("#article")?.dataset.drawing === "false"`)
	if got := p.markText(id); got != words {
		t.Errorf("the quote tagged while the article was drawn marks %q, want %q", got, words)
	}
}

// selectWhileTheLongStoryDraws adds a story of 3,000 paragraphs, opens
// it and selects words near its end while that part is still plain
// text, far beyond the first chunks drawn.
func selectWhileTheLongStoryDraws(t *testing.T, p *page, words string) {
	t.Helper()
	const paragraphs = 3000
	var b strings.Builder
	b.WriteString("A very long council story\n\n")
	for i := range paragraphs {
		fmt.Fprintf(&b, "Paragraph %d says the council met again and argued about bridge number %d.\n\n", i+1, i+1)
	}
	p.addFiles(writeFile(t, "very-long-story.txt", b.String()))
	p.openStory("A very long council story")
	var got string
	p.eval(`new Promise((resolve) => {
		const want = `+jsString(words)+`;
		const attempt = () => {
			const article = document.querySelector("#article");
			if (!article || article.dataset.drawing !== "true") return setTimeout(attempt, 0);
			for (const p of article.querySelectorAll("p")) {
				const at = p.textContent.indexOf(want);
				if (at < 0) continue;
				if (!p.closest(".pending")) return resolve("drawn before it was selected");
				const text = p.querySelector("[data-s]").firstChild;
				const range = document.createRange();
				range.setStart(text, at);
				range.setEnd(text, at + want.length);
				p.scrollIntoView({block: "center"}); // a reader selects what is on screen
				getSelection().removeAllRanges();
				getSelection().addRange(range);
				return resolve("selected");
			}
			resolve("not in the article while it is drawn");
		};
		attempt();
	})`, &got)
	if got != "selected" {
		t.Fatalf("the words to select: %s", got)
	}
}
