package watch_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/watch"
)

func TestMain(m *testing.M) { os.Exit(sqltest.Run(m)) }

const every = 30 * time.Minute

// newDesk opens a fresh database with project "desk" owned by alice.
func newDesk(t *testing.T, engine string) *sqlstore.DB {
	t.Helper()
	ctx := context.Background()
	db := sqltest.New(t, engine)
	must(t, db.CreateUser(ctx, store.User{Name: "alice"}))
	must(t, db.CreateProject(ctx, store.Project{Slug: "desk", Title: "Desk"}, "alice"))
	return db
}

func newWatcher(db *sqlstore.DB, c *clock, allowPrivate bool) *watch.Watcher {
	f := watch.NewFetcher(watch.Options{AllowPrivate: allowPrivate, Now: c.Now, Timeout: 5 * time.Second})
	return watch.New(db, f, watch.Config{Every: every, Now: c.Now})
}

// annotate stores a quote annotation on exact, as a client would through
// the protocol.
func annotate(t *testing.T, db *sqlstore.DB, storyID string, kind annotation.Kind, exact string) store.Doc {
	t.Helper()
	a := annotation.Annotation{ID: "urn:uuid:00000000-0000-4000-8000-000000000001", Kind: kind, Speaker: "Jane Ortiz",
		Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Target:  annotation.Target{Source: annotation.StorySource(storyID), Selector: anchor.Selector{Quote: &anchor.TextQuote{Exact: exact}}}}
	if kind != annotation.KindQuote {
		a.Speaker = ""
	}
	body, err := annotation.MarshalAnnotation(a)
	must(t, err)
	id := protocol.NewID()
	p, err := protocol.Prepare(body, "http://example.test/annotations/desk/"+id, protocol.Person("alice"), false, time.Now())
	must(t, err)
	d, err := db.PutDoc(context.Background(), store.Actor{User: "alice"}, store.Doc{Project: "desk", ID: id, JSON: p.JSON, StoryID: p.StoryID}, 0)
	must(t, err)
	return d
}

