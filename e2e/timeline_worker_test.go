//go:build e2e

package e2e

import (
	"context"
	"slices"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// countCoreWorkers, run before the page's own scripts, counts the core's
// workers the page starts (app/core_js.go: new Worker("/web/core-worker.js")).
const countCoreWorkers = `(() => {
	const W = window.Worker;
	window.redlineCoreWorkers = 0;
	window.Worker = function (url, options) {
		if (String(url).includes("core-worker.js")) window.redlineCoreWorkers++;
		return new W(url, options);
	};
})()`

// timelineLabels are the timeline's points as a screen reader reads them:
// each revision's date, words, words added and removed, annotations changed.
const timelineLabels = `[...document.querySelectorAll("#timeline g.point")].map(g => g.getAttribute("aria-label"))`

// TestOpeningAStoryWithRevisionsStartsNoWorker: a story with two
// revisions, opened by its address with no press of a key or pointer,
// draws its timeline with the same figures as the page that added the
// revision, and the core's worker is not started (issue 15: the
// timeline's word counts were asked of the worker on every open).
func TestOpeningAStoryWithRevisionsStartsNoWorker(t *testing.T) {
	_, p := sampleFromFile(t)
	p.setUploadFiles(`#page input[type="file"]`, laterRevision(t))
	p.waitCount(`#revisions button.revision`, 2)
	p.waitCount(`#timeline rect.added`, 1)
	var want []string
	p.eval(timelineLabels, &want)

	p.run(chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := cdppage.AddScriptToEvaluateOnNewDocument(countCoreWorkers).Do(ctx)
		return err
	}))
	p.reloadStory()
	p.waitCount("#timeline g.point", 2)
	var got []string
	p.eval(timelineLabels, &got)
	if !slices.Equal(got, want) {
		t.Errorf("the timeline reopened reads %q, want %q as when the revision was added", got, want)
	}
	// Whatever the page would start on its own (a task after the first
	// draw, an idle callback) has had time to.
	time.Sleep(time.Second)
	var started int
	p.eval(`window.redlineCoreWorkers`, &started)
	if started != 0 {
		t.Errorf("opening the story started the core's worker %d times, want none before a press or a call", started)
	}
}
