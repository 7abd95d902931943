package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// webhookTimeout bounds one delivery.
const webhookTimeout = 10 * time.Second

// alertSummary is the JSON a project's webhook receives when a captured
// revision changed annotated words.
type alertSummary struct {
	Project    string             `json:"project"`
	StoryID    string             `json:"storyId"`
	Title      string             `json:"title"`
	RevisionID string             `json:"revisionId"`
	URL        string             `json:"url"`
	Fetched    time.Time          `json:"fetched"`
	Alerts     []alertSummaryItem `json:"alerts"`
}

type alertSummaryItem struct {
	AnnotationID string `json:"annotationId"`
	Kind         string `json:"kind"`
	Status       string `json:"status"`
	Before       string `json:"before"`
	After        string `json:"after"`
}

// Post sends a JSON body to url with the fetcher's safety (public
// addresses only, unless allowed; its User-Agent), following no
// redirects: a webhook that moved must be set again.
func (f *Fetcher) Post(ctx context.Context, url string, body []byte) error {
	if _, err := f.CheckURL(url); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, webhookTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", f.opt.UserAgent)
	client := &http.Client{Transport: f.client.Transport, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("webhook %s answered %s", url, resp.Status)
	}
	return nil
}

// notify posts a captured revision's alerts to the project's webhook, if
// it has one; a failed delivery is logged, never retried (the alerts stay
// listed in the API).
func (w *Watcher) notify(ctx context.Context, title string, cw store.CaptureWrite) {
	if len(cw.Alerts) == 0 {
		return
	}
	hook, err := w.store.Webhook(ctx, cw.Revision.Project)
	if err != nil || hook == "" {
		return
	}
	s := alertSummary{Project: cw.Revision.Project, StoryID: cw.Revision.StoryID, Title: title, RevisionID: cw.Revision.ID,
		URL: cw.Capture.FinalURL, Fetched: cw.Capture.Fetched.UTC()}
	for _, a := range cw.Alerts {
		s.Alerts = append(s.Alerts, alertSummaryItem{AnnotationID: a.AnnotationID, Kind: a.Kind, Status: a.Status, Before: a.Before, After: a.After})
	}
	body, err := json.Marshal(s)
	if err == nil {
		err = w.fetcher.Post(ctx, hook, body)
	}
	if err != nil {
		w.cfg.Logf("watch %s: webhook: %v", cw.Revision.Project, err)
	}
}

// CheckWebhook refuses a webhook URL the watcher would not post to.
func (w *Watcher) CheckWebhook(url string) error {
	if url == "" {
		return nil
	}
	_, err := w.fetcher.CheckURL(url)
	return err
}
