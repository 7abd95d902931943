package watch_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/watch"
)

// BenchmarkCarry carries every sentence of a real story (NewsEdits pair
// 09, 71 annotated sentences, 3 of them changed) onto its next revision:
// the work a capture does besides fetching and writing.
func BenchmarkCarry(b *testing.B) {
	dir := filepath.Join(corpusDir, "09-dallas-ebola-patient-thomas-eric-duncan")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no corpus at %s", dir)
	}
	v1, v2 := readLines(b, filepath.Join(dir, "v1.txt")), readLines(b, filepath.Join(dir, "v2.txt"))
	parse := func(ls []string) string {
		a, err := article.Parse([]byte(articlePage("", ls...)), article.FormatHTML)
		if err != nil {
			b.Fatal(err)
		}
		return a.Text
	}
	old := store.RevisionRec{Revision: annotation.Revision{ID: "r1", StoryID: "s", Text: parse(v1)}}
	next := store.RevisionRec{Revision: annotation.Revision{ID: "r2", StoryID: "s", Text: parse(v2), Date: "2014-10-01"}}
	var docs []store.Doc
	for i, l := range v1 {
		if len(strings.Fields(l)) < 4 {
			continue
		}
		a := annotation.Annotation{ID: annotation.NewID(), Kind: annotation.KindQuote, Created: time.Unix(0, 0).UTC(), Revision: "r1",
			Target: annotation.Target{Source: annotation.StorySource("s"), Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: l}}}}
		body, err := annotation.MarshalAnnotation(a)
		if err != nil {
			b.Fatal(err)
		}
		p, err := protocol.Prepare(body, fmt.Sprintf("urn:x:%d", i), nil, false, time.Now())
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, store.Doc{Project: "desk", ID: protocol.NewID(), JSON: p.JSON, StoryID: "s"})
	}
	revs := []store.RevisionRec{old}
	b.ReportAllocs()
	for b.Loop() {
		c := watch.Carry(old, next, revs, docs, time.Now())
		if len(c.Docs) != len(docs) {
			b.Fatalf("%d of %d carried", len(c.Docs), len(docs))
		}
	}
	b.ReportMetric(float64(len(docs)), "annotations")
}
