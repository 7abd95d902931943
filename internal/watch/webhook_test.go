package watch_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/annotation"
)

func TestWebhookGetsChangedQuotes(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t, "sqlite")
	got := make(chan map[string]any, 4)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var v map[string]any
		if r.Method != "POST" || r.Header.Get("Content-Type") != "application/json" || json.NewDecoder(r.Body).Decode(&v) != nil {
			t.Errorf("webhook got %s %s", r.Method, r.Header.Get("Content-Type"))
		}
		got <- v
	}))
	defer hook.Close()
	must(t, db.SetWebhook(ctx, "desk", hook.URL+"/alerts"))
	s := newSite(t, articlePage("", pVote, pQuote))
	c := newClock()
	w := newWatcher(db, c, true)
	wt, _, err := w.Add(ctx, alice, "desk", s.URL+"/news/budget", false)
	must(t, err)
	quote := annotate(t, db, wt.StoryID, annotation.KindQuote, "We will not raise taxes this year")
	s.edit(articlePage("", pVote, pQuote2))
	c.Add(every + time.Second)
	_, err = w.RunDue(ctx)
	must(t, err)
	select {
	case v := <-got:
		alerts, _ := v["alerts"].([]any)
		if v["storyId"] != wt.StoryID || len(alerts) != 1 {
			t.Fatalf("webhook summary %v", v)
		}
		a := alerts[0].(map[string]any)
		if a["annotationId"] != quote.ID || a["before"] != "We will not raise taxes this year" || a["status"] != "changed" {
			t.Errorf("alert %v", a)
		}
	default:
		t.Fatal("the webhook got nothing")
	}
	// A webhook on a private address is not posted to without the flag.
	strict := newWatcher(db, c, false)
	if err := strict.CheckWebhook(hook.URL); err == nil {
		t.Error("a loopback webhook passed the check")
	}
}