// TestScenario is the judged scenario: a watched article is edited twice
// (a quote reworded; then a paragraph moved and a sentence deleted),
// with unchanged fetches in between.
func TestScenario(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, _ func(testing.TB) string) {
		ctx := context.Background()
		db := newDesk(t, engine)
		s := newSite(t, articlePage("", pVote, pQuote, pParks, pCritics))
		c := newClock()
		w := newWatcher(db, c, true)

		wt, rev1, err := w.Add(ctx, store.Actor{User: "alice"}, "desk", s.URL+"/news/budget", false)
		must(t, err)
		if wt.StoryID == "" || rev1.ID == "" || !strings.Contains(rev1.Text, "We will not raise taxes") {
			t.Fatalf("first capture: watch %+v revision %+v", wt, rev1)
		}
		quote := annotate(t, db, wt.StoryID, annotation.KindQuote, "We will not raise taxes this year")
		parks := annotate(t, db, wt.StoryID, annotation.KindClaim, "new funding for parks, libraries and road repairs")

		runDue := func(wantFetched int) {
			t.Helper()
			c.Add(every + time.Second)
			n, err := w.RunDue(ctx)
			must(t, err)
			if n != wantFetched {
				t.Fatalf("fetched %d watches, want %d", n, wantFetched)
			}
		}
		runDue(1) // 304: unchanged
		s.touch()
		runDue(1) // 200, same text
		runDue(1)
		s.edit(articlePage("", pVote, pQuote2, pParks, pCritics))
		runDue(1)
		runDue(1) // 304
		s.edit(articlePage("", pVote, pParks, pQuote2, pCritic2))
		runDue(1)
		runDue(1)

		revs, err := db.Revisions(ctx, "desk", wt.StoryID)
		must(t, err)
		if len(revs) != 3 {
			t.Fatalf("%d revisions, want 3", len(revs))
		}
		alerts, err := db.Alerts(ctx, "desk", "", 0)
		must(t, err)
		if len(alerts) != 1 || alerts[0].AnnotationID != quote.ID || alerts[0].Status != "changed" ||
			alerts[0].Before != "We will not raise taxes this year" || !strings.Contains(alerts[0].After, "We do not plan to raise taxes this year") {
			t.Fatalf("alerts = %+v", alerts)
		}
		// Annotations on the last revision: the quote (changed, carried
		// twice) and the parks claim (moved).
		docs, err := db.Docs(ctx, "desk", store.DocQuery{StoryID: wt.StoryID})
		must(t, err)
		statuses := map[string]map[string]annotation.Status{} // revision → exact → status
		for _, d := range docs.Docs {
			anns, err := annotation.Decode(protocol.WithID(d.JSON, "urn:x"))
			must(t, err)
			a := anns[0]
			if statuses[a.Revision] == nil {
				statuses[a.Revision] = map[string]annotation.Status{}
			}
			statuses[a.Revision][a.Target.Selector.Quote.Exact] = a.Status
			if d.ID != quote.ID && d.ID != parks.ID && a.Before == "" {
				t.Errorf("carried annotation %s has no old words", d.ID)
			}
		}
		wantOn2 := map[string]annotation.Status{
			"We do not plan to raise taxes this year":           annotation.StatusChanged,
			"new funding for parks, libraries and road repairs": annotation.StatusIntact,
		}
		if fmt.Sprint(statuses[revs[1].ID]) != fmt.Sprint(wantOn2) {
			t.Errorf("annotations on revision 2: %v, want %v", statuses[revs[1].ID], wantOn2)
		}
		// Two paragraphs swapped: the diff keeps one in place and moves
		// the other; the words stay those annotated, in either case.
		on3 := statuses[revs[2].ID]
		if len(on3) != 2 || on3["new funding for parks, libraries and road repairs"] != annotation.StatusMoved ||
			on3["We do not plan to raise taxes this year"] != annotation.StatusIntact {
			t.Errorf("annotations on revision 3: %v", on3)
		}
		if len(statuses[""]) != 2 {
			t.Errorf("the annotations of revision 1 changed: %v", statuses)
		}
		caps, err := db.Captures(ctx, "desk", wt.StoryID)
		must(t, err)
		if len(caps) != 3 {
			t.Fatalf("%d captures, want 3", len(caps))
		}
		for i, cp := range caps {
			if cp.RevisionID != revs[i].ID || cp.Status != 200 || len(cp.SHA256) != 64 || !strings.Contains(cp.RequestHeader, "User-Agent: Redline") {
				t.Errorf("capture %d: %+v", i, cp)
			}
		}
		if !strings.Contains(string(caps[1].Body), "We do not plan") || strings.Contains(string(caps[1].Body), "voted against it") == false {
			t.Errorf("capture 2 body is not the page as served: %s", caps[1].Body)
		}
		// The WARC export holds the three captures, bytes as served.
		var warc bytes.Buffer
		story, err := db.Story(ctx, "desk", wt.StoryID)
		must(t, err)
		must(t, watch.WriteWARC(&warc, story, caps, c.Now()))
		types, payloads := readWARC(t, warc.Bytes())
		if len(types) != 7 || len(payloads) != 3 {
			t.Fatalf("WARC records %v", types)
		}
		for i, p := range payloads {
			if !bytes.Equal(p, caps[i].Body) {
				t.Errorf("WARC response %d differs from the capture", i)
			}
		}
		if !bytes.Contains(payloads[0], []byte("We will not raise")) || !bytes.Contains(payloads[2], []byte(pCritic2)) {
			t.Errorf("WARC payloads are not the three versions")
		}
		// The change feed carries the revisions and carried annotations.
		changes, err := db.Changes(ctx, "desk", 0, 0)
		must(t, err)
		kinds := map[string]int{}
		for _, ch := range changes {
			kinds[ch.Kind]++
		}
		if kinds[store.KindRevision] != 3 || kinds[store.KindAnnotation] != 6 {
			t.Errorf("change feed kinds %v, want 3 revisions and 6 annotations", kinds)
		}
	})
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
