package watch_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
)

// corpusDir is the real revision pairs (NewsEdits) of ../shared, relative
// to the repository root.
var corpusDir = filepath.Join("..", "..", "..", "shared", "corpora", "revisions")

// TestCorpusAlerts watches each real story of the corpus as a page that
// goes from v1 to v2, with every sentence of v1 annotated, and compares
// the alerts raised with the truth the texts give: a sentence whose exact
// text is still in v2 (in place or moved) did not change; any other did.
// It logs the alerts' precision and recall and fails on a false alarm:
// an unchanged sentence reported changed.
func TestCorpusAlerts(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(corpusDir, "*", "v1.txt"))
	if err != nil || len(dirs) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no corpus at %s", corpusDir)
		}
		t.Skipf("no corpus at %s (../shared is not here)", corpusDir)
	}
	ctx := context.Background()
	db := newDesk(t, "sqlite")
	c := newClock()
	w := newWatcher(db, c, true)
	var tp, fp, fn, tn int
	for _, v1path := range dirs {
		dir := filepath.Dir(v1path)
		v1, v2 := readLines(t, v1path), readLines(t, filepath.Join(dir, "v2.txt"))
		s := newSite(t, articlePage("", v1...))
		wt, _, err := w.Add(ctx, alice, "desk", s.URL+"/news/budget", false)
		must(t, err)
		kept := map[string]bool{}
		for _, l := range v2 {
			kept[l] = true
		}
		ids := map[string]string{} // annotation id → its sentence
		seen := map[string]bool{}
		for _, l := range v1 {
			if seen[l] || len(strings.Fields(l)) < 4 { // a repeated line or a dateline is not one passage
				continue
			}
			seen[l] = true
			ids[annotate(t, db, wt.StoryID, annotation.KindQuote, l).ID] = l
		}
		s.edit(articlePage("", v2...))
		c.Add(every + time.Second)
		_, err = w.RunDue(ctx)
		must(t, err)
		alerts, err := db.Alerts(ctx, "desk", wt.StoryID, 0)
		must(t, err)
		alerted := map[string]bool{}
		for _, a := range alerts {
			alerted[a.AnnotationID] = true
		}
		var stp, sfp, sfn int
		for id, l := range ids {
			switch changed := !kept[l]; {
			case changed && alerted[id]:
				stp++
			case changed:
				sfn++
				t.Logf("%s: missed: %q", filepath.Base(dir), l)
			case alerted[id]:
				sfp++
				t.Errorf("%s: false alarm on an unchanged sentence: %q", filepath.Base(dir), l)
			default:
				tn++
			}
		}
		tp, fp, fn = tp+stp, fp+sfp, fn+sfn
		t.Logf("%s: %d sentences annotated, %d changed: %d alerted, %d missed, %d false alarms",
			filepath.Base(dir), len(ids), stp+sfn, stp, sfn, sfp)
	}
	t.Logf("all %d stories: %d changed sentences, %d alerted (recall %.2f), %d false alarms among %d unchanged",
		len(dirs), tp+fn, tp, float64(tp)/float64(max(tp+fn, 1)), fp, fp+tn)
}

func readLines(t testing.TB, path string) []string {
	data, err := os.ReadFile(path)
	must(t, err)
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
